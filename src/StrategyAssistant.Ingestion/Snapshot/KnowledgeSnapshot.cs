using System.IO.Compression;
using System.Text.Json;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion;

/// <summary>Everything serving needs, as ingestion left it: documents (lines as read), passages, records, notes, totals,
/// problems, the content hash and vocabulary version it was read with, under a stamp.</summary>
public sealed record KnowledgeSnapshot(
    int Schema,
    string Stamp,
    string ContentHash,
    string VocabularyVersion,
    IReadOnlyList<SnapshotDocument> Documents,
    IReadOnlyList<Passage> Passages,
    RecordSet Records,
    IReadOnlyList<string> Problems,
    string? ReadingVersion = null)
{
    /// <summary>Bump when the snapshot's shape changes (3: each document's hash, the reading version; parts read in
    /// parallel and lines on demand; 4: each part's distinct citations in a table, see <see cref="SnapshotContainer"/>).</summary>
    public const int SchemaVersion = 4;

    public static KnowledgeSnapshot From(KnowledgeBase knowledge, string vocabularyVersion) => new(
        SchemaVersion,
        knowledge.Version,
        knowledge.Corpus.ContentHash,
        vocabularyVersion,
        [.. knowledge.Corpus.Documents.Select(d => new SnapshotDocument(d.Info, d.Lines, knowledge.DocumentHashes.GetValueOrDefault(d.File)))],
        knowledge.Passages,
        knowledge.Records,
        knowledge.Problems,
        knowledge.ReadingVersion);

    public KnowledgeBase ToKnowledge()
    {
        var corpus = new Corpus([.. Documents.Select(d => new SourceDocument(d.Info, d.Lines))], ContentHash);
        return new KnowledgeBase(corpus, Passages, Records)
        {
            Version = Stamp,
            Problems = Problems,
            DocumentHashes = Documents.Where(d => d.Hash is not null).ToDictionary(d => d.Info.File, d => d.Hash!, StringComparer.Ordinal),
            ReadingVersion = ReadingVersion,
        };
    }
}

/// <summary>A document's manifest entry, its lines as ingestion read them (cells joined by tabs) and its hash (manifest
/// entry and bytes, <see cref="CorpusIngestor.DocumentHash"/>).</summary>
public sealed record SnapshotDocument(DocumentInfo Info, IReadOnlyList<string> Lines, string? Hash = null);

/// <summary>Writes and reads the snapshot file (Brotli-compressed JSON parts, <see cref="SnapshotContainer"/>) beside the Lucene index: written to a temporary file
/// in the same folder, flushed, then moved over the old one, so a reader sees the old snapshot or the new one, never half.</summary>
public static class SnapshotFile
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        IgnoreReadOnlyProperties = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // Japanese text as UTF-8, not \uXXXX escapes: half the bytes to compress and parse (the file is never served to a browser).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new SharedStrings() },
    };

    /// <summary><see cref="s_options"/> with citations written as numbers into a part's table (record parts only).</summary>
    private static readonly JsonSerializerOptions s_tableOptions = new(s_options) { Converters = { new CitationTable(s_options) } };

    /// <summary><c>index/lucene</c> → <c>index/lucene.snapshot.json</c> (beside the index, not in it: the index folder is swapped whole).</summary>
    public static string PathFor(string indexPath) => Path.GetFullPath(indexPath).TrimEnd(Path.DirectorySeparatorChar) + ".snapshot.json";

    public static void Write(string path, KnowledgeSnapshot snapshot) => WriteAtomically(path, stream => SnapshotContainer.Write(stream, snapshot, s_options, s_tableOptions));

    /// <summary>Writes the ingest cache atomically (<see cref="IngestCacheContainer"/>).</summary>
    internal static void WriteCache(string path, IngestCache cache) => WriteAtomically(path, stream => IngestCacheContainer.Write(stream, cache, s_options, s_tableOptions));

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        string directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // Best effort: a leftover temporary file is ignored by readers.
            }

            throw;
        }
    }

    /// <summary>The snapshot at <paramref name="path"/>, or null when there is none or it cannot be read (then it is rebuilt).</summary>
    public static KnowledgeSnapshot? TryRead(string path, out string? problem)
    {
        problem = null;
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            KnowledgeSnapshot snapshot = SnapshotContainer.Read(path, s_options, s_tableOptions);
            if (snapshot.Schema != KnowledgeSnapshot.SchemaVersion)
            {
                problem = "written by another snapshot schema";
                return null;
            }

            return snapshot;
        }
        catch (Exception ex) when (ex is JsonException or IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException
            or AggregateException)
        {
            problem = ex.GetType().Name + ": " + (ex is AggregateException a ? a.InnerExceptions[0].Message : ex.Message);
            return null;
        }
    }

    /// <summary>The ingest cache; null with the reason when it cannot be read (then every document is read again).</summary>
    internal static IngestCache? ReadCache(string path, out string? problem)
    {
        problem = null;
        try
        {
            return IngestCacheContainer.Read(path, s_options, s_tableOptions);
        }
        catch (Exception ex) when (ex is JsonException or IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException
            or AggregateException)
        {
            problem = ex.GetType().Name + ": " + (ex is AggregateException a ? a.InnerExceptions[0].Message : ex.Message);
            return null;
        }
    }
}
