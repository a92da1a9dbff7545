using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion;

/// <summary>The snapshot file's layout: independent Brotli-compressed JSON parts (passages, KPIs, projects in chunks; notes;
/// totals; each document's lines), then a footer (the stamp, the documents' entries, each part's place and checksum), its length, its
/// checksum and a magic. A part of records holds its distinct citations once, in a table written before it, and the records cite them by
/// number (<see cref="CitationTable"/>). Parts are read in parallel; a document's lines are read only when something asks for them (serving answers
/// from records and passages), through the handle opened at load, so a newer snapshot moved over the file later does not
/// change what this one reads.</summary>
internal static class SnapshotContainer
{
    private const long Magic = 0x3330_5041_4E53_4153; // "SASNAP03" little-endian
    private const long PreviousMagic = 0x3230_5041_4E53_4153; // "SASNAP02": schema 3, citations written out in full
    private const int ChunkSize = 4000;
    private const int TailLength = 24; // footer length, footer check, magic

    /// <param name="stream">Where the file is written.</param>
    /// <param name="snapshot">What is written.</param>
    /// <param name="options">Plain options (lines, citation tables, the footer).</param>
    /// <param name="tableOptions">Options with a <see cref="CitationTable"/> (record parts).</param>
    public static void Write(Stream stream, KnowledgeSnapshot snapshot, JsonSerializerOptions options, JsonSerializerOptions tableOptions)
    {
        // Each part is one or two segments (a citation table and the records citing it), compressed on all cores.
        var parts = new List<Func<byte[][]>>();
        var passages = Chunk(snapshot.Passages, parts, options, tableOptions);
        var kpis = Chunk(snapshot.Records.Kpis, parts, options, tableOptions);
        var projects = Chunk(snapshot.Records.Projects, parts, options, tableOptions);
        int notes = AddTabled(parts, snapshot.Records.Notes, options, tableOptions);
        int totals = AddTabled(parts, snapshot.Records.Totals, options, tableOptions);
        int counts = AddTabled(parts, snapshot.Records.StatedCounts, options, tableOptions);
        var lines = snapshot.Documents.Select(d => Add(parts, () => [Compress(d.Lines, options)])).ToList();

        byte[][][] bytes = new byte[parts.Count][][];
        Parallel.For(0, parts.Count, i => bytes[i] = parts[i]());
        var places = new List<Place[]>(bytes.Length);
        long offset = 0;
        foreach (byte[][] part in bytes)
        {
            var segments = new Place[part.Length];
            for (int i = 0; i < part.Length; i++)
            {
                stream.Write(part[i]);
                segments[i] = new Place(offset, part[i].Length, Check(part[i]));
                offset += part[i].Length;
            }

            places.Add(segments);
        }

        TabledPlace Of(int part) => new(places[part][0], places[part][1]);
        var footer = new Footer(
            snapshot.Schema, snapshot.Stamp, snapshot.ContentHash, snapshot.VocabularyVersion, snapshot.ReadingVersion, snapshot.Problems,
            [.. snapshot.Documents.Select((d, i) => new FooterDocument(d.Info, d.Hash, d.Lines.Count, places[lines[i]][0]))],
            [.. passages.Select(Of)], [.. kpis.Select(Of)], [.. projects.Select(Of)], Of(notes), Of(totals), Of(counts));
        byte[] footerBytes = JsonSerializer.SerializeToUtf8Bytes(footer, options);
        stream.Write(footerBytes);
        Span<byte> tail = stackalloc byte[TailLength];
        BinaryPrimitives.WriteInt64LittleEndian(tail, footerBytes.Length);
        BinaryPrimitives.WriteInt64LittleEndian(tail[8..], Check(footerBytes));
        BinaryPrimitives.WriteInt64LittleEndian(tail[16..], Magic);
        stream.Write(tail);
    }

