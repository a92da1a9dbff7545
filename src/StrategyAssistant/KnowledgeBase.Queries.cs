using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant;

/// <summary>Queries by city, by document and by id: each reads only the parts of the documents that can hold an answer (the
/// footer's index says which), and returns the items in corpus order, exactly as a scan of every item would.</summary>
public sealed partial class KnowledgeBase
{
    private Lookups? _lookups;

    private Lookups Find => LazyInitializer.EnsureInitialized(ref _lookups, () => new Lookups(Corpus, Parts));

    public int PassageCount => Parts.Order.Passages.Sum(r => r.Count);

    public int KpiCount => Parts.Order.Kpis.Sum(r => r.Count);

    public int ProjectCount => Parts.Order.Projects.Sum(r => r.Count);

    public int NoteCount => Parts.Order.Notes.Sum(r => r.Count);

    /// <summary>The KPI records any of whose citations is in one of <paramref name="files"/>, in record order: what answering
    /// scans instead of every record of the corpus.</summary>
    public IEnumerable<KpiRecord> KpisCiting(IEnumerable<string> files)
    {
        var wanted = files.ToHashSet(StringComparer.Ordinal);
        return Select(Find.Citing(wanted), Kind.Kpis, d => d.Kpis, k => k.AllSources().Any(c => wanted.Contains(c.File)));
    }

    /// <summary>The project records cited in one of <paramref name="files"/>, in record order.</summary>
    public IEnumerable<ProjectRecord> ProjectsCiting(IEnumerable<string> files)
    {
        var wanted = files.ToHashSet(StringComparer.Ordinal);
        return Select(Find.Citing(wanted), Kind.Projects, d => d.Projects, p => wanted.Contains(p.Source.File));
    }

    /// <summary>The data-quality notes citing one of <paramref name="files"/>, in order.</summary>
    public IEnumerable<DataQualityNote> NotesCiting(IEnumerable<string> files)
    {
        var wanted = files.ToHashSet(StringComparer.Ordinal);
        return Select(Find.Citing(wanted), Kind.Notes, d => d.Notes, n => n.Sources.Any(c => wanted.Contains(c.File)));
    }

    /// <summary>The KPI records of <paramref name="cities"/> (every record when none is given), in record order: what
    /// answering scans instead of the whole corpus when a question names its cities.</summary>
    public IEnumerable<KpiRecord> KpisOf(IReadOnlyList<string> cities) => cities.Count == 0 ? Records.Kpis
        : Select(Find.Naming(cities), Kind.Kpis, d => d.Kpis, k => cities.Contains(k.City));

    /// <summary>The project records of <paramref name="cities"/> (every record when none is given), in record order.</summary>
    public IEnumerable<ProjectRecord> ProjectsOf(IReadOnlyList<string> cities) => cities.Count == 0 ? Records.Projects
        : Select(Find.Naming(cities), Kind.Projects, d => d.Projects, p => cities.Contains(p.City));

    /// <summary>The data-quality notes of <paramref name="cities"/> (every note when none is given), in order.</summary>
    public IEnumerable<DataQualityNote> NotesOf(IReadOnlyList<string> cities) => cities.Count == 0 ? Records.Notes
        : Select(Find.Naming(cities), Kind.Notes, d => d.Notes, n => cities.Contains(n.City));

    /// <summary>The stated list totals of <paramref name="cities"/> (every total when none is given), in order.</summary>
    public IEnumerable<ListTotal> TotalsOf(IReadOnlyList<string> cities) => cities.Count == 0 ? Records.Totals
        : Select(Find.Naming(cities), Kind.Totals, d => d.Totals, t => cities.Contains(t.City));

    /// <summary>The stated counts of <paramref name="cities"/> (every count when none is given), in order.</summary>
    public IEnumerable<StatedCount> StatedCountsOf(IReadOnlyList<string> cities) => cities.Count == 0 ? Records.StatedCounts
        : Select(Find.Naming(cities), Kind.StatedCounts, d => d.StatedCounts, c => cities.Contains(c.City));

    /// <summary>The passages of the documents of <paramref name="cities"/> (every passage when none is given), in order.</summary>
    public IEnumerable<Passage> PassagesOf(IReadOnlyList<string> cities) => cities.Count == 0 ? Passages
        : Select(Find.Naming(cities), Kind.Passages, d => d.Passages, p => Corpus.Find(p.File) is { } d && cities.Contains(d.City));

