using StrategyAssistant.Documents;

namespace StrategyAssistant.Records;

/// <summary>Where a document contradicts itself (a stated total that its rows do not add up to, a count that differs …).
/// The figures stay as written; the note says what disagrees.</summary>
/// <param name="City">The city.</param>
/// <param name="Kind">A short machine-readable kind: total-mismatch, count-mismatch, shifted-row, missing-value.</param>
/// <param name="Message">What the document says and what disagrees, in Japanese, with both figures verbatim.</param>
/// <param name="Sources">The lines involved.</param>
public sealed record DataQualityNote(string City, string Kind, string Message, IReadOnlyList<Citation> Sources)
{
    /// <summary>Topic words (goal, measure, project names) that let retrieval attach the note to an answer.</summary>
    public IReadOnlyList<string> Subjects { get; init; } = [];
}

/// <summary>The records read from one or more documents.</summary>
public sealed record RecordSet(IReadOnlyList<KpiRecord> Kpis, IReadOnlyList<ProjectRecord> Projects, IReadOnlyList<DataQualityNote> Notes)
{
    public static RecordSet Empty { get; } = new([], [], []);

    /// <summary>Totals the documents state for their lists (小計, 合計, summary rows), with what the listed rows add up to.</summary>
    public IReadOnlyList<ListTotal> Totals { get; init; } = [];

    /// <summary>Counts the documents state on a line of their own (a goal's 事業数, 小計(事業数:16、KPI数:15)), found at ingestion.</summary>
    public IReadOnlyList<StatedCount> StatedCounts { get; init; } = [];

    public RecordSet Concat(RecordSet other) =>
        new([.. Kpis, .. other.Kpis], [.. Projects, .. other.Projects], [.. Notes, .. other.Notes])
        {
            Totals = [.. Totals, .. other.Totals],
            StatedCounts = [.. StatedCounts, .. other.StatedCounts],
        };
}

/// <summary>Reads the records of one document layout. A reader decides from the text whether it applies, never from a file name,
/// so another city's document of the same kind is read too.</summary>
public interface IRecordExtractor
{
    /// <summary>A short name for logs and tests.</summary>
    string Name { get; }

    /// <summary>True when this reader understands the document's layout.</summary>
    bool CanRead(SourceDocument document);

    /// <summary>Reads every record; never throws on malformed input (it reads what it can).</summary>
    RecordSet Extract(SourceDocument document);
}
