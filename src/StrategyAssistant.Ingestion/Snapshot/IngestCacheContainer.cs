using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using StrategyAssistant.Records;
using static StrategyAssistant.Ingestion.PartFile;

namespace StrategyAssistant.Ingestion;

/// <summary>The ingest cache's layout (a <see cref="PartFile"/>): each document's records before linking as a part with its
/// citation table, then a footer with the reading version and each part's document, hash, reader and place. An unchanged
/// document's part is copied into the next cache as bytes; a part is decoded only when its city is linked again.</summary>
internal static class IngestCacheContainer
{
    private const long Magic = 0x3245_4843_4143_4153; // "SACACHE2" little-endian
    private const long PreviousMagic = 0x3145_4843_4143_4153; // "SACACHE1": every part's footer entry without its document

    public static void Write(Stream stream, string readingVersion, IReadOnlyList<IngestCacheEntry> entries, JsonSerializerOptions options, JsonSerializerOptions tableOptions)
    {
        var parts = new List<Part>();
        var indices = entries.Select(e => e.Copied is { } copied
            ? AddCopy(parts, e.From!, copied.Records.Table, copied.Records.Items)
            : AddTabled(parts, e.Part!.Records, options, tableOptions)).ToList();
        List<Place[]> places = WriteParts(stream, parts);
        var footer = new CacheFooter(readingVersion, [.. entries.Select((e, i) => e.Copied is { } copied
            ? copied with { Records = Tabled(places[indices[i]]) }
            : new CacheFooterPart(e.Part!.File, e.Part.Hash, e.Part.Reader, Tabled(places[indices[i]])))]);
        WriteFooter(stream, footer, Magic, options);
    }

    /// <summary>Opens the cache and checks every part.</summary>
    /// <exception cref="InvalidDataException">The file is not a cache of this layout or is damaged.</exception>
    public static IngestCacheReader Open(string path, JsonSerializerOptions options, JsonSerializerOptions tableOptions)
    {
        SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        try
        {
            CacheFooter footer = ReadFooter<CacheFooter>(handle, Magic, PreviousMagic, "previous layout", options);
            Parallel.ForEach(footer.Parts, p =>
            {
                ReadExactly(handle, p.Records.Table);
                ReadExactly(handle, p.Records.Items);
            });
            return new IngestCacheReader(handle, footer, options, tableOptions);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }
}

internal sealed record CacheFooter(string ReadingVersion, IReadOnlyList<CacheFooterPart> Parts);

internal sealed record CacheFooterPart(string File, string Hash, string Reader, PartFile.TabledPlace Records);

/// <summary>An open ingest cache: parts found by hash, decoded on demand.</summary>
internal sealed class IngestCacheReader
{
    private readonly SafeFileHandle _handle;
    private readonly CacheFooter _footer;
    private readonly JsonSerializerOptions _options;
    private readonly JsonSerializerOptions _tableOptions;
    private readonly Dictionary<string, CacheFooterPart> _byHash;
    private readonly ConcurrentDictionary<string, string> _pool = SharedStrings.NewPool();

    public IngestCacheReader(SafeFileHandle handle, CacheFooter footer, JsonSerializerOptions options, JsonSerializerOptions tableOptions)
    {
        _handle = handle;
        _footer = footer;
        _options = options;
        _tableOptions = tableOptions;
        _byHash = footer.Parts.GroupBy(p => p.Hash, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public string ReadingVersion => _footer.ReadingVersion;

    /// <summary>The records of the document with <paramref name="hash"/> read as <paramref name="file"/>, decoded now.</summary>
    public IngestCachePart? Find(string hash, string file) =>
        _byHash.TryGetValue(hash, out CacheFooterPart? part) && part.File == file
            ? new IngestCachePart(part.File, part.Hash, part.Reader, ReadTabled<RecordSet>(_handle, part.Records, _options, _tableOptions, _pool))
            : null;

    /// <summary>The part of <paramref name="hash"/> read as <paramref name="file"/>, to be copied into the next cache.</summary>
    public IngestCacheEntry? Entry(string hash, string file) =>
        _byHash.TryGetValue(hash, out CacheFooterPart? part) && part.File == file ? new IngestCacheEntry(null, part, _handle) : null;

    public IngestCacheEntry? EntryByHash(string hash) => _byHash.TryGetValue(hash, out CacheFooterPart? part) ? new IngestCacheEntry(null, part, _handle) : null;

    public List<IngestCachePart> All() => [.. _footer.Parts.AsParallel().AsOrdered().Select(p => Find(p.Hash, p.File)!)];
}
