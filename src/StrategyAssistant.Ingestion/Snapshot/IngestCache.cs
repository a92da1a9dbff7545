using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion;

/// <summary>What incremental ingestion needs beyond the snapshot: each document's own records before the cross-document
/// passes joined them, by document hash, under the reading version they were read with. Kept beside the snapshot
/// (<c>index/lucene.ingest.json</c>); serving never reads it.</summary>
public sealed record IngestCache(string ReadingVersion, IReadOnlyList<IngestCachePart> Parts)
{
    public static IngestCache From(IngestResult result, string readingVersion) =>
        new(readingVersion, [.. result.Parts.Select(p => new IngestCachePart(p.Source.File, p.Hash, p.Reader, p.Records))]);

    /// <summary>The parts that can be reused, by document hash: the snapshot's lines and passages of each document with this
    /// cache's records of it. Empty when the cache was written by another reading version.</summary>
    public IReadOnlyDictionary<string, IngestedPart> Reusable(KnowledgeSnapshot snapshot, string readingVersion)
    {
        var reusable = new Dictionary<string, IngestedPart>(StringComparer.Ordinal);
        if (ReadingVersion != readingVersion || snapshot.ReadingVersion != readingVersion)
        {
            return reusable;
        }

        var documents = snapshot.Documents.Where(d => d.Hash is not null).GroupBy(d => d.Hash!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var passages = snapshot.Passages.GroupBy(p => p.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<Passage>)[.. g], StringComparer.Ordinal);
        foreach (IngestCachePart part in Parts)
        {
            if (documents.TryGetValue(part.Hash, out SnapshotDocument? document) && document.Info.File == part.File)
            {
                reusable[part.Hash] = new IngestedPart(new SourceDocument(document.Info, document.Lines), part.Hash, part.Records, passages.GetValueOrDefault(part.File) ?? [], part.Reader);
            }
        }

        return reusable;
    }
}

/// <summary>One document's records as its reader gave them (before linking).</summary>
public sealed record IngestCachePart(string File, string Hash, string Reader, RecordSet Records);

/// <summary>Reads and writes the ingest cache (parts with citation tables, <see cref="IngestCacheContainer"/>; atomically, like the snapshot).</summary>
public static class IngestCacheFile
{
    /// <summary><c>index/lucene</c> → <c>index/lucene.ingest.json</c>.</summary>
    public static string PathFor(string indexPath) => Path.GetFullPath(indexPath).TrimEnd(Path.DirectorySeparatorChar) + ".ingest.json";

    public static void Write(string path, IngestCache cache) => SnapshotFile.WriteCache(path, cache);

    /// <summary>The cache, or null when there is none or it cannot be read (then every document is read again).</summary>
    public static IngestCache? TryRead(string path) => File.Exists(path) ? SnapshotFile.ReadCache(path, out _) : null;
}
