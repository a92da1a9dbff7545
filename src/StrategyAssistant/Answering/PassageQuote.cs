using Lucene.Net.Analysis;
using StrategyAssistant.Documents;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering;

/// <summary>Chooses what to quote from a passage: the line that holds most of the question's words, with the table header
/// above it when the line is a table row, so the citation names the exact line rather than the whole passage. Reads the
/// passage's own numbered lines, not the document.</summary>
public static class PassageQuote
{
    /// <summary>How far above a table row its header may stand (within the passage).</summary>
    private const int HeaderRowsAbove = 6;

    public static Citation Best(KnowledgeBase knowledge, Passage passage, IReadOnlyList<string> questionTerms, Analyzer analyzer)
    {
        var wanted = new HashSet<string>(questionTerms, StringComparer.Ordinal);
        var lines = passage.NumberedLines().Where(l => l.Text.Length > 0).ToList();
        int best = -1;
        double bestScore = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            IReadOnlyList<string> lineTerms = QueryTerms.Analyze(analyzer, IndexFields.Text, lines[i].Text, int.MaxValue);
            int hits = lineTerms.Count(wanted.Contains);
            // Prefer lines dense in question words; a long paragraph does not win by length alone.
            double score = hits / Math.Sqrt(Math.Max(lineTerms.Count, 1));
            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }

        if (best < 0)
        {
            return lines.Count == 0
                ? knowledge.Cite(passage.File, passage.Line, passage.Line, string.Empty)
                : knowledge.Cite(passage.File, lines[0].Line, lines[0].Line, lines[0].Text);
        }

        (int bestLine, string quote) = lines[best];
        int first = bestLine;
        if (quote.Contains('\t', StringComparison.Ordinal))
        {
            // Table row: quote its header too when the header stands just above (within the passage).
            for (int i = best - 1; i >= 0 && lines[i].Line >= bestLine - HeaderRowsAbove; i--)
            {
                string above = lines[i].Text;
                if (passage.Context is null && !above.Contains('\t', StringComparison.Ordinal))
                {
                    break;
                }

                if (IsHeaderRow(above))
                {
                    first = lines[i].Line;
                    quote = above + "\n" + quote;
                    break;
                }
            }
        }

        return knowledge.Cite(passage.File, first, bestLine, quote);
    }

    private static bool IsHeaderRow(string clean) =>
        clean.Contains('\t', StringComparison.Ordinal) && (clean.Contains("基準", StringComparison.Ordinal) || clean.Contains("目標", StringComparison.Ordinal)
            || clean.Contains("項目", StringComparison.Ordinal) || clean.Contains("事業名", StringComparison.Ordinal) || clean.Contains("区分", StringComparison.Ordinal));
}
