using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>The lines of the KPI arrow-block notation: an indicator and its values split at the colon, the values
/// <c>目標（年）←基準（年）</c>, a 数値目標 row, a KPI shared by a span of measures (※ア～ウ共通).</summary>
internal static class KpiArrowBlockLines
{

    /// <summary>Splits <c>指標：目標（年）←基準（年）</c> at the colon that starts the values; null when the line holds no values.</summary>
    public static (string Indicator, string Values)? SplitIndicator(string item)
    {
        for (int i = 0; i < item.Length; i++)
        {
            if (item[i] is ':' or '：' && i > 0)
            {
                string rest = item[(i + 1)..].Trim();
                if (TryValues(rest, out _, out _))
                {
                    return (item[..i], rest);
                }
            }
        }

        return null;
    }

    /// <summary>The target and baseline texts of <c>65.0%（R6年度）←59.9%（R1年度）</c> or <c>705人（R2年度～R6年度累計数）</c>.</summary>
    public static bool TryValues(string text, out string target, out string? baseline)
    {
        target = string.Empty;
        baseline = null;
        if (text.Length == 0)
        {
            return false;
        }

        int arrow = text.IndexOf('←', StringComparison.Ordinal);
        string left = arrow >= 0 ? text[..arrow].Trim() : text.Trim();
        if (left.Length == 0 || left[0] is '(' or '（')
        {
            return false;
        }

        bool yearInParen = false;
        foreach (System.Text.RegularExpressions.Match m in KpiArrowBlockPatterns.ParenText().Matches(left))
        {
            yearInParen |= FiscalYearParser.Parse(m.Groups["inner"].Value) is not null;
        }

        if (!yearInParen && arrow < 0)
        {
            return false;
        }

        target = left;
        baseline = arrow >= 0 ? text[(arrow + 1)..].Trim() : null;
        if (baseline is { Length: 0 })
        {
            baseline = null;
        }

        return true;
    }

    /// <summary>A 数値目標 row: <c>②観光宿泊客延数（H30年度：1,083千人泊）</c> ⇥ <c>1,300千人泊（R6年度）</c>.</summary>
    public static KpiRecord GoalTarget(LayoutLines document, int n, Goal goal, string indicatorCell, string targetCell, FiscalPeriod? year)
    {
        Citation source = document.Cite(n);
        string indicator = indicatorCell;
        KpiValue? baseline = null;
        System.Text.RegularExpressions.Match m = KpiArrowBlockPatterns.BaselineNote().Match(indicatorCell);
        if (m.Success && m.Index > 0)
        {
            indicator = KpiArrowBlockPatterns.SpaceBeforeClosingBracket().Replace(indicatorCell[..m.Index].Trim(), "$1");
            string label = m.Groups["label"].Value.Trim();
            string value = m.Groups["value"].Value.Trim();
            baseline = KpiValue.Parse(value, source, FiscalYearParser.Parse(label)) with { Note = label };
        }

        if (CellText.SplitMark(indicator) is { } mark && CellText.IsCircled(mark.Mark[0]))
        {
            indicator = mark.Title;
        }

        KpiValue target = KpiValue.Parse(targetCell, source, year);
        return new KpiRecord
        {
            Id = $"{document.File}:{n}",
            City = document.City,
            Source = source,
            Goal = goal,
            Indicator = indicator,
            IsGoalTarget = true,
            Unit = target.Number is not null ? target.Unit : baseline?.Number is not null ? baseline.Unit : null,
            Baseline = baseline,
            Target = target,
        };
    }

    /// <summary>For <c>※カ〜ケ共通指標</c>: one measure naming the span and the titles it covers.</summary>
    public static Measure? SharedMeasure(string line, List<Measure> measuresOfGoal)
    {
        System.Text.RegularExpressions.Match m = KpiArrowBlockPatterns.SharedSpan().Match(line);
        if (!m.Success)
        {
            return null;
        }

        string from = m.Groups["from"].Value;
        string to = m.Groups["to"].Value;
        int start = measuresOfGoal.FindIndex(x => x.Mark == from);
        int end = measuresOfGoal.FindIndex(x => x.Mark == to);
        string titles = start >= 0 && end >= start
            ? string.Join("／", measuresOfGoal.Skip(start).Take(end - start + 1).Select(x => x.Title))
            : m.Value.TrimStart('※');
        return new Measure($"{from}〜{to}", titles);
    }
}
