using Microsoft.Extensions.Logging.Abstractions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Search;

namespace StrategyAssistant.Tests.Search;

/// <summary>The retriever's cache of entries' analysed terms stays within its bound however many distinct questions are
/// asked, and a small cache that evicts all the time scores exactly as one that keeps every entry.</summary>
public sealed class EntryTermsCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sa-entry-terms-").FullName;

    [Fact]
    public void The_cache_stays_within_its_bound_under_many_distinct_questions_and_scores_as_an_unbounded_one()
    {
        KnowledgeBase knowledge = CorpusKnowledge.Read(TestCorpus.Corpus);
        using SearchIndex index = new IndexManager(new JapaneseAnalysis(), NullLogger<IndexManager>.Instance).OpenOrBuild(Path.Combine(_root, "lucene"), knowledge);
        const int capacity = 16;
        var bounded = new Retriever(index, capacity);
        var unbounded = new Retriever(index, int.MaxValue);

        // Distinct questions drawn from the corpus's own passages (their opening words), so each one hits other entries.
        string[] questions = [.. knowledge.Passages.Select(p => p.Text.Trim()).Where(t => t.Length >= 8).Select(t => t[..Math.Min(t.Length, 24)])
            .Distinct(StringComparer.Ordinal).Take(150)];
        Assert.True(questions.Length >= 100, "the bundled corpus has enough distinct passages");
        int scored = 0;
        foreach (string question in questions)
        {
            var request = new SearchRequest(question, [], [], 30, NearSpelling: 0.8);
            IReadOnlyList<ScoredHit> expected = unbounded.Search(request);
            Assert.Equal(expected, bounded.Search(request));
            Assert.InRange(bounded.CachedEntryTerms, 0, capacity);
            scored += expected.Count;
        }

        Assert.True(unbounded.CachedEntryTerms > 4 * capacity, $"the questions touched many more entries ({unbounded.CachedEntryTerms}) than the bound");
        Assert.True(scored > questions.Length, "the questions found entries to score");
    }

    [Fact]
    public void The_least_recently_used_value_is_dropped_first()
    {
        var cache = new BoundedCache<int, string>(2);
        int created = 0;
        string Create(int key)
        {
            created++;
            return key.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        cache.GetOrAdd(1, Create);
        cache.GetOrAdd(2, Create);
        cache.GetOrAdd(1, Create);
        cache.GetOrAdd(3, Create);
        Assert.Equal(3, created);
        Assert.Equal("1", cache.GetOrAdd(1, Create));
        Assert.Equal(3, created);
        Assert.Equal("2", cache.GetOrAdd(2, Create));
        Assert.Equal(4, created);
        Assert.Equal(2, cache.Count);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
