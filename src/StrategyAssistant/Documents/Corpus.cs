using System.Security.Cryptography;
using System.Text;

namespace StrategyAssistant.Documents;

/// <summary>The documents folder: <c>manifest.json</c> and one UTF-8 text file per manifest entry.</summary>
public sealed class Corpus
{
    public const string ManifestFileName = "manifest.json";

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
        Manifest manifest = Manifest.Parse(manifestBytes, manifestPath);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(manifestBytes);
        var documents = new List<SourceDocument>(manifest.Documents.Count);
        foreach (DocumentInfo info in manifest.Documents)
        {
            string? path = CorpusJail.Resolve(directory, info.File, CorpusJail.DefaultMaxTextBytes, out string? problem);
            if (path is null)
            {
                throw new CorpusException($"{manifestPath} names {info.File}: {problem}");
            }

            byte[] bytes = CorpusJail.ReadBounded(path, CorpusJail.DefaultMaxTextBytes, info.File);
            hash.AppendData(bytes);
            string text;
            try
            {
                text = new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (DecoderFallbackException ex)
            {
                throw new CorpusException($"{info.File} is not valid UTF-8.", ex);
            }

            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }

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