    /// <summary>The passages of <paramref name="file"/>, in order (kept: answering asks for a file's passages often).</summary>
    public IReadOnlyList<Passage> PassagesIn(string file) => _passagesIn.GetOrAdd(file, f => [.. PassagesIn([f])]);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Passage>> _passagesIn = new(StringComparer.Ordinal);

    /// <summary>The passages of <paramref name="files"/>, in corpus order.</summary>
    public IEnumerable<Passage> PassagesIn(IEnumerable<string> files)
    {
        var wanted = files.ToHashSet(StringComparer.Ordinal);
        return Select(Find.Own(wanted), Kind.Passages, d => d.Passages, p => wanted.Contains(p.File));
    }

    /// <summary>The KPI records whose own source is one of <paramref name="files"/>, in record order.</summary>
    public IEnumerable<KpiRecord> KpisFrom(IEnumerable<string> files)
    {
        var wanted = files.ToHashSet(StringComparer.Ordinal);
        return Select(Find.Own(wanted), Kind.Kpis, d => d.Kpis, k => wanted.Contains(k.Source.File));
    }

    /// <summary>The project records whose own source is one of <paramref name="files"/>, in record order.</summary>
    public IEnumerable<ProjectRecord> ProjectsFrom(IEnumerable<string> files)
    {
        var wanted = files.ToHashSet(StringComparer.Ordinal);
        return Select(Find.Own(wanted), Kind.Projects, d => d.Projects, p => wanted.Contains(p.Source.File));
    }

    public Passage? FindPassage(string id) => Select(Find.Holding(id), Kind.Passages, d => d.Passages, p => p.Id == id).FirstOrDefault();

    public KpiRecord? FindKpi(string id) => Select(Find.Holding(id), Kind.Kpis, d => d.Kpis, k => k.Id == id).FirstOrDefault();

    public ProjectRecord? FindProject(string id) => Select(Find.Holding(id), Kind.Projects, d => d.Projects, p => p.Id == id).FirstOrDefault();

    private enum Kind
    {
        Passages,
        Kpis,
        Projects,
        Notes,
        Totals,
        StatedCounts,
    }

    private static IReadOnlyList<PartRun> RunsOf(PartOrder order, Kind kind) => kind switch
    {
        Kind.Passages => order.Passages,
        Kind.Kpis => order.Kpis,
        Kind.Projects => order.Projects,
        Kind.Notes => order.Notes,
        Kind.Totals => order.Totals,
        _ => order.StatedCounts,
    };

    /// <summary>The items of <paramref name="documents"/>' parts that <paramref name="keep"/> keeps, in corpus order.</summary>
    private List<T> Select<T>(IReadOnlyList<int> documents, Kind kind, Func<DocumentKnowledge, IReadOnlyList<T>> list, Func<T, bool> keep)
    {
        if (documents.Count == 1)
        {
            // One part: its items are in corpus order already.
            return [.. list(Parts.Read(documents[0])).Where(keep)];
        }

        int[][] positions = Find.Positions(RunsOf(Parts.Order, kind), (int)kind);
        var found = new List<(int Position, T Item)>();
        foreach (int document in documents)
        {
            IReadOnlyList<T> items = list(Parts.Read(document));
            int[] at = positions[document];
            for (int i = 0; i < items.Count && i < at.Length; i++)
            {
                if (keep(items[i]))
                {
                    found.Add((at[i], items[i]));
                }
            }
        }

        found.Sort((a, b) => a.Position.CompareTo(b.Position));
        return [.. found.Select(f => f.Item)];
    }

    /// <summary>Every part read (on all cores) and merged in the footer's order.</summary>
    private (IReadOnlyList<Passage>, RecordSet) ReadAll()
    {
        IKnowledgeParts parts = Parts;
        int count = Math.Max(1, Corpus.Documents.Count);
        var read = new DocumentKnowledge[count];
        Parallel.For(0, count, d => read[d] = parts.Read(d));
        PartOrder order = parts.Order;
        return (Merge(order.Passages, read, p => p.Passages),
            new RecordSet(Merge(order.Kpis, read, p => p.Kpis), Merge(order.Projects, read, p => p.Projects), Merge(order.Notes, read, p => p.Notes))
            {
                Totals = Merge(order.Totals, read, p => p.Totals),
                StatedCounts = Merge(order.StatedCounts, read, p => p.StatedCounts),
            });
    }

