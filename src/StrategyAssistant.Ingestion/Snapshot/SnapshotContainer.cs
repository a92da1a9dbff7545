using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;
using static StrategyAssistant.Ingestion.PartFile;

namespace StrategyAssistant.Ingestion;

/// <summary>The snapshot file's layout (a <see cref="PartFile"/>): passages, KPIs and projects in chunks, notes, totals and
/// stated counts, each with its citation table; each document's lines; a footer with the stamp, the documents' entries and
/// every part's place. Parts are read in parallel; a document's lines are checked at load but decompressed only when
/// something asks for them (serving answers from records and passages), through the handle opened at load, so a newer
/// snapshot moved over the file later does not change what this one reads.</summary>
internal static class SnapshotContainer
{
    private const long Magic = 0x3330_5041_4E53_4153; // "SASNAP03" little-endian
    private const long PreviousMagic = 0x3230_5041_4E53_4153; // "SASNAP02": schema 3, citations written out in full
    private const int ChunkSize = 4000;

    /// <param name="stream">Where the file is written.</param>
    /// <param name="snapshot">What is written.</param>
    /// <param name="options">Plain options (lines, citation tables, the footer).</param>
    /// <param name="tableOptions">Options with a <see cref="CitationTable"/> (record parts).</param>
    public static void Write(Stream stream, KnowledgeSnapshot snapshot, JsonSerializerOptions options, JsonSerializerOptions tableOptions)
    {
        var parts = new List<Part>();
        var passages = Chunk(snapshot.Passages, parts, options, tableOptions);
        var kpis = Chunk(snapshot.Records.Kpis, parts, options, tableOptions);
        var projects = Chunk(snapshot.Records.Projects, parts, options, tableOptions);
        int notes = AddTabled(parts, snapshot.Records.Notes, options, tableOptions);
        int totals = AddTabled(parts, snapshot.Records.Totals, options, tableOptions);
        int counts = AddTabled(parts, snapshot.Records.StatedCounts, options, tableOptions);
        var lines = snapshot.Documents.Select(d => Add(parts, () => [Compress(d.Lines, options)])).ToList();
        List<Place[]> places = WriteParts(stream, parts);

        TabledPlace Of(int part) => Tabled(places[part]);
        WriteFooter(stream, new Footer(
            snapshot.Schema, snapshot.Stamp, snapshot.ContentHash, snapshot.VocabularyVersion, snapshot.ReadingVersion, snapshot.Problems,
            [.. snapshot.Documents.Select((d, i) => new FooterDocument(d.Info, d.Hash, d.Lines.Count, places[lines[i]][0]))],
            [.. passages.Select(Of)], [.. kpis.Select(Of)], [.. projects.Select(Of)], Of(notes), Of(totals), Of(counts)), Magic, options);
    }

    /// <exception cref="InvalidDataException">The file is not a snapshot of this layout or is damaged.</exception>
    public static KnowledgeSnapshot Read(string path, JsonSerializerOptions options, JsonSerializerOptions tableOptions)
    {
        SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        try
        {
            Footer footer = ReadFooter<Footer>(handle, Magic, PreviousMagic, "previous snapshot layout (citations in full)", options);
            if (footer.Schema != KnowledgeSnapshot.SchemaVersion)
            {
                return new KnowledgeSnapshot(footer.Schema, footer.Stamp, footer.ContentHash, footer.VocabularyVersion, [], [], RecordSet.Empty, footer.Problems);
            }

            var reading = new PartReading(handle, options, tableOptions);
            var passages = reading.Load<Passage>(footer.Passages);
            var kpis = reading.Load<KpiRecord>(footer.Kpis);
            var projects = reading.Load<ProjectRecord>(footer.Projects);
            var notes = reading.Load<DataQualityNote>([footer.Notes]);
            var totals = reading.Load<ListTotal>([footer.Totals]);
            var counts = reading.Load<StatedCount>([footer.StatedCounts]);
            // Lines are decompressed on first use, but their bytes are checked now: a damaged file is rebuilt at load, not
            // discovered while serving.
            reading.Jobs.AddRange(footer.Documents.Select(d => (Action)(() => ReadExactly(handle, d.Lines))));
            Parallel.Invoke([.. reading.Jobs]);
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

    private static List<int> Chunk<T>(IReadOnlyList<T> items, List<Part> parts, JsonSerializerOptions options, JsonSerializerOptions tableOptions)
    {
        var indices = new List<int>();
        for (int start = 0; start < items.Count; start += ChunkSize)
        {
            indices.Add(AddTabled(parts, items.Skip(start).Take(ChunkSize).ToList(), options, tableOptions));
        }

        return indices;
    }

    private sealed record FooterDocument(DocumentInfo Info, string? Hash, int LineCount, Place Lines);

    private sealed record Footer(
        int Schema, string Stamp, string ContentHash, string VocabularyVersion, string? ReadingVersion, IReadOnlyList<string> Problems,
        IReadOnlyList<FooterDocument> Documents, IReadOnlyList<TabledPlace> Passages, IReadOnlyList<TabledPlace> Kpis, IReadOnlyList<TabledPlace> Projects,
        TabledPlace Notes, TabledPlace Totals, TabledPlace StatedCounts);

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
