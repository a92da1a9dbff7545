using Lucene.Net.Analysis;
using StrategyAssistant.Documents;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering;

/// <summary>Chooses what to quote from a passage: the line that holds most of the question's words, with the table header
/// above it when the line is a table row, so the citation names the exact line rather than the whole passage.</summary>
public static class PassageQuote
{
    public static Citation Best(SourceDocument document, Passage passage, IReadOnlyList<string> questionTerms, Analyzer analyzer)
    {
        var wanted = new HashSet<string>(questionTerms, StringComparer.Ordinal);
        int bestLine = -1;
        double bestScore = 0;
        for (int n = passage.Line; n <= passage.LineEnd; n++)
        {
            string clean = PassageSplitter.Clean(document.Line(n));
            if (clean.Length == 0)
            {
                continue;
            }

            IReadOnlyList<string> lineTerms = QueryTerms.Analyze(analyzer, IndexFields.Text, clean, int.MaxValue);
            int hits = lineTerms.Count(wanted.Contains);
            // Prefer lines dense in question words; a long paragraph does not win by length alone.
            double score = hits / Math.Sqrt(Math.Max(lineTerms.Count, 1));
            if (score > bestScore)
            {
                bestScore = score;
                bestLine = n;
            }
        }

        if (bestLine < 0)
        {
            return document.Cite(passage.Line, passage.Line);
        }

        string quote = PassageSplitter.Clean(document.Line(bestLine));
        int first = bestLine;
        if (quote.Contains('\t', StringComparison.Ordinal))
        {
            // Table row: quote its header too when the header stands just above (within the passage).
            for (int n = bestLine - 1; n >= passage.Line && n >= bestLine - 6; n--)
            {
                string above = PassageSplitter.Clean(document.Line(n));
                if (passage.Context is null && above.Length > 0 && !above.Contains('\t', StringComparison.Ordinal))
                {
                    break;
                }

                if (IsHeaderRow(above))
                {
                    first = n;
                    quote = above + "\n" + quote;
                    break;
                }
            }
        }

        return document.Cite(first, bestLine, quote);
    }

    private static bool IsHeaderRow(string clean) =>
        clean.Contains('\t', StringComparison.Ordinal) && (clean.Contains("基準", StringComparison.Ordinal) || clean.Contains("目標", StringComparison.Ordinal)
            || clean.Contains("項目", StringComparison.Ordinal) || clean.Contains("事業名", StringComparison.Ordinal) || clean.Contains("区分", StringComparison.Ordinal));
}
