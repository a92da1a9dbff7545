using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Formats;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion;

/// <summary>One document as ingestion left it before the cross-document passes: its lines, its own records (not yet
/// linked), its passages and which reader read it, under the document's hash. Incremental ingestion reuses it as it is.</summary>
public sealed record IngestedPart(SourceDocument Source, string Hash, RecordSet Records, IReadOnlyList<Passage> Passages, string Reader);

/// <summary>What an ingestion run gave: the knowledge, every document's part, and how many documents it actually read
/// (the others were reused).</summary>
public sealed record IngestResult(KnowledgeBase Knowledge, IReadOnlyList<IngestedPart> Parts, int Ingested)
{
    /// <summary>Every city through the cross-document passes, in order of its first document (what the snapshot is written from).</summary>
    public IReadOnlyList<CityKnowledge> Cities { get; init; } = [];
}

/// <summary>What reading some cities gave: their documents' parts (read or reused), the cities through the cross-document
/// passes, every problem, and how many documents were actually read.</summary>
internal sealed record CityIngest(IReadOnlyList<IngestedPart> Parts, IReadOnlyList<CityKnowledge> Cities, List<IngestProblem> Problems, int Ingested);
