using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace StrategyAssistant.Search;

/// <summary>The seam between indexing and language analysis: which analyzer reads each field, and a version that,
/// when it changes, makes every existing index stale.</summary>
public interface ITextAnalysis
{
    /// <summary>Changes whenever tokens would change (an analyzer, a dictionary, a filter chain).</summary>
    string Version { get; }

    /// <summary>The analyzer for the full-text fields (used at index and query time alike).</summary>
    Analyzer CreateAnalyzer();
}

/// <summary>Lucene's CJK analysis: width folding, lower case and overlapping bigrams. No dictionary, so it finds
/// 子育て支援 in 子育て支援事業 without knowing the words.</summary>
public sealed class CjkBigramAnalysis : ITextAnalysis
{
    public string Version => "cjk-bigram-1";

    public Analyzer CreateAnalyzer() => new CjkBigramAnalyzer();

    private sealed class CjkBigramAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
            stream = new CJKBigramFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }
}
