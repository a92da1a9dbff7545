using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;
using StrategyAssistant.Japanese;

namespace StrategyAssistant.Search;

/// <summary>A searched field and its weight in a query.</summary>
public readonly record struct QueryField(string Name, float Boost);

/// <summary>The seam between indexing and language analysis: which fields are searched, which analyzer reads each, and a
/// version that, when it changes, makes every existing index stale.</summary>
public interface ITextAnalysis
{
    /// <summary>Changes whenever tokens would change (an analyzer, a dictionary, a filter chain, the field set).</summary>
    string Version { get; }

    /// <summary>The fields queries search, with their boosts. <see cref="IndexFields.Reading"/> and <see cref="IndexFields.Bigram"/>
    /// are written (as copies of an entry's name and text) only when listed here.</summary>
    IReadOnlyList<QueryField> Fields { get; }

    /// <summary>The analyzer for every field (index and query time alike).</summary>
    Analyzer CreateAnalyzer();
}

/// <summary>Lucene's CJK analysis: width folding, lower case and overlapping bigrams. No dictionary needed.</summary>
public sealed class CjkBigramAnalysis : ITextAnalysis
{
    public string Version => "cjk-bigram-2";

    public IReadOnlyList<QueryField> Fields { get; } =
    [
        new(IndexFields.Text, 1.0f),
        new(IndexFields.Heading, 0.8f),
        new(IndexFields.Name, 1.5f),
    ];

    public Analyzer CreateAnalyzer() => new CjkBigramAnalyzer();

    internal sealed class CjkBigramAnalyzer : Analyzer
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

/// <summary>Morphological analysis (Kuromoji-compatible, IPADIC): base forms, no particles, SEARCH-mode decompounding, on the
/// text fields; a katakana reading field so that 子供 / 子ども / こども meet; optionally a CJK bigram field for recall.</summary>
public sealed class JapaneseAnalysis : ITextAnalysis
{
    private readonly bool _bigrams;

    public JapaneseAnalysis(bool bigrams = false)
    {
        _bigrams = bigrams;
        Fields =
        [
            new(IndexFields.Text, 1.0f),
            new(IndexFields.Heading, 0.8f),
            new(IndexFields.Name, 1.5f),
            new(IndexFields.Reading, 0.5f),
            .. bigrams ? new[] { new QueryField(IndexFields.Bigram, 0.3f) } : [],
        ];
    }

    public string Version => "ja-ipadic-1" + (_bigrams ? "+bigram" : string.Empty);

    public IReadOnlyList<QueryField> Fields { get; }

    public Analyzer CreateAnalyzer() => new JapaneseFieldAnalyzer(
        new JapaneseAnalyzer(LuceneVersion.LUCENE_48),
        new JapaneseReadingAnalyzer(LuceneVersion.LUCENE_48),
        _bigrams ? new CjkBigramAnalysis.CjkBigramAnalyzer() : null);
}
