using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Japanese;
using StrategyAssistant.Search;

namespace StrategyAssistant.Tests.Search;

/// <summary>Passage bodies are tokenized once for the text and the reading fields (<see cref="JapaneseFieldAnalyzer"/>);
/// the index must hold exactly what analysing the body once per field gave: the same terms, postings, frequencies and
/// norms in every field of every entry of the bundled corpus.</summary>
public sealed class SharedTokenizationTests
{
    private static readonly Lazy<KnowledgeBase> s_knowledge = new(() => CorpusKnowledge.Read(TestCorpus.Corpus));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_index_holds_the_same_terms_as_one_analysis_per_field(bool bigrams)
    {
        var analysis = new JapaneseAnalysis(bigrams);
        string[] copies = [.. analysis.Fields.Select(f => f.Name).Where(f => f is IndexFields.Reading or IndexFields.Bigram)];

        // Before: the analyzer of each field analyses the body itself (a per-field wrapper cannot share a tokenization).
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal) { [IndexFields.Reading] = new JapaneseReadingAnalyzer(LuceneVersion.LUCENE_48) };
        if (bigrams)
        {
            perField[IndexFields.Bigram] = new CjkBigramAnalysis().CreateAnalyzer();
        }

        using var before = new PerFieldAnalyzerWrapper(new JapaneseAnalyzer(LuceneVersion.LUCENE_48), perField);
        using Analyzer after = analysis.CreateAnalyzer();
        Assert.IsType<JapaneseFieldAnalyzer>(after);

        using Lucene.Net.Store.Directory expected = Write(before, copies);
        using Lucene.Net.Store.Directory actual = Write(after, copies);
        using DirectoryReader expectedReader = DirectoryReader.Open(expected);
        using DirectoryReader actualReader = DirectoryReader.Open(actual);
        Assert.Equal(expectedReader.MaxDoc, actualReader.MaxDoc);
        Assert.True(expectedReader.MaxDoc > 1000, $"the bundled corpus gives {expectedReader.MaxDoc} entries");

        AtomicReader expectedAtomic = SlowCompositeReaderWrapper.Wrap(expectedReader);
        AtomicReader actualAtomic = SlowCompositeReaderWrapper.Wrap(actualReader);
        foreach (string field in (string[])[IndexFields.Text, IndexFields.Heading, IndexFields.Name, .. copies])
        {
            long postings = ComparePostings(expectedAtomic, actualAtomic, field);
            Assert.True(postings > 0, $"{field} has postings");
            // Only term queries run: frequencies for BM25, no positions.
            Assert.Equal(IndexOptions.DOCS_AND_FREQS, actualAtomic.FieldInfos.FieldInfo(field).IndexOptions);
            NumericDocValues? expectedNorms = expectedAtomic.GetNormValues(field);
            NumericDocValues? actualNorms = actualAtomic.GetNormValues(field);
            for (int doc = 0; doc < expectedAtomic.MaxDoc; doc++)
            {
                Assert.Equal(expectedNorms?.Get(doc), actualNorms?.Get(doc));
            }
        }
    }

    [Fact]
    public void A_passage_body_is_tokenized_once_for_both_fields_and_each_stream_gives_its_fields_terms()
    {
        using var analyzer = (JapaneseFieldAnalyzer)new JapaneseAnalysis(bigrams: true).CreateAnalyzer();
        string text = "子ども・子育て支援の充実を図るため、こども医療費の助成を拡大します。";
        var body = new SharedText(text);

        Assert.Null(analyzer.Stream(IndexFields.Bigram, body));
        Assert.Equal(Terms(analyzer.GetTokenStream(IndexFields.Text, text)), Terms(analyzer.Stream(IndexFields.Text, body)!));
        JapaneseTokenCapture tokens = body.Tokens(new JapaneseAnalyzer(LuceneVersion.LUCENE_48));
        List<string> readings = Terms(analyzer.Stream(IndexFields.Reading, body)!);
        Assert.Same(tokens, body.Tokens(new JapaneseReadingAnalyzer(LuceneVersion.LUCENE_48)));
        Assert.Equal(Terms(analyzer.GetTokenStream(IndexFields.Reading, text)), readings);
        Assert.Contains("コドモ", readings);
    }

    private static Lucene.Net.Store.Directory Write(Analyzer analyzer, string[] copies)
    {
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { Similarity = new BM25Similarity() };
        using var writer = new IndexWriter(directory, config);
        // One thread, in order: both indexes number the entries alike.
        foreach (Func<Lucene.Net.Documents.Document> entry in new IndexDocuments(new AnalysisMemo(analyzer), copies).All(s_knowledge.Value))
        {
            writer.AddDocument(entry());
        }

        writer.ForceMerge(1);
        writer.Commit();
        return directory;
    }

    /// <summary>Every term of the field with its documents and frequencies, compared; the number of postings.</summary>
    private static long ComparePostings(AtomicReader expected, AtomicReader actual, string field)
    {
        TermsEnum expectedTerms = expected.GetTerms(field)?.GetEnumerator() ?? throw new InvalidOperationException($"no {field} terms");
        TermsEnum actualTerms = actual.GetTerms(field)!.GetEnumerator();
        long postings = 0;
        DocsEnum? e = null;
        DocsEnum? a = null;
        while (expectedTerms.MoveNext())
        {
            Assert.True(actualTerms.MoveNext(), $"{field}: {expectedTerms.Term.Utf8ToString()} missing");
            Assert.Equal(expectedTerms.Term.Utf8ToString(), actualTerms.Term.Utf8ToString());
            e = expectedTerms.Docs(null, e, DocsFlags.FREQS);
            a = actualTerms.Docs(null, a, DocsFlags.FREQS);
            while (e.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                Assert.Equal(e.DocID, a.NextDoc());
                Assert.Equal(e.Freq, a.Freq);
                postings++;
            }

            Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, a.NextDoc());
        }

        Assert.False(actualTerms.MoveNext(), $"{field}: extra term {actualTerms.Term?.Utf8ToString()}");
        return postings;
    }

    private static List<string> Terms(TokenStream stream)
    {
        var terms = new List<string>();
        using (stream)
        {
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms.Add(term.ToString());
            }

            stream.End();
        }

        return terms;
    }
}
