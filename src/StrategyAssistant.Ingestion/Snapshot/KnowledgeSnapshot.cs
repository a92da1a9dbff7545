using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;
using static StrategyAssistant.Ingestion.PartFile;

namespace StrategyAssistant.Ingestion;

/// <summary>An open snapshot file: the footer is read and every segment checked at open; a document's part (and its city's)
/// is decompressed when a query first needs it, its lines when something asks for them, through the handle opened here, so
/// a newer snapshot moved over the file later does not change what this one reads.</summary>
public sealed class KnowledgeSnapshot : IKnowledgeParts
{
    /// <summary>Bump when the snapshot's shape changes (3: each document's hash, the reading version; parts read in
    /// parallel and lines on demand; 4: each part's distinct citations in a table; 5: one part per document and one per
    /// city, read on first use, see <see cref="SnapshotContainer"/>).</summary>
    public const int SchemaVersion = 5;

    private readonly SafeFileHandle _handle;
    private readonly SnapshotFooter _footer;
    private readonly JsonSerializerOptions _options;
    private readonly JsonSerializerOptions _tableOptions;
    private readonly ConcurrentDictionary<string, string> _pool = SharedStrings.NewPool();
    private readonly Lazy<DocumentKnowledge>[] _parts;
    private readonly Lazy<SnapshotContainer.CityPart>[] _cityParts;
    private readonly (int City, int Local)[] _cityOf;
    private readonly Lazy<PartOrder> _order;
    private readonly Lazy<Dictionary<string, int>> _byHash;

    internal KnowledgeSnapshot(SafeFileHandle handle, SnapshotFooter footer, JsonSerializerOptions options, JsonSerializerOptions tableOptions)
    {
        _handle = handle;
        _footer = footer;
        _options = options;
        _tableOptions = tableOptions;
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int d = 0; d < footer.Documents.Count; d++)
        {
            numbers.TryAdd(footer.Documents[d].Info.File, d);
        }

        _cityOf = new (int, int)[footer.Documents.Count];
        Array.Fill(_cityOf, (int.MaxValue, 0));
        for (int c = 0; c < footer.Cities.Count; c++)
        {
            for (int j = 0; j < footer.Cities[c].Files.Count; j++)
            {
                if (numbers.TryGetValue(footer.Cities[c].Files[j], out int d))
                {
                    _cityOf[d] = (c, j);
                }
            }
        }

