using Microsoft.Win32.SafeHandles;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion;

/// <summary>What incremental ingestion needs beyond the snapshot: each document's own records before the cross-document
/// passes joined them, by document hash, under the reading version they were read with. Kept beside the snapshot
/// (<c>index/lucene.ingest.json</c>); serving never reads it.</summary>
public sealed record IngestCache(string ReadingVersion, IReadOnlyList<IngestCachePart> Parts)
{
    public static IngestCache From(IngestResult result, string readingVersion) =>
        new(readingVersion, [.. result.Parts.Select(p => new IngestCachePart(p.Source.File, p.Hash, p.Reader, p.Records))]);
}

/// <summary>One document's records as its reader gave them (before linking).</summary>
public sealed record IngestCachePart(string File, string Hash, string Reader, RecordSet Records);

/// <summary>A part to write into the cache: read now, or copied as it is from the previous cache.</summary>
internal sealed record IngestCacheEntry(IngestCachePart? Part, CacheFooterPart? Copied, SafeFileHandle? From);

/// <summary>Reads and writes the ingest cache (one part per document with its citation table, <see cref="IngestCacheContainer"/>; atomically, like the snapshot).</summary>
public static class IngestCacheFile
{
    /// <summary><c>index/lucene</c> → <c>index/lucene.ingest.json</c>.</summary>
    public static string PathFor(string indexPath) => Path.GetFullPath(indexPath).TrimEnd(Path.DirectorySeparatorChar) + ".ingest.json";

    public static void Write(string path, IngestCache cache) =>
        SnapshotFile.WriteCache(path, cache.ReadingVersion, [.. cache.Parts.Select(p => new IngestCacheEntry(p, null, null))]);

    /// <summary>Writes the parts of <paramref name="parts"/> (documents read or reused now) and copies the others of
    /// <paramref name="kept"/> (by hash) from <paramref name="previous"/> without decoding them.</summary>
    internal static void Write(string path, string readingVersion, IReadOnlyList<IngestedPart> parts, IEnumerable<string> kept, IngestCacheReader? previous)
    {
        var entries = new List<IngestCacheEntry>();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (IngestedPart part in parts)
        {
            if (written.Add(part.Hash))
            {
                entries.Add(previous?.Entry(part.Hash, part.Source.File) is { } copy ? copy
                    : new IngestCacheEntry(new IngestCachePart(part.Source.File, part.Hash, part.Reader, part.Records), null, null));
            }
        }

        foreach (string hash in kept)
        {
            if (previous?.EntryByHash(hash) is { } copy && written.Add(hash))
            {
                entries.Add(copy);
            }
        }

        SnapshotFile.WriteCache(path, readingVersion, entries);
    }

    /// <summary>The cache, every part decoded; null when there is none or it cannot be read (then every document is read again).</summary>
    public static IngestCache? TryRead(string path) =>
        File.Exists(path) && SnapshotFile.ReadCache(path, out _) is { } reader ? new IngestCache(reader.ReadingVersion, reader.All()) : null;

    /// <summary>The cache, its parts decoded on demand; null when there is none, it is damaged, or another reading version wrote it.</summary>
    internal static IngestCacheReader? TryOpen(string path, string readingVersion) =>
        File.Exists(path) && SnapshotFile.ReadCache(path, out _) is { } reader && reader.ReadingVersion == readingVersion ? reader : null;
}
