using Lucene.Net.Index;
using Lucene.Net.Search;

namespace StrategyAssistant.Search;

/// <summary>A hit with how much of the question it covers (IDF-weighted share of the question's terms found in it).</summary>
public readonly record struct ScoredHit(SearchHit Hit, double Coverage);

/// <summary>What to look for: the words, the kinds of entries, and the cities to keep to.</summary>
/// <param name="Text">The question or topic words.</param>
/// <param name="Kinds">passage, kpi, project (any when empty).</param>
/// <param name="Cities">Keep to these cities (any when empty).</param>
/// <param name="Count">How many hits.</param>
/// <param name="OwnWords">The user's own words when <paramref name="Text"/> was widened with synonyms: coverage is the better of
/// the two, so synonyms find more but do not outweigh an exact match.</param>
/// <param name="Variants">Other spellings of words of the text (延べ数 / 延数): an entry that has a word in either spelling covers it.</param>
/// <param name="NearSpelling">When set, a katakana word of the text that an entry lacks counts as present when one of the entry's
/// katakana terms holds a stretch this similar to it (1 − edits / length; a wrong or missing kana of a misprint, ホームペーリ for
/// ホームページ), or holds it whole inside a longer compound the analyzer did not split.</param>
public sealed record SearchRequest(string Text, IReadOnlyList<string> Kinds, IReadOnlyList<string> Cities, int Count = 10, string? OwnWords = null,
    IReadOnlyList<SpellingVariant>? Variants = null, double? NearSpelling = null);

/// <summary>A word and another spelling of it that documents may use instead; the two are one word to retrieval.</summary>
public readonly record struct SpellingVariant(string Word, string Variant);

/// <summary>Searches the index with BM25 over the body, heading and name fields.</summary>
public sealed class Retriever
{
    private static readonly (string Field, float Boost)[] s_fields =
    [
        (IndexFields.Text, 1.0f),
        (IndexFields.Heading, 0.8f),
        (IndexFields.Name, 1.5f),
    ];

    private readonly SearchIndex _index;
    private readonly IndexReader _reader;

    // The index never changes under a Retriever, so an entry's terms, once analysed, stay valid; the most recently hit entries
    // are kept (a bounded number, so a service that answers for long does not come to hold every entry of a large index).
    // Keyed by the Lucene document number, not the entry id: a passage and a record that start on the same line share an id.
    private readonly BoundedCache<int, HashSet<string>> _entryTerms;

    /// <summary>How many entries' analysed terms are kept by default: a few hundred questions' hits (each question scores up to
    /// a few dozen entries), a few MB.</summary>
    public const int DefaultEntryTermsCapacity = 4096;

    public Retriever(SearchIndex index, int entryTermsCapacity = DefaultEntryTermsCapacity)
    {
        _index = index;
        _reader = index.Reader;
        _entryTerms = new BoundedCache<int, HashSet<string>>(entryTermsCapacity);
    }

    /// <summary>How many entries' analysed terms are held now (at most the capacity).</summary>
    internal int CachedEntryTerms => _entryTerms.Count;

    public IReadOnlyList<ScoredHit> Search(SearchRequest request)
    {
        IReadOnlyList<string> terms = QueryTerms.Analyze(_index.Analyzer, IndexFields.Text, request.Text);
        if (terms.Count == 0)
        {
            return [];
        }

        IReadOnlyList<VariantGroup> groups = Groups(request.Variants ?? []);
        string spellings = string.Join(' ', groups.SelectMany(g => g.Spellings));
        var words = new BooleanQuery();
        foreach (QueryField field in _index.Analysis.Fields)
        {
            IReadOnlyList<string> fieldTerms = field.Name is IndexFields.Text or IndexFields.Heading or IndexFields.Name
                ? terms
                : QueryTerms.Analyze(_index.Analyzer, field.Name, request.Text);
            if (spellings.Length > 0)
            {
                fieldTerms = [.. fieldTerms.Union(QueryTerms.Analyze(_index.Analyzer, field.Name, spellings), StringComparer.Ordinal).Take(QueryTerms.MaxTerms * 2)];
            }

            foreach (string term in fieldTerms)
            {
                TermQuery clause = _index.TermQuery(field.Name, term);
                clause.Boost = field.Boost;
                words.Add(clause, Occur.SHOULD);
            }

            // The index's terms that spell a katakana word nearly alike (ホームペーリアクセス for ホームページ) find its misprints.
            if (request.NearSpelling is { } similarity && field.Name is IndexFields.Text or IndexFields.Name)
            {
                foreach (string near in terms.Where(NearSpelling.Katakana).SelectMany(t => NearTerms(t, similarity)).Distinct(StringComparer.Ordinal))
                {
                    words.Add(new TermQuery(new Term(field.Name, near)) { Boost = field.Boost * 0.5f }, Occur.SHOULD);
                }
            }
        }

        IReadOnlyList<SearchHit> hits = _index.Search(words, new EntryScope(request.Kinds, request.Cities), request.Count);
        if (hits.Count == 0)
        {
            return [];
        }

        // Coverage: which of the question's terms does each hit contain, weighted by how rare each term is.
        Dictionary<string, double> weights = Weights(terms);
        Dictionary<string, double>? own = request.OwnWords is { Length: > 0 } ownWords ? Weights(QueryTerms.Analyze(_index.Analyzer, IndexFields.Text, ownWords)) : null;
        var scored = new List<ScoredHit>(hits.Count);
        foreach (SearchHit hit in hits)
        {
            double coverage = Coverage(hit, weights, groups, request.NearSpelling);
            if (own is not null)
            {
                coverage = Math.Max(coverage, Coverage(hit, own, groups, request.NearSpelling));
            }

            scored.Add(new ScoredHit(hit, coverage));
        }

        return scored;
    }

