using StrategyAssistant.Documents;

namespace StrategyAssistant.Records;

/// <summary>Runs every record extractor that understands a document, then the cross-document linkers.</summary>
public sealed class RecordReader
{
    private readonly IReadOnlyList<IRecordExtractor> _extractors;
    private readonly IReadOnlyList<IRecordLinker> _linkers;

    public RecordReader(IEnumerable<IRecordExtractor> extractors, IEnumerable<IRecordLinker> linkers)
    {
        _extractors = [.. extractors];
        _linkers = [.. linkers];
    }

    /// <summary>The extractors and linkers for the layouts the project knows.</summary>
    public static RecordReader Default { get; } = new(RecordExtractors.All, RecordExtractors.Linkers);

    public RecordSet Read(Corpus corpus) => Read(corpus.Documents);

    public RecordSet Read(IEnumerable<SourceDocument> documents)
    {
        RecordSet records = RecordSet.Empty;
        foreach (SourceDocument document in documents)
        {
            foreach (IRecordExtractor extractor in _extractors)
            {
                if (extractor.CanRead(document))
                {
                    records = records.Concat(extractor.Extract(document));
                }
            }
        }

        foreach (IRecordLinker linker in _linkers)
        {
            records = linker.Link(records);
        }

        return records;
    }
}

/// <summary>Joins records across documents (e.g. an evaluation sheet's KPI with the same indicator in the strategy).</summary>
public interface IRecordLinker
{
    RecordSet Link(RecordSet records);
}

/// <summary>The registry of layout readers. A reader for a new layout is one new file in Records/ and one line here.</summary>
public static class RecordExtractors
{
    public static IReadOnlyList<IRecordExtractor> All { get; } =
    [
        new EvaluationSheetExtractor(),
        new StrategyKpiExtractor(),
        new ProjectListExtractor(),
        new ProgressTableExtractor(),
        new MeasureTableExtractor(),
        new CommitteeSlidesExtractor(),
        new GenericKpiExtractor(() => All ?? []),
    ];

    public static IReadOnlyList<IRecordLinker> Linkers { get; } =
    [
        new EvaluationStrategyLinker(),
    ];
}
