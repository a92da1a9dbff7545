using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace StrategyAssistant.Search;

/// <summary>One hit: the passage or record id, its kind and its score.</summary>
/// <param name="DocId">The Lucene document number (for <see cref="SearchIndex.StoredText"/>).</param>
public readonly record struct SearchHit(string Id, string Kind, string City, float Score, int DocId);

/// <summary>An open, read-only Lucene index. Thread-safe for searching.</summary>
public sealed class SearchIndex : IDisposable
{
    // Best score first; equal scores by id, so hits do not depend on the order the entries were written in (parallel or in place).
    private static readonly Sort s_byScoreThenId = new(SortField.FIELD_SCORE, new SortField(IndexFields.Id, SortFieldType.STRING));

    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    // A hit's id, kind and city are read from its segment's doc values: opening the index reads nothing per entry. Kinds and
    // cities are few, so their strings are shared.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _shared = new(StringComparer.Ordinal);

    // Read once per Lucene document number, on its first hit.
    private readonly Entry?[] _entries;

    // The reader never changes, so a term's per-segment state (where its postings are, its document frequency) is looked up
    // once: building it walks the terms dictionary of every segment, which was most of a question's search time. Bounded so a
    // long-running service asked endless new words does not grow without end.
    private const int MaxCachedTerms = 200_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Field, string Text), TermContext> _terms = new();

    // A scope holding at most this share of the entries (1 / n) is led by its own postings.
    private const int SparseScope = 16;
    private readonly ScopeCache _scopes;

    internal SearchIndex(FSDirectory directory, DirectoryReader reader, string path, ITextAnalysis analysis)
    {
        _directory = directory;
        _reader = reader;
        Path = path;
        Analysis = analysis;
        Analyzer = analysis.CreateAnalyzer();
        _searcher = new StatisticsCachingSearcher(reader) { Similarity = new BM25Similarity() };
        _entries = new Entry?[reader.MaxDoc];
        _scopes = new ScopeCache(reader);
    }

    public string Path { get; }

    public ITextAnalysis Analysis { get; }

    /// <summary>The analyzer the index was built with, for building queries.</summary>
    public Lucene.Net.Analysis.Analyzer Analyzer { get; }

    public int DocumentCount => _reader.NumDocs;

    /// <summary>The reader, for term statistics.</summary>
    public IndexReader Reader => _reader;

    public IReadOnlyList<SearchHit> Search(Query query, int count) =>
        Hits(_searcher.Search(query, null, Math.Max(1, count), s_byScoreThenId, doDocScores: true, doMaxScore: false));

    /// <summary>The best <paramref name="count"/> entries of <paramref name="scope"/> for <paramref name="words"/> (a query of
    /// optional clauses), scored and ordered exactly as <paramref name="words"/> required together with the scope's terms.</summary>
    public IReadOnlyList<SearchHit> Search(Query words, EntryScope scope, int count)
    {
        ScopedEntries entries = _scopes.For(scope);
        if (entries.Count == 0)
        {
            return [];
        }

        // A scope of few entries (one city of many) is searched as a conjunction led by the scope's postings, which skips the
        // words' postings of every other entry. A wide one (a kind, every city) is scored a window of entries at a time over
        // the words' postings alone, with the scope as the accepted entries: no per-entry leap between dozens of term iterators.
        if ((long)entries.Count * SparseScope <= _reader.MaxDoc)
        {
            var query = new BooleanQuery { { words, Occur.MUST } };
            Require(query, IndexFields.Kind, scope.Kinds);
            Require(query, IndexFields.City, scope.Cities);
            return Search(query, count);
        }

        // Optional term clauses alone (what retrieval asks): entries that cannot reach the best hits are not scored.
        if (words is BooleanQuery { MinimumNumberShouldMatch: 0 } disjunction && disjunction.Clauses.All(c => c.Occur == Occur.SHOULD && c.Query is TermQuery))
        {
            var top = new PrunedTopHits(_searcher, doc => EntryOf(doc).Id, count).Search([.. disjunction.Clauses.Select(c => (TermQuery)c.Query)], entries);
            var found = new List<SearchHit>(top.Count);
            foreach ((int doc, float score) in top)
            {
                Entry entry = EntryOf(doc);
                found.Add(new SearchHit(entry.Id, entry.Kind, entry.City, score, doc));
            }

            return found;
        }

        return ScoreAll(words, entries, count);
    }

    /// <summary>Every entry of the scope that matches <paramref name="words"/> scored (a window at a time), the best kept.</summary>
    internal IReadOnlyList<SearchHit> ScoreAll(Query words, ScopedEntries entries, int count)
    {
        Weight weight = _searcher.CreateNormalizedWeight(words);
        TopFieldCollector collector = TopFieldCollector.Create(s_byScoreThenId, Math.Clamp(count, 1, Math.Max(1, _reader.MaxDoc)),
            fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: !weight.ScoresDocsOutOfOrder);
        foreach (AtomicReaderContext leaf in _reader.Leaves)
        {
            collector.SetNextReader(leaf);
            weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, entries.Segments[leaf.Ord])?.Score(collector);
        }

        return Hits(collector.GetTopDocs());
    }

    /// <summary>A required clause that keeps to entries whose <paramref name="field"/> is one of <paramref name="values"/>; it adds nothing to the score.</summary>
    internal void Require(BooleanQuery query, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var any = new BooleanQuery();
        foreach (string value in values)
        {
            any.Add(TermQuery(field, value), Occur.SHOULD);
        }

        query.Add(new ConstantScoreQuery(any) { Boost = 0 }, Occur.MUST);
    }

    private List<SearchHit> Hits(TopDocs top)
    {
        var hits = new List<SearchHit>(top.ScoreDocs.Length);
        foreach (ScoreDoc scoreDoc in top.ScoreDocs)
        {
            Entry entry = EntryOf(scoreDoc.Doc);
            hits.Add(new SearchHit(entry.Id, entry.Kind, entry.City, scoreDoc.Score, scoreDoc.Doc));
        }

        return hits;
    }

    private Entry EntryOf(int docId) => _entries[docId] ??= ReadEntry(docId);

    private Entry ReadEntry(int docId)
    {
        IList<AtomicReaderContext> leaves = _reader.Leaves;
        AtomicReaderContext leaf = leaves[ReaderUtil.SubIndex(docId, leaves)];
        int doc = docId - leaf.DocBase;
        var bytes = new BytesRef();
        string id = Value(leaf.AtomicReader, IndexFields.Id, doc, bytes);
        string kind = _shared.GetOrAdd(Value(leaf.AtomicReader, IndexFields.Kind, doc, bytes), k => k);
        string city = _shared.GetOrAdd(Value(leaf.AtomicReader, IndexFields.City, doc, bytes), c => c);
        return new Entry(id, kind, city);
    }

    /// <summary>A hit's id, kind and city, read from the doc values the first time the entry is hit.</summary>
    private sealed record Entry(string Id, string Kind, string City);

    private static string Value(AtomicReader reader, string field, int doc, BytesRef bytes)
    {
        SortedDocValues? values = reader.GetSortedDocValues(field);
        if (values is null)
        {
            return string.Empty;
        }

        values.Get(doc, bytes);
        return bytes.Utf8ToString();
    }

    /// <summary>A query for one term whose per-segment state is looked up once per index (scores as a plain <see cref="Lucene.Net.Search.TermQuery"/>).</summary>
    public TermQuery TermQuery(string field, string text) => new(new Term(field, text), Context(field, text));

    /// <summary>The number of entries that contain the term (as <see cref="IndexReader.DocFreq(Term)"/>), looked up once per index.</summary>
    public int DocFreq(string field, string text) => Context(field, text).DocFreq;

    private TermContext Context(string field, string text)
    {
        if (_terms.TryGetValue((field, text), out TermContext? context))
        {
            return context;
        }

        if (_terms.Count >= MaxCachedTerms)
        {
            _terms.Clear();
        }

        return _terms.GetOrAdd((field, text), key => TermContext.Build(_reader.Context, new Term(key.Field, key.Text)));
    }

    /// <summary>Everything that was indexed for an entry (its stored text), to see which question words it contains.</summary>
    public string StoredText(int docId) => _searcher.Doc(docId).Get(IndexFields.All) ?? string.Empty;

    /// <summary>A field's statistics (document count, sums of frequencies) are computed once: the reader never changes, and
    /// the base class merges them over every segment for every term of every query.</summary>
    private sealed class StatisticsCachingSearcher(IndexReader reader) : IndexSearcher(reader)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CollectionStatistics> _fields = new(StringComparer.Ordinal);

        public override CollectionStatistics CollectionStatistics(string field) => _fields.GetOrAdd(field, f => base.CollectionStatistics(f));
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
    }
}