    /// <exception cref="InvalidDataException">The file is not a snapshot of this layout or is damaged.</exception>
    public static KnowledgeSnapshot Read(string path, JsonSerializerOptions options, JsonSerializerOptions tableOptions)
    {
        SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        try
        {
            long length = RandomAccess.GetLength(handle);
            Span<byte> tail = stackalloc byte[TailLength];
            long magic = length >= 8 && RandomAccess.Read(handle, tail[..8], length - 8) == 8 ? BinaryPrimitives.ReadInt64LittleEndian(tail) : 0;
            if (magic == PreviousMagic)
            {
                throw new InvalidDataException("written in the previous snapshot layout (citations in full)");
            }

            if (magic != Magic || length < TailLength || RandomAccess.Read(handle, tail, length - TailLength) != TailLength)
            {
                throw new InvalidDataException("not a snapshot file, or a truncated one (no end marker)");
            }

            long footerLength = BinaryPrimitives.ReadInt64LittleEndian(tail);
            if (footerLength <= 0 || footerLength > length - TailLength)
            {
                throw new InvalidDataException("damaged snapshot footer");
            }

            byte[] footerBytes = ReadExactly(handle, new Place(length - TailLength - footerLength, (int)footerLength, BinaryPrimitives.ReadInt64LittleEndian(tail[8..])));
            Footer footer = JsonSerializer.Deserialize<Footer>(footerBytes, options) ?? throw new InvalidDataException("empty snapshot footer");
            if (footer.Schema != KnowledgeSnapshot.SchemaVersion)
            {
                return new KnowledgeSnapshot(footer.Schema, footer.Stamp, footer.ContentHash, footer.VocabularyVersion, [], [], RecordSet.Empty, footer.Problems);
            }

            var pool = SharedStrings.NewPool();
            var jobs = new List<Action>();
            var reading = new PartReading(handle, options, tableOptions, pool, jobs);
            var passages = reading.Load<Passage>(footer.Passages);
            var kpis = reading.Load<KpiRecord>(footer.Kpis);
            var projects = reading.Load<ProjectRecord>(footer.Projects);
            var notes = reading.Load<DataQualityNote>([footer.Notes]);
            var totals = reading.Load<ListTotal>([footer.Totals]);
            var counts = reading.Load<StatedCount>([footer.StatedCounts]);
            // Lines are decompressed on first use, but their bytes are checked now: a damaged file is rebuilt at load, not
            // discovered while serving.
            jobs.AddRange(footer.Documents.Select(d => (Action)(() => ReadExactly(handle, d.Lines))));
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

    private static List<int> Chunk<T>(IReadOnlyList<T> items, List<Func<byte[][]>> parts, JsonSerializerOptions options, JsonSerializerOptions tableOptions)
    {
        var indices = new List<int>();
        for (int start = 0; start < items.Count; start += ChunkSize)
        {
            indices.Add(AddTabled(parts, items.Skip(start).Take(ChunkSize).ToList(), options, tableOptions));
        }

        return indices;
    }

    /// <summary>Adds a part of two segments: the table of the citations <paramref name="items"/> make, then the items citing
    /// them by number (the table is known once the items are serialised).</summary>
    private static int AddTabled<T>(List<Func<byte[][]>> parts, IReadOnlyList<T> items, JsonSerializerOptions options, JsonSerializerOptions tableOptions) =>
        Add(parts, () =>
        {
            byte[] written;
            List<Citation> table;
            using (CitationTable.Writing writing = CitationTable.BeginWriting())
            {
                written = Compress(items, tableOptions);
                table = writing.Table;
            }

            return [Compress(table, options), written];
        });

    private static int Add(List<Func<byte[][]>> parts, Func<byte[][]> part)
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

    /// <summary>Queues the reading of record parts: each job reads its citation table, then its records against it.</summary>
    private sealed record PartReading(SafeFileHandle Handle, JsonSerializerOptions Options, JsonSerializerOptions TableOptions,
        System.Collections.Concurrent.ConcurrentDictionary<string, string> Pool, List<Action> Jobs)
    {
        public T[][] Load<T>(IReadOnlyList<TabledPlace> places)
        {
            var result = new T[places.Count][];
            for (int i = 0; i < places.Count; i++)
            {
                int index = i;
                Jobs.Add(() =>
                {
                    using SharedStrings.Scope shared = SharedStrings.Begin(Pool);
                    Citation[] table = Decompress<Citation[]>(Handle, places[index].Table, Options) ?? [];
                    using CitationTable.Reading reading = CitationTable.BeginReading(table);
                    result[index] = Decompress<T[]>(Handle, places[index].Items, TableOptions) ?? [];
                });
            }

            return result;
        }
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

        return Check(bytes) == place.Check ? bytes : throw new InvalidDataException($"damaged snapshot: the part at byte {place.Offset} fails its checksum");
    }

    private static List<T> Flatten<T>(T[][] chunks) => [.. chunks.SelectMany(c => c)];

    /// <summary>The first 8 bytes of the SHA-256 of a part's bytes (hardware-accelerated; 52 MB check in about 30 ms): a
    /// damaged part is reported instead of decompressed into wrong records.</summary>
    private static long Check(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(bytes, hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    /// <summary>A segment of the file and the check of its bytes.</summary>
    internal readonly record struct Place(long Offset, int Length, long Check);

    /// <summary>A part of records: its citation table and the records.</summary>
    internal readonly record struct TabledPlace(Place Table, Place Items);

    private sealed record FooterDocument(DocumentInfo Info, string? Hash, int LineCount, Place Lines);

    private sealed record Footer(
        int Schema, string Stamp, string ContentHash, string VocabularyVersion, string? ReadingVersion, IReadOnlyList<string> Problems,
        IReadOnlyList<FooterDocument> Documents, IReadOnlyList<TabledPlace> Passages, IReadOnlyList<TabledPlace> Kpis, IReadOnlyList<TabledPlace> Projects, TabledPlace Notes, TabledPlace Totals,
        TabledPlace StatedCounts);

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
