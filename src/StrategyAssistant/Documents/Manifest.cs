using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategyAssistant.Documents;

/// <summary>The corpus manifest (<c>manifest.json</c>): one entry per document. Saved as UTF-8 with or without a BOM, or as
/// UTF-16 with a BOM, it reads the same; a file listed twice is kept once and reported.</summary>
public sealed class Manifest
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private Manifest(IReadOnlyList<DocumentInfo> documents, IReadOnlyList<string> problems)
    {
        Documents = documents;
        Problems = problems;
    }

    public IReadOnlyList<DocumentInfo> Documents { get; }

    /// <summary>What was wrong but did not stop the corpus loading (duplicate entries), one message each.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Parses manifest bytes; throws <see cref="CorpusException"/> naming <paramref name="path"/> when they are not a manifest.</summary>
    public static Manifest Parse(byte[] bytes, string path)
    {
        ManifestFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ManifestFile>(Decode(bytes), s_options);
        }
        catch (JsonException ex)
        {
            throw new CorpusException($"{path} is not valid JSON: {ex.Message}", ex);
        }

        if (file?.Documents is not { Count: > 0 } entries)
        {
            throw new CorpusException($"{path} lists no documents.");
        }

        var documents = new List<DocumentInfo>(entries.Count);
        var problems = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++)
        {
            Entry entry = entries[i];
            if (string.IsNullOrWhiteSpace(entry.File) || string.IsNullOrWhiteSpace(entry.City))
            {
                throw new CorpusException($"{path}: every document needs at least \"file\" and \"city\" (entry {i + 1}).");
            }

            if (entry.File.Contains('/', StringComparison.Ordinal) || entry.File.Contains('\\', StringComparison.Ordinal) || entry.File.StartsWith('.'))
            {
                throw new CorpusException($"{path}: \"{entry.File}\" must be a plain file name inside the documents folder.");
            }

            if (seen.TryGetValue(entry.File, out int first))
            {
                problems.Add($"{path}: {entry.File} is listed twice (entries {first + 1} and {i + 1}); the first entry is used.");
                continue;
            }

            seen[entry.File] = i;
            documents.Add(new DocumentInfo(entry.File, entry.City, entry.Title ?? entry.File, entry.Kind ?? "document", entry.Period ?? string.Empty, entry.Issuer ?? entry.City));
        }

        return new Manifest(documents, problems);
    }

    /// <summary>The manifest's JSON with <paramref name="document"/> added (or replacing the entry for the same file).</summary>
    public static string With(byte[]? existing, string path, DocumentInfo document)
    {
        var entries = existing is null ? [] : JsonSerializer.Deserialize<ManifestFile>(Decode(existing), s_options)?.Documents ?? [];
        entries.RemoveAll(e => string.Equals(e.File, document.File, StringComparison.Ordinal));
        entries.Add(new Entry { File = document.File, City = document.City, Title = document.Title, Kind = document.Kind, Period = document.Period, Issuer = document.Issuer });
        _ = path;
        return JsonSerializer.Serialize(new ManifestFile { Documents = entries }, s_options) + "\n";
    }

    private static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        int skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, skip, bytes.Length - skip);
    }

    private sealed class ManifestFile
    {
        [JsonPropertyName("documents")]
        public List<Entry>? Documents { get; set; }
    }

    private sealed class Entry
    {
        [JsonPropertyName("file")]
        public string? File { get; set; }

        [JsonPropertyName("city")]
        public string? City { get; set; }

        [JsonPropertyName("title")]
        public string? Title { get; set; }

        [JsonPropertyName("kind")]
        public string? Kind { get; set; }

        [JsonPropertyName("period")]
        public string? Period { get; set; }

        [JsonPropertyName("issuer")]
        public string? Issuer { get; set; }
    }
}