    private static List<T> Merge<T>(IReadOnlyList<PartRun> runs, DocumentKnowledge[] parts, Func<DocumentKnowledge, IReadOnlyList<T>> list)
    {
        var next = new int[parts.Length];
        var merged = new List<T>(runs.Sum(r => r.Count));
        foreach (PartRun run in runs)
        {
            IReadOnlyList<T> items = list(parts[run.Document]);
            for (int i = 0; i < run.Count; i++)
            {
                merged.Add(items[next[run.Document]++]);
            }
        }

        return merged;
    }

    /// <summary>Which documents' parts can hold what a query asks for, from the parts' index (no part is read).</summary>
    private sealed class Lookups
    {
        private readonly Dictionary<string, int> _own = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int[]> _byCity;
        private readonly Dictionary<string, int[]> _byFile;
        private readonly int[] _strays;
        private readonly int[]?[][] _positions = new int[]?[6][];

        public Lookups(Corpus corpus, IKnowledgeParts parts)
        {
            var byCity = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
            var byFile = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
            var foreign = new List<int>();
            void Add(Dictionary<string, SortedSet<int>> map, string key, int d)
            {
                if (!map.TryGetValue(key, out SortedSet<int>? set))
                {
                    map[key] = set = [];
                }

                set.Add(d);
            }

            _documents = Math.Max(1, corpus.Documents.Count);
            for (int d = 0; d < _documents; d++)
            {
                DocumentPartIndex index = parts.Index(d);
                if (d < corpus.Documents.Count)
                {
                    SourceDocument document = corpus.Documents[d];
                    _own.TryAdd(document.File, d);
                    Add(byCity, document.City, d);
                    Add(byFile, document.File, d);
                }

                foreach (string city in index.OtherCities)
                {
                    Add(byCity, city, d);
                }

                foreach (string file in index.OtherFiles)
                {
                    Add(byFile, file, d);
                }

                if (index.Strays)
                {
                    foreign.Add(d);
                }
            }

            _byCity = byCity.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
            _byFile = byFile.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
            _strays = [.. foreign];
        }

        private readonly int _documents;

        public IReadOnlyList<int> Naming(IEnumerable<string> cities) => Union(cities.Select(c => _byCity.GetValueOrDefault(c)));

        public IReadOnlyList<int> Citing(IEnumerable<string> files) => Union(files.Select(f => _byFile.GetValueOrDefault(f)).Append(_strays));

        public IReadOnlyList<int> Own(IEnumerable<string> files) => Union(files.Select(f => _own.TryGetValue(f, out int d) ? new[] { d } : null).Append(_strays));

        /// <summary>The parts that can hold an id: those of the files it starts with (<c>file:…</c>), and those holding strays.</summary>
        public IReadOnlyList<int> Holding(string id)
        {
            var found = new List<int[]?>(2) { _strays };
            for (int colon = id.IndexOf(':'); colon >= 0; colon = id.IndexOf(':', colon + 1))
            {
                if (_own.TryGetValue(id[..colon], out int d))
                {
                    found.Add([d]);
                }
            }

            return Union(found);
        }

        /// <summary>Each document's items' places in the corpus-wide list of one kind.</summary>
        public int[][] Positions(IReadOnlyList<PartRun> runs, int kind) => LazyInitializer.EnsureInitialized(ref _positions[kind], () =>
        {
            var lists = new List<int>[_documents];
            for (int d = 0; d < _documents; d++)
            {
                lists[d] = [];
            }

            int position = 0;
            foreach (PartRun run in runs)
            {
                for (int i = 0; i < run.Count; i++)
                {
                    lists[run.Document].Add(position++);
                }
            }

            return [.. lists.Select(l => l.ToArray())];
        })!;

        private static int[] Union(IEnumerable<int[]?> sets)
        {
            var all = new SortedSet<int>();
            foreach (int[]? set in sets)
            {
                if (set is not null)
                {
                    all.UnionWith(set);
                }
            }

            return [.. all];
        }
    }
}
