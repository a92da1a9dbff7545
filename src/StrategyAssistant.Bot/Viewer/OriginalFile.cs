using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion;

namespace StrategyAssistant.Bot.Viewer;

/// <summary>A corpus document's published file (PDF, spreadsheet), read through <see cref="CorpusJail"/> with the same size
/// limits as ingestion. Text documents have no original beyond their text, so they have none here.</summary>
public sealed record OriginalFile(byte[] Bytes, string ContentType, string ContentDisposition)
{
    /// <summary>What a kind of original is called on the viewer page, and whether it has pages (<c>#page=N</c>).</summary>
    public sealed record Kind(string Extension, string ContentType, string Label, bool Paginated);

    private static readonly Kind[] Kinds =
    [
        new(".pdf", "application/pdf", "PDF", Paginated: true),
        new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel ファイル", Paginated: false),
    ];

    /// <summary>The kind of <paramref name="file"/>'s original, or null for text (and anything else).</summary>
    public static Kind? KindOf(string file) =>
        Kinds.FirstOrDefault(k => string.Equals(Path.GetExtension(file), k.Extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>The original of corpus file <paramref name="file"/> in <paramref name="documentsDirectory"/>, or null when it
    /// has none, is gone, or escapes the folder (a symlink out, a path): the caller answers 404.</summary>
    public static OriginalFile? Read(string documentsDirectory, string file, IngestionOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (KindOf(file) is not { } kind)
        {
            return null;
        }

        string? path = CorpusJail.Resolve(documentsDirectory, file, limits.MaxBinaryBytes, out _);
        if (path is null)
        {
            return null;
        }

        try
        {
            byte[] bytes = CorpusJail.ReadBounded(path, limits.MaxBinaryBytes, file);
            string name = Uri.EscapeDataString(Path.GetFileName(file));
            string disposition = (kind.Paginated ? "inline" : "attachment") + "; filename*=UTF-8''" + name;
            return new OriginalFile(bytes, kind.ContentType, disposition);
        }
        catch (Exception ex) when (ex is CorpusException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