    // Kana-only terms (particles, okurigana: の, には, する) say nothing about the topic and do not count.
    private Dictionary<string, double> Weights(IReadOnlyList<string> terms) =>
        terms.Where(IsContentTerm).Distinct(StringComparer.Ordinal).ToDictionary(t => t, Idf, StringComparer.Ordinal);

    private double Coverage(SearchHit hit, Dictionary<string, double> weights, IReadOnlyList<VariantGroup> groups, double? nearSpelling)
    {
        double total = weights.Values.Sum();
        if (total <= 0)
        {
            return 0;
        }

        // A word's terms count as present when the entry has the word in another spelling (all of that spelling's terms).
        HashSet<string> all = EntryTerms(hit);
        HashSet<string> present = groups.Count == 0
            ? Intersect(all, [.. weights.Keys])
            : Intersect(all, [.. weights.Keys.Concat(groups.SelectMany(g => g.Alternatives.SelectMany(a => a)))]);
        bool Present(string term) => present.Contains(term)
            || groups.Any(g => g.Word.Contains(term) && g.Alternatives.Any(a => a.All(present.Contains)))
            || (nearSpelling is { } similarity && NearSpelling.Katakana(term) && NearSpelling.Holds(all, term, similarity));
        return weights.Where(w => Present(w.Key)).Sum(w => w.Value) / total;
    }

    /// <summary>A word's content terms, and the content terms of each of its other spellings.</summary>
    private sealed record VariantGroup(HashSet<string> Word, IReadOnlyList<string[]> Alternatives, IReadOnlyList<string> Spellings);

    private List<VariantGroup> Groups(IReadOnlyList<SpellingVariant> variants) =>
        [.. variants.GroupBy(v => v.Word, StringComparer.Ordinal)
            .Select(g => new VariantGroup(
                new HashSet<string>(QueryTerms.Analyze(_index.Analyzer, IndexFields.Text, g.Key).Where(IsContentTerm), StringComparer.Ordinal),
                [.. g.Select(v => QueryTerms.Analyze(_index.Analyzer, IndexFields.Text, v.Variant).Where(IsContentTerm).ToArray()).Where(a => a.Length > 0)],
                [.. g.Select(v => v.Variant)]))
            .Where(g => g.Word.Count > 0 && g.Alternatives.Count > 0)];

    /// <summary>The topic words that occur nowhere in the corpus (neither as written nor by reading), and their IDF-weighted
    /// share of the text's content words: a question about 「宇宙開発」 is about something the documents do not mention. A word
    /// the corpus writes in another spelling of <paramref name="variants"/> is not absent.</summary>
    public (IReadOnlyList<string> Absent, double Share) Absent(string text, IReadOnlyList<SpellingVariant>? variants = null)
    {
        var content = QueryTerms.Analyze(_index.Analyzer, IndexFields.Text, text).Where(IsContentTerm).ToList();
        if (content.Count == 0)
        {
            return ([], 0);
        }

        bool hasReadings = _index.Analysis.Fields.Any(f => f.Name == IndexFields.Reading);
        bool Unused(string term) => Idf(term) >= MaxIdf() - 1e-9
            && (!hasReadings || QueryTerms.Analyze(_index.Analyzer, IndexFields.Reading, term).All(r => _index.DocFreq(IndexFields.Reading, r) == 0));
        List<VariantGroup> groups = Groups(variants ?? []);
        var absent = content.Where(term => Unused(term) && !groups.Any(g => g.Word.Contains(term) && g.Alternatives.Any(a => !a.Any(Unused)))).ToList();
        double total = content.Sum(Idf);
        return (absent, total > 0 ? absent.Sum(Idf) / total : 0);
    }

