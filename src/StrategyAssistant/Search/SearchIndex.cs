using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace StrategyAssistant.Search;

/// <summary>One hit: the passage or record id, its kind and its score.</summary>
/// <param name="StoredText">Everything that was indexed for the entry, to see which question words it contains.</param>
public readonly record struct SearchHit(string Id, string Kind, string City, float Score, string StoredText);

/// <summary>An open, read-only Lucene index. Thread-safe for searching.</summary>
public sealed class SearchIndex : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    internal SearchIndex(FSDirectory directory, DirectoryReader reader, string path, ITextAnalysis analysis)
    {
        _directory = directory;
        _reader = reader;
        Path = path;
        Analysis = analysis;
        Analyzer = analysis.CreateAnalyzer();
        _searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
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
            Lucene.Net.Documents.Document doc = _searcher.Doc(scoreDoc.Doc);
            hits.Add(new SearchHit(doc.Get(IndexFields.Id), doc.Get(IndexFields.Kind), doc.Get(IndexFields.City) ?? string.Empty, scoreDoc.Score, doc.Get(IndexFields.All) ?? string.Empty));
        }

        return hits;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
    }
}
