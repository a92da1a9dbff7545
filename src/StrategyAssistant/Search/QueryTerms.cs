using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StrategyAssistant.Search;

/// <summary>Turns text into the index's terms with the index's own analyzer, so questions and documents are read alike.
/// Questions never go through a query parser: <c>"*?~:()[]{}^\ AND OR NOT</c> are plain characters here.</summary>
public static class QueryTerms
{
    /// <summary>At most this many distinct terms are used from one text (Lucene's clause limit is 1024).</summary>
    public const int MaxTerms = 128;

    public static IReadOnlyList<string> Analyze(Analyzer analyzer, string field, string text, int maxTerms = MaxTerms)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using TokenStream stream = analyzer.GetTokenStream(field, new StringReader(text));
        ICharTermAttribute term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && terms.Count < maxTerms)
        {
            string value = term.ToString();
            if (value.Length > 0 && seen.Add(value))
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }
}
