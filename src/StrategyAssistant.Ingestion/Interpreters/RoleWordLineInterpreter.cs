using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads a KPI line whose values each follow a role word, with no arrow:
/// <c>◇転入者数：基準 62人（2019年） 目標 80人（2025年） 直近 71人（2022年）</c>. The indicator is the text before the first
/// role word; each value is kept as written (its own year in it).</summary>
public sealed partial class RoleWordLineInterpreter
{
    /// <summary>Reads the line at <paramref name="index"/>; returns it when it was a KPI line, else -1.</summary>
    public int TryRead(int index, InterpretContext context)
    {
        LayoutDocument document = context.Document;
        string text = document.Lines[index].Text;
        var values = new List<(ColumnRole Role, string Value, int At)>();
        foreach (Match m in RoleValue().Matches(text))
        {
            ColumnRole role = context.Vocabulary.RoleOf(m.Groups["word"].Value);
            if (TableFinder.IsValueRole(role))
            {
                values.Add((role, m.Groups["value"].Value, m.Index));
            }
        }

        if (values.Count < 2 || !values.Any(v => v.Role == ColumnRole.Target) || values.Select(v => v.Role).Distinct().Count() != values.Count)
        {
            return -1;
        }

        string indicator = CellText.Indicator(text[..values[0].At].Trim().TrimEnd('：', ':').Trim());
        if (indicator.Length == 0 || !indicator.Any(TableCellText.IsJapanese))
        {
            return -1;
        }

        string? nameUnit = CellText.UnitOfName(indicator, context.Vocabulary);
        Citation here = document.Cite(index + 1, index + 1);
        KpiValue? Pick(ColumnRole role) =>
            values.Where(v => v.Role == role).Select(v => CellText.Value(v.Value, here, null, nameUnit, null)).FirstOrDefault();
        bool hasBaseline = values.Any(v => v.Role == ColumnRole.Baseline);
        KpiValue? baseline = Pick(ColumnRole.Baseline) ?? Pick(ColumnRole.Current);
        KpiValue? actual = Pick(ColumnRole.Actual) ?? (hasBaseline ? Pick(ColumnRole.Current) : null);
        bool goalLevel = context.Headings.Section == FigureSection.GoalTargets;
        context.Kpis.Add(context.Kpi(index + 1, index + 1, indicator, baseline, Pick(ColumnRole.Target), actual, goalLevel));
        return index;
    }

    // A role word (after a space, a colon or the line's start) and the figure written after it up to the next space.
    [GeneratedRegex(@"(?<word>[^\s：:0-9０-９（(）)]{1,4})[：:]?\s*(?<value>[△▲−\-]?[0-9０-９][^\s]*)")]
    private static partial Regex RoleValue();
}
