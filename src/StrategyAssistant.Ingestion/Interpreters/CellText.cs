using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>The one cell-text module of the interpreters: indicator names, value cells, role words before a value.</summary>
public static partial class CellText
{
    /// <summary>An indicator as written, without leading bullets or numbering (○, ・, ①, (1), 1.) and PDF gaps.</summary>
    public static string Indicator(string text) =>
        TableCellText.IndicatorName(LeadingMark().Replace(text.Trim(), string.Empty)).Trim();

    /// <summary>The unit an indicator's name states in a trailing parenthesis (…（人）, …(%)).</summary>
    public static string? UnitOfName(string indicator, StrategyVocabulary vocabulary) => vocabulary.UnitIn(indicator);

    /// <summary>A value cell read with its year and unit defaults; the citation names the cell (sheet address when there is one).</summary>
    public static KpiValue Value(string text, Citation source, FiscalPeriod? year, string? unit, Citation? periodSource) =>
        TableCellText.Value(text, source, year, unit) with { PeriodSource = periodSource };

    /// <summary>True when a cell holds a figure: a number with at most a unit, not a year alone.</summary>
    public static bool HasFigure(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        string withoutYears = text;
        foreach (FiscalYearParser.Match m in FiscalYearParser.FindAll(text).Reverse())
        {
            withoutYears = withoutYears.Remove(m.Index, m.Length);
        }

        return withoutYears.Any(c => c is >= '0' and <= '9' or >= '０' and <= '９');
    }

    /// <summary>A cell that continues the cell above (a note in parentheses, a year on its own).</summary>
    public static bool IsContinuation(string text) =>
        text.Length > 0 && (text[0] is '(' or '（' || (TableCellText.HeaderYear(text) is not null && !HasFigure(text)));

    /// <summary>A role word at the start of a value part (基準値16人, 目標：40人) and the value after it.</summary>
    public static (ColumnRole Role, string Value) SplitRoleWord(string part, StrategyVocabulary vocabulary)
    {
        Match m = RoleWordPrefix().Match(part.Trim());
        if (m.Success)
        {
            ColumnRole role = vocabulary.RoleOf(m.Groups["word"].Value);
            if (TableFinder.IsValueRole(role))
            {
                return (role, m.Groups["rest"].Value.Trim());
            }
        }

        return (ColumnRole.None, part.Trim());
    }

    [GeneratedRegex(@"^(?:[○〇●・◆◇■□◎★☆\-－※]\s*|[①-⑳]\s*|[（(][0-9０-９]{1,2}[)）]\s*|[0-9０-９]{1,2}[.．]\s+)+")]
    private static partial Regex LeadingMark();

    [GeneratedRegex(@"^(?<word>[^\s0-9０-９：:（(△▲−\-]{1,4}?)(?:[：:]\s*|\s*)(?<rest>[△▲−\-]?[0-9０-９].*)$")]
    private static partial Regex RoleWordPrefix();
}