    /// <summary>The content terms of <paramref name="text"/> that no entry of <paramref name="cities"/> contains (as written or
    /// by reading), and their IDF-weighted share: a topic the corpus has but these cities' documents never mention.</summary>
    public (IReadOnlyList<string> Absent, double Share) AbsentIn(string text, IReadOnlyList<string> cities)
    {
        var content = QueryTerms.Analyze(_index.Analyzer, IndexFields.Text, text).Where(IsContentTerm).Distinct(StringComparer.Ordinal).ToList();
        if (content.Count == 0 || cities.Count == 0)
        {
            return ([], 0);
        }

        bool hasReadings = _index.Analysis.Fields.Any(f => f.Name == IndexFields.Reading);
        var absent = new List<string>();
        // A one-character term is often a fragment of a compound tokenised otherwise (届 of 婚姻届出): never taken as absent.
        // Words the whole corpus never uses are the other check's (Absent); here only words other cities' documents use.
        foreach (string term in content.Where(t => t.Length > 1 && Idf(t) < MaxIdf() - 1e-9))
        {
            var any = new BooleanQuery();
            foreach (string field in (ReadOnlySpan<string>)[IndexFields.Text, IndexFields.Heading, IndexFields.Name])
            {
                any.Add(_index.TermQuery(field, term), Occur.SHOULD);
            }

            if (hasReadings)
            {
                foreach (string reading in QueryTerms.Analyze(_index.Analyzer, IndexFields.Reading, term))
                {
                    any.Add(_index.TermQuery(IndexFields.Reading, reading), Occur.SHOULD);
                }
            }

            var query = new BooleanQuery { { any, Occur.MUST } };
            _index.Require(query, IndexFields.City, cities);
            if (_index.Search(query, 1).Count == 0)
            {
                absent.Add(term);
            }
        }

        double total = content.Sum(Idf);
        return (absent, total > 0 ? absent.Sum(Idf) / total : 0);
    }

    private double MaxIdf() => Math.Log(1 + ((_reader.NumDocs + 0.5) / 0.5));

    private static bool IsContentTerm(string term)
    {
        foreach (char c in term)
        {
            if (c is < '\u3041' or > '\u309F')
            {
                return true;
            }
        }

        return false;
    }

    private double Idf(string term)
    {
        int df = 0;
        foreach (string field in (ReadOnlySpan<string>)[IndexFields.Text, IndexFields.Heading, IndexFields.Name])
        {
            df = Math.Max(df, _index.DocFreq(field, term));
        }

        return Math.Log(1 + ((_reader.NumDocs - df + 0.5) / (df + 0.5)));
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, double), string[]> _nearTerms = new();
    private string[]? _katakanaTerms;

    /// <summary>The katakana terms of the index, other than the word itself, that hold it nearly spelled (see <see cref="NearSpelling"/>).</summary>
    private string[] NearTerms(string word, double similarity) => _nearTerms.GetOrAdd((word, similarity), key =>
    {
        _katakanaTerms ??= KatakanaTerms();
        return [.. _katakanaTerms.Where(t => t != key.Item1 && NearSpelling.Holds([t], key.Item1, key.Item2))];
    });

    private string[] KatakanaTerms()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (AtomicReaderContext leaf in _reader.Leaves)
        {
            if (leaf.AtomicReader.GetTerms(IndexFields.Text) is not { } fieldTerms)
            {
                continue;
            }

            TermsEnum terms = fieldTerms.GetEnumerator();
            while (terms.MoveNext())
            {
                string term = terms.Term.Utf8ToString();
                if (NearSpelling.Katakana(term))
                {
                    found.Add(term);
                }
            }
        }

        return [.. found];
    }

    /// <summary>The terms of a hit's stored text.</summary>
    private HashSet<string> EntryTerms(SearchHit hit) =>
        _entryTerms.GetOrAdd(hit.DocId, doc => new HashSet<string>(QueryTerms.Analyze(_index.Analyzer, IndexFields.Text, _index.StoredText(doc), int.MaxValue), StringComparer.Ordinal));

    /// <summary>The subset of <paramref name="terms"/> that occur among an entry's terms.</summary>
    private static HashSet<string> Intersect(HashSet<string> all, IReadOnlyList<string> terms)
    {
        var present = new HashSet<string>(terms, StringComparer.Ordinal);
        present.IntersectWith(all);
        return present;
    }
}
