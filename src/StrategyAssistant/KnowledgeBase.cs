using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant;

/// <summary>Everything read from the corpus, in memory: documents, passages and records, each addressable by id.
/// The Lucene index finds ids; this resolves them to the passages and records with their citations.</summary>
public sealed partial class KnowledgeBase
{
    /// <summary>Bump when what the ingestion interpreters read changes, so indexes built from older records are rebuilt.</summary>
    public const string RecordsVersion = "records-4";

    private readonly Lazy<IKnowledgeParts> _parts;
    private readonly Lazy<(IReadOnlyList<Passage> Passages, RecordSet Records)> _all;

    /// <summary>Knowledge held in memory (ingestion's): cut into per-document parts when a query first needs them.</summary>
    public KnowledgeBase(Corpus corpus, IReadOnlyList<Passage> passages, RecordSet records)
        : this(corpus, new Lazy<IKnowledgeParts>(() => new InMemoryParts(corpus, passages, records)), new Lazy<(IReadOnlyList<Passage>, RecordSet)>((passages, records)))
    {
    }

    /// <summary>Knowledge read part by part (a snapshot's): a document's part is read when a query first names it, every part
    /// only when something asks for all passages or records.</summary>
    public KnowledgeBase(Corpus corpus, IKnowledgeParts parts)
        : this(corpus, new Lazy<IKnowledgeParts>(parts), null)
    {
    }

    private KnowledgeBase(Corpus corpus, Lazy<IKnowledgeParts> parts, Lazy<(IReadOnlyList<Passage>, RecordSet)>? all)
    {
        Version = corpus.ContentHash + "|" + RecordsVersion;
        Corpus = corpus;
        _parts = parts;
        _all = all ?? new Lazy<(IReadOnlyList<Passage>, RecordSet)>(ReadAll, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>This knowledge (sharing every part read so far) reporting <paramref name="problems"/>.</summary>
    public KnowledgeBase WithProblems(IReadOnlyList<string> problems) => new(Corpus, _parts, _all)
    {
        Version = Version,
        Problems = problems,
        DocumentHashes = DocumentHashes,
        ReadingVersion = ReadingVersion,
    };

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

    /// <summary>Every passage of the corpus (reads every part; answering asks by city or document instead).</summary>
    public IReadOnlyList<Passage> Passages => _all.Value.Passages;

    /// <summary>Every record of the corpus (reads every part; answering asks by city or document instead).</summary>
    public RecordSet Records => _all.Value.Records;

    /// <summary>The passages and records in per-document parts, the footer's order of them.</summary>
    public IKnowledgeParts Parts => _parts.Value;

    /// <summary>The passages of every document of <paramref name="corpus"/> with <paramref name="records"/> read from it (the
    /// ingestion stage reads records; the core only holds them), both given their provenance (<see cref="ProvenancePass"/>).</summary>
    public static KnowledgeBase Create(Corpus corpus, RecordSet records) =>
        new(corpus, ProvenancePass.Apply(corpus, [.. corpus.Documents.SelectMany(PassageSplitter.Split)]), ProvenancePass.Apply(corpus, records));

    public SourceDocument Document(string file) =>
        Corpus.Find(file) ?? throw new KeyNotFoundException($"{file} is not in the corpus.");

    /// <summary>A document's lines as the passages hold them, for serving (which reads no document line).</summary>
    public PassageLines PassageLines(string file) => _passageLines.GetOrAdd(file, f => new PassageLines(Document(f).Info, PassagesIn(f)));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PassageLines> _passageLines = new(StringComparer.Ordinal);

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
        return Located(file) ? PassageLines(file).Place(citation) : citation;
    }

    /// <summary>Whether the file's passages carry places in the original (a PDF, a workbook): only their citations are placed,
    /// so a text corpus builds no line view for citing.</summary>
    private bool Located(string file) => _located.GetOrAdd(file, f => PassagesIn(f).Any(p => p.Locations is not null));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _located = new(StringComparer.Ordinal);
}
