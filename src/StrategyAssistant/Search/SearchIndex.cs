using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace StrategyAssistant.Search;

/// <summary>One hit: the passage or record id, its kind and its score.</summary>
/// <param name="DocId">The Lucene document number (for <see cref="SearchIndex.StoredText"/>).</param>
public readonly record struct SearchHit(string Id, string Kind, string City, float Score, int DocId);

/// <summary>An open, read-only Lucene index. Thread-safe for searching.</summary>
public sealed class SearchIndex : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    // The index is read-only while open: each entry's id, kind and city are read once, not per hit.
    private readonly string[] _ids;
    private readonly string[] _kinds;
    private readonly string[] _cities;

    internal SearchIndex(FSDirectory directory, DirectoryReader reader, string path, ITextAnalysis analysis)
    {
        _directory = directory;
        _reader = reader;
        Path = path;
        Analysis = analysis;
        Analyzer = analysis.CreateAnalyzer();
        _searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        _ids = new string[reader.MaxDoc];
        _kinds = new string[reader.MaxDoc];
        _cities = new string[reader.MaxDoc];
        // Only the three small fields (not the stored full text of every entry), and one string per distinct kind and city.
        var fields = new HashSet<string>(StringComparer.Ordinal) { IndexFields.Id, IndexFields.Kind, IndexFields.City };
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int doc = 0; doc < reader.MaxDoc; doc++)
        {
            Lucene.Net.Documents.Document stored = reader.Document(doc, fields);
            _ids[doc] = stored.Get(IndexFields.Id);
            _kinds[doc] = Shared(shared, stored.Get(IndexFields.Kind));
            _cities[doc] = Shared(shared, stored.Get(IndexFields.City) ?? string.Empty);
        }
    }

    private static string Shared(Dictionary<string, string> shared, string value)
    {
        if (value is null)
        {
            return value!;
        }

        if (!shared.TryGetValue(value, out string? existing))
        {
            shared[value] = existing = value;
        }

        return existing;
    }

    public string Path { get; }

    public ITextAnalysis Analysis { get; }

    /// <summary>The analyzer the index was built with, for building queries.</summary>
    public Lucene.Net.Analysis.Analyzer Analyzer { get; }

    public int DocumentCount => _reader.NumDocs;

    /// <summary>The reader, for term statistics.</summary>
    public IndexReader Reader => _reader;

    public IReadOnlyList<SearchHit> Search(Query query, int count)
    {
        TopDocs top = _searcher.Search(query, count);
        var hits = new List<SearchHit>(top.ScoreDocs.Length);
        foreach (ScoreDoc scoreDoc in top.ScoreDocs)
        {
            hits.Add(new SearchHit(_ids[scoreDoc.Doc], _kinds[scoreDoc.Doc], _cities[scoreDoc.Doc], scoreDoc.Score, scoreDoc.Doc));
        }

        return hits;
    }

    /// <summary>Everything that was indexed for an entry (its stored text), to see which question words it contains.</summary>
    public string StoredText(int docId) => _searcher.Doc(docId).Get(IndexFields.All) ?? string.Empty;

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
    }
}
