namespace StrategyAssistant.Ingestion;

/// <summary>Ingestion settings, bound from <c>StrategyAssistant:Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "StrategyAssistant:Ingestion";

    /// <summary>Text documents larger than this are refused with a message (default 20 MB).</summary>
    public long MaxTextBytes { get; set; } = Documents.CorpusJail.DefaultMaxTextBytes;

    /// <summary>PDF and Excel documents larger than this are refused with a message (default 200 MB).</summary>
    public long MaxBinaryBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>A vocabulary file to use instead of the one shipped in the assembly (index/vocabulary/strategy-ja.json).</summary>
    public string? VocabularyPath { get; set; }
}
