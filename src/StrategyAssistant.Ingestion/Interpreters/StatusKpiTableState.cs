using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>What the readers of one status-column document share: the document, its stated plan period, the heading path
/// so far, the year the KPI tables report, and the records read.</summary>
internal sealed class StatusKpiTableState(LayoutLines document)
{
    public LayoutLines Document { get; } = document;

    public FiscalPeriod? Plan { get; } = HeadingParser.PlanPeriod(document.Lines);

    /// <summary>Rows 「Xとの共通指標」 by record id: the 事業 X (and qualifier) whose values they report.</summary>
    public Dictionary<string, (string Project, string? Qualifier)> Shared { get; } = new(StringComparer.Ordinal);

    public List<(int Line, string Written, int Stated, Goal? Goal)> GoalTotals { get; } = [];

    public Goal? Goal { get; set; }

    /// <summary>The year a 重要業績評価指標 (2020年) heading gives the actuals of the tables that follow.</summary>
    public FiscalPeriod? KpiYear { get; set; }

    /// <summary>The 事業 heading lines already read with a table.</summary>
    public HashSet<int> Headings { get; } = [];

    public List<KpiRecord> Kpis { get; } = [];

    public List<ProjectRecord> Projects { get; } = [];

    public List<DataQualityNote> Notes { get; } = [];

    /// <summary>The plan period a note names: 計画終了時 → its end year; 5年間, 毎年度, 計画期間 → the whole period.</summary>
    public FiscalPeriod? PlanPeriodFor(string written, bool cumulative)
    {
        if (Plan is null)
        {
            return null;
        }

        if (written.Contains("終了", StringComparison.Ordinal))
        {
            return new FiscalPeriod(Plan.End, Plan.End, written);
        }

        if (written.Contains("年間", StringComparison.Ordinal) || written.Contains("毎年度", StringComparison.Ordinal)
            || written.Contains("各年度", StringComparison.Ordinal) || written.Contains("計画期間", StringComparison.Ordinal))
        {
            return new FiscalPeriod(Plan.Start, Plan.End, written, cumulative);
        }

        return null;
    }

}