        _cityParts = [.. footer.Cities.Select(c => new Lazy<SnapshotContainer.CityPart>(() => ReadTabled<SnapshotContainer.CityPart>(_handle, c.Part, _options, _tableOptions, _pool)))];
        _parts = [.. Enumerable.Range(0, footer.Documents.Count).Select(d => new Lazy<DocumentKnowledge>(() => Compose(d)))];
        _order = new Lazy<PartOrder>(Ordered);
        _byHash = new Lazy<Dictionary<string, int>>(() => footer.Documents.Select((d, i) => (d.Hash, i)).Where(x => x.Hash is not null)
            .GroupBy(x => x.Hash!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal));
        Documents = [.. footer.Documents.Select(d => new SnapshotDocument(d.Info, new LazyLines(handle, d.Lines, d.LineCount, options), d.Hash))];
        Damaged = FindDamaged();
    }

    public int Schema => _footer.Schema;

    public string Stamp => _footer.Stamp;

    public string ContentHash => _footer.ContentHash;

    public string VocabularyVersion => _footer.VocabularyVersion;

    public string? ReadingVersion => _footer.ReadingVersion;

    public IReadOnlyList<string> Problems => _footer.Problems;

    public IReadOnlyList<SnapshotDocument> Documents { get; }

    /// <summary>The documents whose lines or part, or whose city's part, fail their checksum (then this snapshot is not
    /// served: those cities are ingested again, the others kept).</summary>
    public IReadOnlySet<string> Damaged { get; }

    public PartOrder Order => _order.Value;

    public DocumentPartIndex Index(int document) => document < _footer.Documents.Count ? _footer.Documents[document].Index : new DocumentPartIndex([], []);

    public DocumentKnowledge Read(int document) => document < _parts.Length ? _parts[document].Value : DocumentKnowledge.Empty;

    /// <summary>The knowledge served from this snapshot: parts read as queries need them.</summary>
    public KnowledgeBase ToKnowledge()
    {
        var corpus = new Corpus([.. Documents.Select(d => new SourceDocument(d.Info, d.Lines))], ContentHash);
        return new KnowledgeBase(corpus, this)
        {
            Version = Stamp,
            Problems = Problems,
            DocumentHashes = Documents.Where(d => d.Hash is not null).ToDictionary(d => d.Info.File, d => d.Hash!, StringComparer.Ordinal),
            ReadingVersion = ReadingVersion,
        };
    }

    /// <summary>The document with <paramref name="hash"/> and <paramref name="info"/> as ingestion left it before linking: its
    /// lines and passages from here, its records from <paramref name="cache"/>; null when either does not have it whole.</summary>
    internal IngestedPart? Reusable(string hash, DocumentInfo info, IngestCacheReader? cache)
    {
        if (!_byHash.Value.TryGetValue(hash, out int d) || _footer.Documents[d].Info != info || Damaged.Contains(info.File) || cache?.Find(hash, info.File) is not { } cached)
        {
            return null;
        }

        DocumentKnowledge own = ReadTabled<DocumentKnowledge>(_handle, _footer.Documents[d].Part, _options, _tableOptions, _pool);
        return new IngestedPart(new SourceDocument(info, Documents[d].Lines), hash, cached.Records, own.Passages, cached.Reader);
    }

    /// <summary>The city of this snapshot with exactly these documents (entries and hashes, in this order), undamaged; null otherwise.</summary>
    internal KeptCity? Keep(string city, IReadOnlyList<(DocumentInfo Info, string Hash)> documents)
    {
        FooterCity? found = _footer.Cities.FirstOrDefault(c => c.City == city);
        if (found is null || found.Files.Count != documents.Count)
        {
            return null;
        }

        var entries = new List<FooterDocument>(documents.Count);
        for (int j = 0; j < documents.Count; j++)
        {
            FooterDocument? entry = _footer.Documents.FirstOrDefault(d => d.Info.File == found.Files[j]);
            if (entry is null || entry.Info != documents[j].Info || entry.Hash != documents[j].Hash || Damaged.Contains(entry.Info.File))
            {
                return null;
            }

            entries.Add(entry);
        }

        return new KeptCity(_handle, found, entries);
    }

    private DocumentKnowledge Compose(int document)
    {
        DocumentKnowledge own = ReadTabled<DocumentKnowledge>(_handle, _footer.Documents[document].Part, _options, _tableOptions, _pool);
        (int c, int local) = _cityOf[document];
        if (c >= _footer.Cities.Count)
        {
            return own;
        }

        FooterCity city = _footer.Cities[c];
        int[] notes = Expand(city.Notes);
        int[] counts = Expand(city.Counts);
        if (!notes.Contains(local) && !counts.Contains(local))
        {
            return own;
        }

        SnapshotContainer.CityPart part = _cityParts[c].Value;
        return SnapshotContainer.Compose(own, part.Notes, notes, part.Counts, counts, local);
    }

    /// <summary>The corpus-wide order (<see cref="CityOrder"/>) from the footer's counts alone.</summary>
    private PartOrder Ordered()
    {
        var documents = _footer.Documents;
        IReadOnlyList<PartRun> Each(Func<PartCounts, int> count) => [.. documents.Select((d, i) => new PartRun(i, count(d.Counts))).Where(r => r.Count > 0)];
        var numbers = documents.Select((d, i) => (d.Info.File, i)).ToDictionary(x => x.File, x => x.i, StringComparer.Ordinal);
        IEnumerable<PartRun> CityRuns(Func<FooterCity, IReadOnlyList<PartRun>> runs) => _footer.Cities.SelectMany(c => runs(c)
            .Select(r => new PartRun(numbers.GetValueOrDefault(c.Files[r.Document]), r.Count)));
        return new PartOrder(
            Each(c => c.Passages), Each(c => c.Kpis), Each(c => c.Projects),
            [.. Each(c => c.Notes), .. CityRuns(c => c.Notes)],
            Each(c => c.Totals),
            [.. CityRuns(c => c.Counts), .. Each(c => c.StatedCounts)]);
    }

    private static int[] Expand(IReadOnlyList<PartRun> runs) => [.. runs.SelectMany(r => Enumerable.Repeat(r.Document, r.Count))];

    /// <summary>Every segment checked (on all cores): the files whose lines or part, or whose city's part, are damaged.</summary>
    private HashSet<string> FindDamaged()
    {
        var damaged = new ConcurrentBag<string>();
        var jobs = new List<Action>();
        foreach (FooterDocument d in _footer.Documents)
        {
            jobs.Add(() =>
            {
                if (!Intact(_handle, d.Lines) || !Intact(_handle, d.Part.Table) || !Intact(_handle, d.Part.Items))
                {
                    damaged.Add(d.Info.File);
                }
            });
        }

        foreach (FooterCity c in _footer.Cities)
        {
            jobs.Add(() =>
            {
                if (!Intact(_handle, c.Part.Table) || !Intact(_handle, c.Part.Items))
                {
                    foreach (string file in c.Files)
                    {
                        damaged.Add(file);
                    }
                }
            });
        }

        Parallel.Invoke([.. jobs]);
        return [.. damaged];
    }

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

/// <summary>A document's manifest entry, its lines as ingestion read them (cells joined by tabs) and its hash (manifest
/// entry and bytes, <see cref="CorpusIngestor.DocumentHash"/>).</summary>
public sealed record SnapshotDocument(DocumentInfo Info, IReadOnlyList<string> Lines, string? Hash = null);
