using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using static StrategyAssistant.Ingestion.PartFile;

namespace StrategyAssistant.Ingestion;

/// <summary>The ingest cache's layout (a <see cref="PartFile"/>): each document's records before linking as a part with its
/// citation table, compressed and read on all cores, then a footer with the reading version and every part's place.</summary>
internal static class IngestCacheContainer
{
    private const long Magic = 0x3145_4843_4143_4153; // "SACACHE1" little-endian
    private const long NoPreviousLayout = 0; // the previous cache was one Brotli JSON document: it has no magic and reads as "not this layout"

    public static void Write(Stream stream, IngestCache cache, JsonSerializerOptions options, JsonSerializerOptions tableOptions)
    {
        var parts = new List<Part>();
        var indices = cache.Parts.Select(p => AddTabled(parts, [p], options, tableOptions)).ToList();
        List<Place[]> places = WriteParts(stream, parts);
        WriteFooter(stream, new Footer(cache.ReadingVersion, [.. indices.Select(i => Tabled(places[i]))]), Magic, options);
    }

    /// <exception cref="InvalidDataException">The file is not a cache of this layout or is damaged.</exception>
    public static IngestCache Read(string path, JsonSerializerOptions options, JsonSerializerOptions tableOptions)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        Footer footer = ReadFooter<Footer>(handle, Magic, NoPreviousLayout, "previous layout", options);
        var reading = new PartReading(handle, options, tableOptions);
        IngestCachePart[][] parts = reading.Load<IngestCachePart>(footer.Parts);
        Parallel.Invoke([.. reading.Jobs]);
        return new IngestCache(footer.ReadingVersion, Flatten(parts));
    }

    private sealed record Footer(string ReadingVersion, IReadOnlyList<TabledPlace> Parts);
}
