using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant;

/// <summary>Everything read from the corpus, in memory: documents, passages and records, each addressable by id.
/// The Lucene index finds ids; this resolves them to the passages and records with their citations.</summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, Passage> _passages;
    private readonly Dictionary<string, KpiRecord> _kpis;
    private readonly Dictionary<string, ProjectRecord> _projects;

    /// <summary>Bump when what the ingestion interpreters read changes, so indexes built from older records are rebuilt.</summary>
    public const string RecordsVersion = "records-4";

    public KnowledgeBase(Corpus corpus, IReadOnlyList<Passage> passages, RecordSet records)
    {
        Version = corpus.ContentHash + "|" + RecordsVersion;
        Corpus = corpus;
        Passages = passages;
        Records = records;
        _passages = passages.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _kpis = records.Kpis.GroupBy(k => k.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _projects = records.Projects.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public Corpus Corpus { get; }

    /// <summary>What the knowledge was read from and with: the corpus content hash and the reading version (for a snapshot
    /// also the vocabulary and snapshot schema). The index stamp is built from it, not from the assembly.</summary>
    public string Version { get; init; }

    /// <summary>Documents that could not be read, one message each (the rest of the corpus is served).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Each document's content hash (its bytes and manifest entry), by file, when the ingestion stage read the knowledge
    /// (empty otherwise): the index is updated in place for the files whose hash changed.</summary>
    public IReadOnlyDictionary<string, string> DocumentHashes { get; init; } = new Dictionary<string, string>();

    /// <summary>What read the knowledge, without the documents' content (reading code, records and vocabulary versions);
    /// null when not known. An index built with another is rebuilt, not updated.</summary>
    public string? ReadingVersion { get; init; }

    public IReadOnlyList<Passage> Passages { get; }

    public RecordSet Records { get; }

    /// <summary>The passages of every document of <paramref name="corpus"/> with <paramref name="records"/> read from it (the
    /// ingestion stage reads records; the core only holds them), both given their provenance (<see cref="ProvenancePass"/>).</summary>
    public static KnowledgeBase Create(Corpus corpus, RecordSet records) =>
        new(corpus, ProvenancePass.Apply(corpus, [.. corpus.Documents.SelectMany(PassageSplitter.Split)]), ProvenancePass.Apply(corpus, records));

    /// <summary>The KPI records any of whose citations is in one of <paramref name="files"/>, in record order: what answering
    /// scans instead of every record of the corpus.</summary>
    public IEnumerable<KpiRecord> KpisCiting(IEnumerable<string> files) => InOrder(Records.Kpis, LazyInitializer.EnsureInitialized(ref _kpisByFile, () =>
        ByFile(Records.Kpis.Count, i => Records.Kpis[i].AllSources().Select(c => c.File))), files);

    /// <summary>The project records cited in one of <paramref name="files"/>, in record order.</summary>
    public IEnumerable<ProjectRecord> ProjectsCiting(IEnumerable<string> files) => InOrder(Records.Projects, LazyInitializer.EnsureInitialized(ref _projectsByFile, () =>
        ByFile(Records.Projects.Count, i => [Records.Projects[i].Source.File])), files);

    /// <summary>The KPI records of <paramref name="cities"/> (every record when none is given), in record order: what
    /// answering scans instead of the whole corpus when a question names its cities.</summary>
    public IEnumerable<KpiRecord> KpisOf(IReadOnlyList<string> cities) => cities.Count == 0 ? Records.Kpis
        : InOrder(Records.Kpis, LazyInitializer.EnsureInitialized(ref _kpisByCity, () => ByFile(Records.Kpis.Count, i => [Records.Kpis[i].City])), cities);

    /// <summary>The project records of <paramref name="cities"/> (every record when none is given), in record order.</summary>
    public IEnumerable<ProjectRecord> ProjectsOf(IReadOnlyList<string> cities) => cities.Count == 0 ? Records.Projects
        : InOrder(Records.Projects, LazyInitializer.EnsureInitialized(ref _projectsByCity, () => ByFile(Records.Projects.Count, i => [Records.Projects[i].City])), cities);

    /// <summary>The data-quality notes citing one of <paramref name="files"/>, in order.</summary>
    public IEnumerable<DataQualityNote> NotesCiting(IEnumerable<string> files) => InOrder(Records.Notes, LazyInitializer.EnsureInitialized(ref _notesByFile, () =>
        ByFile(Records.Notes.Count, i => Records.Notes[i].Sources.Select(c => c.File))), files);

    private Dictionary<string, int[]>? _kpisByFile;
    private Dictionary<string, int[]>? _projectsByFile;
    private Dictionary<string, int[]>? _kpisByCity;
    private Dictionary<string, int[]>? _projectsByCity;
    private Dictionary<string, int[]>? _notesByFile;

    private static Dictionary<string, int[]> ByFile(int count, Func<int, IEnumerable<string>> files)
    {
        var byFile = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            foreach (string file in files(i).Distinct(StringComparer.Ordinal))
            {
                if (!byFile.TryGetValue(file, out List<int>? list))
                {
                    byFile[file] = list = [];
                }

                list.Add(i);
            }
        }

        return byFile.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    private static IEnumerable<T> InOrder<T>(IReadOnlyList<T> records, Dictionary<string, int[]> byKey, IEnumerable<string> keys)
    {
        var found = keys.Distinct(StringComparer.Ordinal).Select(k => byKey.GetValueOrDefault(k)).OfType<int[]>().ToList();
        if (found.Count == 1)
        {
            return found[0].Select(i => records[i]);
        }

        var indices = new SortedSet<int>();
        foreach (int[] list in found)
        {
            indices.UnionWith(list);
        }

        return indices.Select(i => records[i]);
    }

    public Passage? FindPassage(string id) => _passages.GetValueOrDefault(id);

    public KpiRecord? FindKpi(string id) => _kpis.GetValueOrDefault(id);

    public ProjectRecord? FindProject(string id) => _projects.GetValueOrDefault(id);

    public SourceDocument Document(string file) =>
        Corpus.Find(file) ?? throw new KeyNotFoundException($"{file} is not in the corpus.");

    /// <summary>A document's lines as the passages hold them, for serving (which reads no document line).</summary>
    public PassageLines PassageLines(string file) => _passageLines.GetOrAdd(file, f =>
        new PassageLines(Document(f).Info, _passagesByFile.Value.GetValueOrDefault(f) ?? []));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PassageLines> _passageLines = new(StringComparer.Ordinal);

    private Lazy<Dictionary<string, List<Passage>>> _passagesByFile => _byFile ??= new(() =>
        Passages.GroupBy(p => p.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal));

    private Lazy<Dictionary<string, List<Passage>>>? _byFile;

    /// <summary>The citation of a passage (its text lines, without leading or trailing blank lines), from the passage alone.</summary>
    public Citation Cite(Passage passage)
    {
        var lines = passage.NumberedLines().ToList();
        int start = lines.Count == 0 ? passage.Line : lines[0].Line;
        int end = lines.Count == 0 ? passage.Line : lines[^1].Line;
        return Cite(passage.File, start, end, passage.Text);
    }

    /// <summary>A citation of lines of <paramref name="file"/> quoting <paramref name="quote"/>: the document's title and city
    /// from its manifest entry, the page or cells from its passages (a PDF or sheet), no line read.</summary>
    public Citation Cite(string file, int line, int lineEnd, string quote)
    {
        DocumentInfo info = Document(file).Info;
        var citation = new Citation(info.File, info.Title, info.City, line, lineEnd, quote);
        return Located.Contains(file) ? PassageLines(file).Place(citation) : citation;
    }

    /// <summary>The files whose passages carry places in the original (PDFs, workbooks): only their citations are placed, so a
    /// text corpus builds no line view for citing.</summary>
    private HashSet<string> Located => _located ??= [.. Passages.Where(p => p.Locations is not null).Select(p => p.File)];

    private HashSet<string>? _located;
}
