namespace StrategyAssistant.Ingestion.Formats;

/// <summary>A document that cannot be read (wrong encoding, no text layer, encrypted, corrupt, outside the corpus, too large).
/// The message names the file and says what to do; the rest of the corpus still loads.</summary>
public sealed class IngestException : Exception
{
    public IngestException(string file, string message, Exception? inner = null)
        : base($"{file}: {message}", inner)
    {
        File = file;
    }

    public string File { get; }
}

/// <summary>One document skipped during ingestion, with why.</summary>
public sealed record IngestProblem(string File, string Message);
