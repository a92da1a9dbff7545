using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace StrategyAssistant.Search;

/// <summary>The best entries for a disjunction of term clauses, exactly as scoring every entry would find them (same scores,
/// best first, equal scores by id), without scoring entries that cannot reach them ("MaxScore"): a term's BM25 score is
/// below its weight × (k1 + 1) whatever the entry, so once the worst kept hit scores above the bounds of the commonest terms
/// together, an entry that has only those terms cannot enter and their postings are only looked up for entries that can.</summary>
internal sealed class PrunedTopHits
{
    // Bounds are widened a little so float rounding in the similarity never makes one too low.
    private const double Margin = 1.001;

    private readonly IndexSearcher _searcher;
    private readonly Func<int, string> _idOf;
    private readonly int _count;
    private readonly List<(int Doc, float Score, string Id)> _top;

    public PrunedTopHits(IndexSearcher searcher, Func<int, string> idOf, int count)
    {
        _searcher = searcher;
        _idOf = idOf;
        _count = Math.Max(1, count);
        _top = new List<(int, float, string)>(_count + 1);
    }

    /// <summary>The best hits of <paramref name="clauses"/> (all optional) among the entries <paramref name="accepted"/> holds.</summary>
    public IReadOnlyList<(int Doc, float Score)> Search(IReadOnlyList<TermQuery> clauses, ScopedEntries accepted)
    {
        float k1 = _searcher.Similarity is BM25Similarity bm25 ? bm25.K1 : throw new InvalidOperationException("Pruning assumes BM25.");
        var weights = new Weight[clauses.Count];
        var bounds = new double[clauses.Count];
        for (int i = 0; i < clauses.Count; i++)
        {
            weights[i] = _searcher.CreateNormalizedWeight(clauses[i]);
            bounds[i] = Math.Sqrt(weights[i].GetValueForNormalization()) * (k1 + 1) * Margin;
        }

        // Cheapest bound first: the commonest terms are the first to become non-essential.
        int[] order = [.. Enumerable.Range(0, clauses.Count).OrderBy(i => bounds[i])];
        var sorted = new double[order.Length];
        var prefix = new double[order.Length + 1];
        for (int i = 0; i < order.Length; i++)
        {
            sorted[i] = bounds[order[i]];
            prefix[i + 1] = prefix[i] + sorted[i];
        }

        var scorers = new Scorer?[order.Length];
        foreach (AtomicReaderContext leaf in _searcher.IndexReader.Leaves)
        {
            for (int i = 0; i < order.Length; i++)
            {
                scorers[i] = weights[order[i]].GetScorer(leaf, accepted.Segments[leaf.Ord]);
                scorers[i]?.NextDoc();
            }

            Score(scorers, prefix, leaf.DocBase);
        }

        return [.. _top.Select(t => (t.Doc, t.Score))];
    }

    private void Score(Scorer?[] scorers, double[] prefix, int docBase)
    {
        int essential = Essential(prefix);
        while (true)
        {
            int doc = DocIdSetIterator.NO_MORE_DOCS;
            for (int i = essential; i < scorers.Length; i++)
            {
                if (scorers[i] is { } s && s.DocID < doc)
                {
                    doc = s.DocID;
                }
            }

            if (doc == DocIdSetIterator.NO_MORE_DOCS)
            {
                return;
            }

            double score = 0;
            for (int i = essential; i < scorers.Length; i++)
            {
                if (scorers[i] is { } s && s.DocID == doc)
                {
                    score += s.GetScore();
                    s.NextDoc();
                }
            }

            // The non-essential terms, largest bound first, while the entry can still reach the kept hits.
            bool reachable = true;
            for (int i = essential - 1; i >= 0; i--)
            {
                if (_top.Count == _count && score + prefix[i + 1] < _top[^1].Score)
                {
                    reachable = false;
                    break;
                }

                if (scorers[i] is { } s)
                {
                    if (s.DocID < doc)
                    {
                        s.Advance(doc);
                    }

                    if (s.DocID == doc)
                    {
                        score += s.GetScore();
                    }
                }
            }

            if (reachable && Offer(docBase + doc, (float)score))
            {
                essential = Essential(prefix);
            }
        }
    }

    /// <summary>The first clause (in bound order) an entry must have to reach the kept hits: the clauses before it cannot
    /// together score as much as the worst kept hit.</summary>
    private int Essential(double[] prefix)
    {
        if (_top.Count < _count)
        {
            return 0;
        }

        float threshold = _top[^1].Score;
        int essential = 0;
        while (essential + 1 < prefix.Length && prefix[essential + 1] < threshold)
        {
            essential++;
        }

        return Math.Min(essential, prefix.Length - 1);
    }

    /// <summary>Keeps the hit when it is among the best so far (score, then id); true when the kept hits changed once full.</summary>
    private bool Offer(int doc, float score)
    {
        if (_top.Count == _count && !Better(score, doc, _top[^1]))
        {
            return false;
        }

        string id = _idOf(doc);
        int at = _top.Count;
        while (at > 0 && Better(score, id, _top[at - 1]))
        {
            at--;
        }

        _top.Insert(at, (doc, score, id));
        if (_top.Count > _count)
        {
            _top.RemoveAt(_top.Count - 1);
        }

        return _top.Count == _count;
    }

    private bool Better(float score, int doc, (int Doc, float Score, string Id) than) =>
        score > than.Score || (score == than.Score && Better(score, _idOf(doc), than));

    private static bool Better(float score, string id, (int Doc, float Score, string Id) than) =>
        score > than.Score || (score == than.Score && string.CompareOrdinal(id, than.Id) < 0);
}
