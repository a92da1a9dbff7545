using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Microsoft.Extensions.Logging.Abstractions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Search;

namespace StrategyAssistant.Tests.Search;

/// <summary>The per-index caches of the search path (term states, field statistics, hit entries, analysis) give exactly what
/// Lucene gives without them: same document frequencies, same hits, same scores (bit for bit), same order.</summary>
public sealed class SearchCachesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sa-caches-").FullName;

    [Fact]
    public void Cached_term_queries_score_and_rank_as_plain_term_queries()
    {
        KnowledgeBase knowledge = CorpusKnowledge.Read(TestCorpus.Corpus);
        using SearchIndex index = new IndexManager(new JapaneseAnalysis(), NullLogger<IndexManager>.Instance).OpenOrBuild(Path.Combine(_root, "lucene"), knowledge);
        var plain = new IndexSearcher(index.Reader) { Similarity = new BM25Similarity() };
        var sort = new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.Id, SortFieldType.STRING));
        int compared = 0;
        foreach (string text in (string[])["移住者数の目標", "観光入込客数 令和6年度", "子育て支援の事業と予算", "存在しない宇宙開発"])
        {
            IReadOnlyList<string> terms = QueryTerms.Analyze(index.Analyzer, IndexFields.Text, text);
            Assert.Same(terms, QueryTerms.Analyze(index.Analyzer, IndexFields.Text, text));
            var cached = new BooleanQuery();
            var uncached = new BooleanQuery();
            foreach (string field in (string[])[IndexFields.Text, IndexFields.Heading, IndexFields.Name])
            {
                foreach (string term in terms)
                {
                    Assert.Equal(index.Reader.DocFreq(new Term(field, term)), index.DocFreq(field, term));
                    TermQuery a = index.TermQuery(field, term);
                    a.Boost = 1.5f;
                    cached.Add(a, Occur.SHOULD);
                    uncached.Add(new TermQuery(new Term(field, term)) { Boost = 1.5f }, Occur.SHOULD);
                }
            }

            for (int round = 0; round < 2; round++)
            {
                IReadOnlyList<SearchHit> hits = index.Search(cached, 20);
                TopDocs expected = plain.Search(uncached, null, 20, sort, doDocScores: true, doMaxScore: false);
                Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, d.Score)), hits.Select(h => (h.DocId, h.Score)));
                compared += hits.Count;
            }
        }

        Assert.True(compared > 20, "the queries found something to compare");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
