using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Formats;
using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion;

/// <summary>Knowledge of a text corpus already loaded in memory (<see cref="Corpus.Load"/>), read through the layout model
/// exactly as <see cref="CorpusIngestor"/> reads the files: for tools, benchmarks and tests that hold a corpus, not a folder.</summary>
public static class CorpusKnowledge
{
    private static readonly Lazy<CorpusIngestor> s_default = new(() => new CorpusIngestor(StrategyVocabulary.Default, new IngestionOptions()));

    /// <summary>Passages and records of every document of <paramref name="corpus"/>.</summary>
    public static KnowledgeBase Read(Corpus corpus) => Read(corpus, s_default.Value);

    public static KnowledgeBase Read(Corpus corpus, CorpusIngestor ingestor) =>
        KnowledgeBase.Create(corpus, ReadRecords(corpus.Documents, ingestor));

    /// <summary>The records of <paramref name="documents"/> (each read as text through the layout model), linked across them.</summary>
    public static RecordSet ReadRecords(IEnumerable<SourceDocument> documents, CorpusIngestor? ingestor = null)
    {
        ingestor ??= s_default.Value;
        RecordSet records = RecordSet.Empty;
        foreach (SourceDocument document in documents)
        {
            records = records.Concat(ingestor.ReadRecords(TextDocumentReader.FromText(document.Info, string.Join('\n', document.Lines))).Records);
        }

        return NotationInterpreters.Link(records);
    }
}
