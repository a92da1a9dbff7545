using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StrategyAssistant.Search;

/// <summary>Turns text into the index's terms with the index's own analyzer, so questions and documents are read alike.
/// Questions never go through a query parser: <c>"*?~:()[]{}^\ AND OR NOT</c> are plain characters here.</summary>
public static class QueryTerms
{
    /// <summary>At most this many distinct terms are used from one text (Lucene's clause limit is 1024).</summary>
    public const int MaxTerms = 128;

    // Analysis is deterministic for an analyzer, and answering analyses the same texts many times (a question's topic for every
    // search and field, a record's name for every question that finds it), so each analyzer remembers its results. Bounded by the
    // characters held, so a long-running service does not grow without end.
    private const long MaxMemoChars = 4_000_000;
    private static readonly ConditionalWeakTable<Analyzer, Memo> s_memos = [];

    public static IReadOnlyList<string> Analyze(Analyzer analyzer, string field, string text, int maxTerms = MaxTerms)
    {
        Memo memo = s_memos.GetValue(analyzer, _ => new Memo());
        var key = (field, text, maxTerms);
        if (memo.Terms.TryGetValue(key, out string[]? known))
        {
            return known;
        }

        string[] terms = Run(analyzer, field, text, maxTerms);
        if (Interlocked.Add(ref memo.Chars, text.Length) > MaxMemoChars)
        {
            memo.Terms.Clear();
            Interlocked.Exchange(ref memo.Chars, text.Length);
        }

        memo.Terms.TryAdd(key, terms);
        return terms;
    }

    private static string[] Run(Analyzer analyzer, string field, string text, int maxTerms)
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
        return [.. terms];
    }

    private sealed class Memo
    {
        public readonly ConcurrentDictionary<(string Field, string Text, int MaxTerms), string[]> Terms = new();
        public long Chars;
    }
}
