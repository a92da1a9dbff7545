using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads the status-column notation of progress slides (a 状況 column beside 基準値 / 目標値 / 実績):
/// statistics tables by year (区分 / 2015年 / 2016年 …), the KPI table per 基本目標 (基準値 / 目標値 / 実績 / 状況) with the
/// footnotes that date its values, the per-事業 tables (項目 / 基準値 / 2020年度 / 目標値 / 見直しの方向性) with the 事業 and the
/// projects it bundles, the per-goal totals (○総合戦略関連事業 9事業 1億1,118万円) and the 事業費 / 交付金 table by year.</summary>
public sealed class StatusKpiTableInterpreter : INotationInterpreter
{

    public string Name => "committee-slides";

    public bool Claims(LayoutLines document)
    {
        foreach (string line in document.Lines)
        {
            if (!line.Contains('\t', StringComparison.Ordinal))
            {
                continue;
            }

            string[] cells = CellText.Cells(line);
            if (GoalKpiHeader.TryRead(cells, out _) || ProjectKpiHeader.TryRead(cells, out _))
            {
                return true;
            }
        }

        return false;
    }


    public RecordSet Read(LayoutLines document)
    {
        var state = new StatusKpiTableState(document);
        var goalTables = new StatusKpiGoalTableReader(state);
        var itemTables = new StatusKpiItemTableReader(state);
        var statistics = new YearStatisticsTableReader(state);
        var budgets = new BudgetStatementReader(state);
        int n = 1;
        while (n <= document.LineCount)
        {
            string raw = document.Line(n);
            string text = CellText.Clean(raw);
            string[] cells = CellText.Cells(raw);
            if (text.StartsWith('【') && HeadingParser.Goal(text) is { } goal)
            {
                state.Goal = goal;
                n++;
                continue;
            }

            if (cells.Length == 1 && text.Contains("重要業績評価指標", StringComparison.Ordinal) && FiscalYearParser.Parse(text) is { } kpiYear)
            {
                // 重要業績評価指標 (2020年): the year of the actuals in the tables that follow.
                state.KpiYear = kpiYear;
            }

            if (GoalKpiHeader.TryRead(cells, out GoalKpiHeader gh))
            {
                n = goalTables.ReadGoalKpis(n, gh);
                continue;
            }

            if (ProjectKpiHeader.TryRead(cells, out ProjectKpiHeader ph))
            {
                n = itemTables.ReadProjectKpis(n, ph);
                continue;
            }

            if (YearStatisticsTableReader.StatisticsHeader(cells, out int firstYear))
            {
                n = statistics.ReadStatistics(n, cells, firstYear);
                continue;
            }

            if (StatusKpiPatterns.GoalTotalPattern().Match(text) is { Success: true } total)
            {
                budgets.ReadGoalTotal(n, total);
            }
            else
            {
                budgets.ReadBudgetCells(n, cells);
            }

            n++;
        }

        var checks = new StatusKpiCrossChecks(state);
        checks.LinkShared();
        checks.CheckGoalTotals();
        return new RecordSet(state.Kpis, state.Projects, state.Notes);
    }
}

/// <summary>基準値 / 目標値 / 実績 / 状況 columns of a goal's KPI table.</summary>
internal sealed record GoalKpiHeader(int Baseline, int Target, int Actual, int Status)
{
    public static bool TryRead(string[] cells, out GoalKpiHeader header)
    {
        header = null!;
        Vocabulary.NotationHeaders words = Vocabulary.StrategyVocabulary.Default.Notations;
        int b = Array.FindIndex(cells, c => words.Is("committee-slides", "baseline", c));
        int t = Array.FindIndex(cells, c => words.Is("committee-slides", "target", c));
        int a = Array.FindIndex(cells, c => words.Is("committee-slides", "actual", c));
        int s = Array.FindIndex(cells, c => words.Is("committee-slides", "status", c));
        if (b < 1 || t < 0 || a < 0 || s < 0)
        {
            return false;
        }

        header = new GoalKpiHeader(b, t, a, s);
        return true;
    }
}

internal enum ValueKind
{
    Baseline,
    Actual,
    Target,
}

/// <summary>項目 / 基準値 / 2020年度 / 目標値 of a project's KPI table: the value columns in their order.</summary>
internal sealed record ProjectKpiHeader(int Item, IReadOnlyList<(ValueKind Kind, FiscalPeriod? Year)> Values)
{
    public static bool TryRead(string[] cells, out ProjectKpiHeader header)
    {
        header = null!;
        Vocabulary.NotationHeaders words = Vocabulary.StrategyVocabulary.Default.Notations;
        int item = Array.FindIndex(cells, c => words.Is("committee-slides", "item", c));
        if (item < 0)
        {
            return false;
        }

        var values = new List<(ValueKind, FiscalPeriod?)>();
        for (int i = item + 1; i < cells.Length; i++)
        {
            string c = cells[i];
            if (c.Length == 0)
            {
                continue;
            }

            if (words.StartsWith("committee-slides", "itemBaseline", c))
            {
                values.Add((ValueKind.Baseline, FiscalYearParser.Parse(c)));
            }
            else if (words.StartsWith("committee-slides", "itemTarget", c))
            {
                values.Add((ValueKind.Target, FiscalYearParser.Parse(c)));
            }
            else if (words.StartsWith("committee-slides", "itemActual", c) || CellValue.HeaderYear(c) is not null)
            {
                values.Add((ValueKind.Actual, FiscalYearParser.Parse(c)));
            }
        }

        if (!values.Any(v => v.Item1 == ValueKind.Baseline) || !values.Any(v => v.Item1 == ValueKind.Target))
        {
            return false;
        }

        header = new ProjectKpiHeader(item, values);
        return true;
    }
}
