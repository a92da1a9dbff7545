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
    public const string RecordsVersion = "records-3";

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

    public IReadOnlyList<Passage> Passages { get; }

    public RecordSet Records { get; }

    /// <summary>The passages of every document of <paramref name="corpus"/> with <paramref name="records"/> read from it
    /// (the ingestion stage reads records; the core only holds them), both through <see cref="ProvenancePass"/>.</summary>
    public static KnowledgeBase Create(Corpus corpus, RecordSet records) =>
        new(corpus, ProvenancePass.Apply(corpus, [.. corpus.Documents.SelectMany(PassageSplitter.Split)]), ProvenancePass.Apply(corpus, records));

    public Passage? FindPassage(string id) => _passages.GetValueOrDefault(id);

    public KpiRecord? FindKpi(string id) => _kpis.GetValueOrDefault(id);

    public ProjectRecord? FindProject(string id) => _projects.GetValueOrDefault(id);

    public SourceDocument Document(string file) =>
        Corpus.Find(file) ?? throw new KeyNotFoundException($"{file} is not in the corpus.");

    /// <summary>The citation of a passage (its text lines, without leading or trailing blank lines), from the passage alone.</summary>
    public Citation Cite(Passage passage)
    {
        var lines = passage.NumberedLines().ToList();
        int start = lines.Count == 0 ? passage.Line : lines[0].Line;
        int end = lines.Count == 0 ? passage.Line : lines[^1].Line;
        return Cite(passage.File, start, end, passage.Text);
    }

    /// <summary>A citation of lines of <paramref name="file"/> quoting <paramref name="quote"/>: the document's title and city
    /// from its manifest entry, no line read.</summary>
    public Citation Cite(string file, int line, int lineEnd, string quote)
    {
        DocumentInfo info = Document(file).Info;
        return new Citation(info.File, info.Title, info.City, line, lineEnd, quote);
    }
}
