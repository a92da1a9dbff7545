using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Microsoft.Extensions.Logging.Abstractions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Search;

namespace StrategyAssistant.Tests.Search;

/// <summary>A search kept to a scope (kinds, cities) finds exactly what Lucene finds for the words required together with
/// the scope's terms, whichever way the scope is searched (led by its postings, pruned, or every entry scored): same
/// entries, same scores bit for bit, same order, for few and for many hits.</summary>
public sealed class ScopedSearchTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sa-scoped-").FullName;

    [Fact]
    public void Scoped_searches_find_what_a_filtered_boolean_query_finds()
    {
        KnowledgeBase knowledge = CorpusKnowledge.Read(TestCorpus.Corpus);
        using SearchIndex index = new IndexManager(new JapaneseAnalysis(), NullLogger<IndexManager>.Instance).OpenOrBuild(Path.Combine(_root, "lucene"), knowledge);
        var plain = new IndexSearcher(index.Reader) { Similarity = new BM25Similarity() };
        var sort = new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.Id, SortFieldType.STRING));
        string city = knowledge.Corpus.Cities.First();
        EntryScope[] scopes =
        [
            EntryScope.Any,
            new([IndexFields.KindKpi], []),
            new([IndexFields.KindProject], []),
            new([IndexFields.KindPassage], []),
            new([IndexFields.KindPassage, IndexFields.KindKpi], []),
            new([IndexFields.KindKpi], [city]),
            new([], [city]),
        ];
        int compared = 0;
        foreach (string text in (string[])["移住者数の目標", "観光入込客数 令和6年度の実績", "子育て支援の事業と予算", "市民の割合 満足 教育環境", "存在しない宇宙開発"])
        {
            IReadOnlyList<string> terms = QueryTerms.Analyze(index.Analyzer, IndexFields.Text, text);
            foreach (EntryScope scope in scopes)
            {
                foreach (int count in (int[])[1, 3, 12, 200])
                {
                    var words = new BooleanQuery();
                    var expectedQuery = new BooleanQuery();
                    var expectedWords = new BooleanQuery();
                    foreach ((string field, float boost) in (ReadOnlySpan<(string, float)>)[(IndexFields.Text, 1f), (IndexFields.Heading, 0.8f), (IndexFields.Name, 1.5f)])
                    {
                        foreach (string term in terms)
                        {
                            TermQuery clause = index.TermQuery(field, term);
                            clause.Boost = boost;
                            words.Add(clause, Occur.SHOULD);
                            expectedWords.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
                        }
                    }

                    expectedQuery.Add(expectedWords, Occur.MUST);
                    Require(expectedQuery, IndexFields.Kind, scope.Kinds);
                    Require(expectedQuery, IndexFields.City, scope.Cities);
                    TopDocs expected = plain.Search(expectedQuery, null, count, sort, doDocScores: true, doMaxScore: false);
                    IReadOnlyList<SearchHit> hits = index.Search(words, scope, count);
                    Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, d.Score)), hits.Select(h => (h.DocId, h.Score)));
                    Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, d.Score)), index.ScoreAll(words, ScopeOf(index, scope), count).Select(h => (h.DocId, h.Score)));
                    compared += hits.Count;
                }
            }
        }

        Assert.True(compared > 500, $"the queries found enough to compare ({compared})");
    }

    private static ScopedEntries ScopeOf(SearchIndex index, EntryScope scope) => new ScopeCache(index.Reader).For(scope);

    private static void Require(BooleanQuery query, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var any = new BooleanQuery();
        foreach (string value in values)
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        query.Add(new ConstantScoreQuery(any) { Boost = 0 }, Occur.MUST);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
