namespace StrategyAssistant;

/// <summary>Settings of the assistant, bound from the <c>StrategyAssistant</c> section of appsettings.json or the environment
/// (e.g. <c>StrategyAssistant__IndexPath</c>).</summary>
public sealed class StrategyAssistantOptions
{
    public const string SectionName = "StrategyAssistant";

    /// <summary>The documents folder (manifest.json and the texts). Default: <c>index/documents</c>, found by walking up from the
    /// current directory, then from the application's directory.</summary>
    public string? DocumentsPath { get; set; }

    /// <summary>Where the generated Lucene index lives. Default: <c>lucene</c> beside the documents folder (<c>index/lucene</c>).</summary>
    public string? IndexPath { get; set; }

    /// <summary>Longer questions are refused with a message rather than searched.</summary>
    public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>How many passages an extractive answer quotes at most.</summary>
    public int MaxPassages { get; set; } = 3;

    /// <summary>The documents folder, resolved.</summary>
    public string ResolveDocumentsPath()
    {
        if (!string.IsNullOrWhiteSpace(DocumentsPath))
        {
            return Path.GetFullPath(DocumentsPath);
        }

        return Documents.Corpus.FindDocumentsDirectory(Directory.GetCurrentDirectory())
            ?? Documents.Corpus.FindDocumentsDirectory(AppContext.BaseDirectory)
            ?? throw new Documents.CorpusException(
                "The documents folder (index/documents with manifest.json) was not found above the current directory; " +
                "run from the repository or set StrategyAssistant__DocumentsPath.");
    }

    /// <summary>The index folder, resolved.</summary>
    public string ResolveIndexPath(string documentsPath) =>
        !string.IsNullOrWhiteSpace(IndexPath)
            ? Path.GetFullPath(IndexPath)
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(documentsPath).TrimEnd(Path.DirectorySeparatorChar))!, "lucene");
}
