using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion;

/// <summary>The snapshot file's layout: independent Brotli-compressed JSON parts (passages, KPIs, projects in chunks; notes;
/// totals; each document's lines), then a footer (the stamp, the documents' entries, each part's place), its length and a
/// magic. Parts are read in parallel; a document's lines are read only when something asks for them (serving answers
/// from records and passages), through the handle opened at load, so a newer snapshot moved over the file later does not
/// change what this one reads.</summary>
internal static class SnapshotContainer
{
    private const long Magic = 0x3230_5041_4E53_4153; // "SASNAP02" little-endian
    private const int ChunkSize = 4000;

    public static void Write(Stream stream, KnowledgeSnapshot snapshot, JsonSerializerOptions options)
    {
        var parts = new List<Func<byte[]>>();
        var passages = Chunk(snapshot.Passages, parts, options);
        var kpis = Chunk(snapshot.Records.Kpis, parts, options);
        var projects = Chunk(snapshot.Records.Projects, parts, options);
        int notes = Add(parts, () => Compress(snapshot.Records.Notes, options));
        int totals = Add(parts, () => Compress(snapshot.Records.Totals, options));
        int counts = Add(parts, () => Compress(snapshot.Records.StatedCounts, options));
        var lines = snapshot.Documents.Select(d => Add(parts, () => Compress(d.Lines, options))).ToList();

        byte[][] bytes = new byte[parts.Count][];
        Parallel.For(0, parts.Count, i => bytes[i] = parts[i]());
        var places = new List<Place>(bytes.Length);
        long offset = 0;
        foreach (byte[] part in bytes)
        {
            stream.Write(part);
            places.Add(new Place(offset, part.Length));
            offset += part.Length;
        }

        var footer = new Footer(
            snapshot.Schema, snapshot.Stamp, snapshot.ContentHash, snapshot.VocabularyVersion, snapshot.ReadingVersion, snapshot.Problems,
            [.. snapshot.Documents.Select((d, i) => new FooterDocument(d.Info, d.Hash, d.Lines.Count, places[lines[i]]))],
            [.. passages.Select(i => places[i])], [.. kpis.Select(i => places[i])], [.. projects.Select(i => places[i])], places[notes], places[totals], places[counts]);
        byte[] footerBytes = JsonSerializer.SerializeToUtf8Bytes(footer, options);
        stream.Write(footerBytes);
        Span<byte> tail = stackalloc byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(tail, footerBytes.Length);
        BinaryPrimitives.WriteInt64LittleEndian(tail[8..], Magic);
        stream.Write(tail);
    }

