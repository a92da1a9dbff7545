using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategyAssistant.Documents;

/// <summary>The documents folder: <c>manifest.json</c> and one UTF-8 text file per manifest entry.</summary>
public sealed class Corpus
{
    public const string ManifestFileName = "manifest.json";

    private static readonly JsonSerializerOptions s_manifestOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, SourceDocument> _byFile;

    public Corpus(IReadOnlyList<SourceDocument> documents, string contentHash)
    {
        Documents = documents;
        ContentHash = contentHash;
        _byFile = documents.ToDictionary(d => d.File, StringComparer.Ordinal);
    }

    public IReadOnlyList<SourceDocument> Documents { get; }

    /// <summary>SHA-256 over the manifest and every document's bytes: the index is stale when this changes.</summary>
    public string ContentHash { get; }

    public SourceDocument? Find(string file) => _byFile.GetValueOrDefault(file);

    /// <summary>The cities the corpus covers.</summary>
    public IEnumerable<string> Cities => Documents.Select(d => d.City).Distinct(StringComparer.Ordinal);

    /// <summary>Loads the manifest and its documents. Throws <see cref="CorpusException"/> with a clear message on any problem.</summary>
    public static Corpus Load(string directory)
    {
        string manifestPath = Path.Combine(directory, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            throw new CorpusException($"No {ManifestFileName} in the documents folder '{directory}'.");
        }

        byte[] manifestBytes = File.ReadAllBytes(manifestPath);
        ManifestFile? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ManifestFile>(manifestBytes, s_manifestOptions);
        }
        catch (JsonException ex)
        {
            throw new CorpusException($"{manifestPath} is not valid JSON: {ex.Message}", ex);
        }

        if (manifest?.Documents is not { Count: > 0 } entries)
        {
            throw new CorpusException($"{manifestPath} lists no documents.");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(manifestBytes);
        var documents = new List<SourceDocument>(entries.Count);
        foreach (ManifestEntry entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.File) || string.IsNullOrWhiteSpace(entry.City))
            {
                throw new CorpusException($"{manifestPath}: every document needs at least \"file\" and \"city\".");
            }

            if (entry.File.Contains('/', StringComparison.Ordinal) || entry.File.Contains('\\', StringComparison.Ordinal) || entry.File.StartsWith('.'))
            {
                throw new CorpusException($"{manifestPath}: \"{entry.File}\" must be a plain file name inside the documents folder.");
            }

            string path = Path.Combine(directory, entry.File);
            if (!File.Exists(path))
            {
                throw new CorpusException($"{manifestPath} names {entry.File}, which is not in '{directory}'.");
            }

            byte[] bytes = File.ReadAllBytes(path);
            hash.AppendData(bytes);
            string text;
            try
            {
                text = new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (DecoderFallbackException ex)
            {
                throw new CorpusException($"{entry.File} is not valid UTF-8.", ex);
            }

            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }

            var info = new DocumentInfo(entry.File, entry.City, entry.Title ?? entry.File, entry.Kind ?? "document", entry.Period ?? string.Empty, entry.Issuer ?? entry.City);
            documents.Add(SourceDocument.FromText(info, text));
        }

        return new Corpus(documents, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Finds <c>index/documents</c> by walking up from <paramref name="start"/> (the repository layout), or null.</summary>
    public static string? FindDocumentsDirectory(string start)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "index", "documents");
            if (File.Exists(Path.Combine(candidate, ManifestFileName)))
            {
                return candidate;
            }
        }

        return null;
    }

    private sealed class ManifestFile
    {
        [JsonPropertyName("documents")]
        public List<ManifestEntry>? Documents { get; set; }
    }

    private sealed class ManifestEntry
    {
        public string? File { get; set; }

        public string? City { get; set; }

        public string? Title { get; set; }

        public string? Kind { get; set; }

        public string? Period { get; set; }

        public string? Issuer { get; set; }
    }
}

/// <summary>The documents folder or its manifest cannot be read; the message says what to fix.</summary>
public sealed class CorpusException : Exception
{
    public CorpusException(string message)
        : base(message)
    {
    }

    public CorpusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
