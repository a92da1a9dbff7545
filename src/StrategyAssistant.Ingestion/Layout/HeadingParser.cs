using System.Globalization;
using System.Text.RegularExpressions;
using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Layout;

/// <summary>The one parser of heading lines: a 基本目標 heading (基本目標1 …, 基本目標 1 「…」, 【基本目標 3】…, ■基本目標Ⅱ …), a heading's decoration and
/// the plan period a document states (第2期総合戦略（令和2年度～令和6年度）, 計画期間 …). <see cref="HeadingTracker"/> and
/// every interpreter read headings through it.</summary>
public static partial class HeadingParser
{
    /// <summary>The 基本目標 a heading line or cell names (any numbering and decoration: <see cref="GoalHeadings"/>), or null.
    /// The title may be empty (a number-only heading).</summary>
    public static Goal? Goal(string line) => GoalHeadings.Parse(CellText.Clean(line));

    /// <summary>A heading without its decoration: Markdown's leading #, or brackets around the whole heading
    /// (【施策1-1 農業の担い手】, ［施策２］, ### 施策1-1 …), so a decorated heading reads as the plain one.</summary>
    public static string Undecorate(string text)
    {
        string t = MarkdownHashes().Replace(text.Trim(), string.Empty);
        Match m = Bracketed().Match(t);
        return m.Success ? m.Groups["inner"].Value.Trim() : t;
    }

    /// <summary>The plan period a document states, e.g. 第2期総合戦略（令和2年度～令和6年度）, or null.</summary>
    public static FiscalPeriod? PlanPeriod(IEnumerable<string> lines)
    {
        foreach (string line in lines)
        {
            bool statesPlan = (line.Contains("総合戦略", StringComparison.Ordinal) && line.Contains('期')) || line.Contains("計画期間", StringComparison.Ordinal);
            if (!statesPlan)
            {
                continue;
            }

            foreach (FiscalYearParser.Match m in FiscalYearParser.FindAll(line))
            {
                int years = m.Period.End.Year - m.Period.Start.Year + 1;
                if (!m.Period.Cumulative && years is >= 3 and <= 6 && m.Period.Start.Year >= 2015)
                {
                    return m.Period;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[#＃]+\s*")]
    private static partial Regex MarkdownHashes();

    // The whole text in one pair of brackets, nothing after the closing one.
    [GeneratedRegex(@"^[【［\[〔](?<inner>[^【】［］\[\]〔〕]+)[】］\]〕]$")]
    private static partial Regex Bracketed();
}