    /// <exception cref="InvalidDataException">The file is not a snapshot of this layout or is damaged.</exception>
    public static KnowledgeSnapshot Read(string path, JsonSerializerOptions options)
    {
        SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        try
        {
            long length = RandomAccess.GetLength(handle);
            Span<byte> tail = stackalloc byte[16];
            if (length < 16 || RandomAccess.Read(handle, tail, length - 16) != 16 || BinaryPrimitives.ReadInt64LittleEndian(tail[8..]) != Magic)
            {
                throw new InvalidDataException("not a snapshot file");
            }

            long footerLength = BinaryPrimitives.ReadInt64LittleEndian(tail);
            if (footerLength <= 0 || footerLength > length - 16)
            {
                throw new InvalidDataException("damaged snapshot footer");
            }

            byte[] footerBytes = ReadExactly(handle, new Place(length - 16 - footerLength, (int)footerLength));
            Footer footer = JsonSerializer.Deserialize<Footer>(footerBytes, options) ?? throw new InvalidDataException("empty snapshot footer");
            if (footer.Schema != KnowledgeSnapshot.SchemaVersion)
            {
                return new KnowledgeSnapshot(footer.Schema, footer.Stamp, footer.ContentHash, footer.VocabularyVersion, [], [], RecordSet.Empty, footer.Problems);
            }

            var pool = SharedStrings.NewPool();
            var jobs = new List<Action>();
            var passages = Load<Passage>(handle, footer.Passages, options, pool, jobs);
            var kpis = Load<KpiRecord>(handle, footer.Kpis, options, pool, jobs);
            var projects = Load<ProjectRecord>(handle, footer.Projects, options, pool, jobs);
            var notes = Load<DataQualityNote>(handle, [footer.Notes], options, pool, jobs);
            var totals = Load<ListTotal>(handle, [footer.Totals], options, pool, jobs);
            var counts = Load<StatedCount>(handle, [footer.StatedCounts], options, pool, jobs);
            Parallel.Invoke(jobs.ToArray());
            var documents = footer.Documents.Select(d => new SnapshotDocument(d.Info, new LazyLines(handle, d.Lines, d.LineCount, options), d.Hash)).ToList();
            return new KnowledgeSnapshot(footer.Schema, footer.Stamp, footer.ContentHash, footer.VocabularyVersion, documents, Flatten(passages),
                new RecordSet(Flatten(kpis), Flatten(projects), Flatten(notes)) { Totals = Flatten(totals), StatedCounts = Flatten(counts) }, footer.Problems, footer.ReadingVersion);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static List<int> Chunk<T>(IReadOnlyList<T> items, List<Func<byte[]>> parts, JsonSerializerOptions options)
    {
        var indices = new List<int>();
        for (int start = 0; start < items.Count; start += ChunkSize)
        {
            int from = start;
            indices.Add(Add(parts, () => Compress(items.Skip(from).Take(ChunkSize).ToList(), options)));
        }

        return indices;
    }

    private static int Add(List<Func<byte[]>> parts, Func<byte[]> part)
    {
        parts.Add(part);
        return parts.Count - 1;
    }

    private static byte[] Compress<T>(T value, JsonSerializerOptions options)
    {
        using var memory = new MemoryStream();
        using (var brotli = new BrotliStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(brotli, value, options);
        }

        return memory.ToArray();
    }

    private static T[][] Load<T>(SafeFileHandle handle, IReadOnlyList<Place> places, JsonSerializerOptions options, System.Collections.Concurrent.ConcurrentDictionary<string, string> pool, List<Action> jobs)
    {
        var result = new T[places.Count][];
        for (int i = 0; i < places.Count; i++)
        {
            int index = i;
            jobs.Add(() =>
            {
                using SharedStrings.Scope shared = SharedStrings.Begin(pool);
                result[index] = Decompress<T[]>(handle, places[index], options) ?? [];
            });
        }

        return result;
    }

    internal static T? Decompress<T>(SafeFileHandle handle, Place place, JsonSerializerOptions options)
    {
        using var stream = new MemoryStream(ReadExactly(handle, place), writable: false);
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(brotli, options);
    }

    private static byte[] ReadExactly(SafeFileHandle handle, Place place)
    {
        byte[] bytes = GC.AllocateUninitializedArray<byte>(place.Length);
        int read = 0;
        while (read < bytes.Length)
        {
            int n = RandomAccess.Read(handle, bytes.AsSpan(read), place.Offset + read);
            if (n <= 0)
            {
                throw new InvalidDataException("truncated snapshot");
            }

            read += n;
        }

        return bytes;
    }

    private static List<T> Flatten<T>(T[][] chunks) => [.. chunks.SelectMany(c => c)];

    internal readonly record struct Place(long Offset, int Length);

    private sealed record FooterDocument(DocumentInfo Info, string? Hash, int LineCount, Place Lines);

    private sealed record Footer(
        int Schema, string Stamp, string ContentHash, string VocabularyVersion, string? ReadingVersion, IReadOnlyList<string> Problems,
        IReadOnlyList<FooterDocument> Documents, IReadOnlyList<Place> Passages, IReadOnlyList<Place> Kpis, IReadOnlyList<Place> Projects, Place Notes, Place Totals, Place StatedCounts);

    /// <summary>A document's lines, read from the snapshot on first use.</summary>
    private sealed class LazyLines : IReadOnlyList<string>
    {
        private readonly Lazy<string[]> _lines;

        public LazyLines(SafeFileHandle handle, Place place, int count, JsonSerializerOptions options)
        {
            Count = count;
            _lines = new Lazy<string[]>(() => Decompress<string[]>(handle, place, options) ?? [], LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public int Count { get; }

        public string this[int index] => _lines.Value[index];

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_lines.Value).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
