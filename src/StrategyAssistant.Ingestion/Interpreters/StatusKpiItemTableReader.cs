using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>A 事業's KPI table of the status-column notation (項目 / 基準値 / 2020年度 / 目標値 / 見直しの方向性): the 事業 heading above it, the projects it bundles, rows that share another 事業's indicator.</summary>
internal sealed class StatusKpiItemTableReader(StatusKpiTableState state)
{
    private LayoutLines Document => state.Document;
    private static readonly string[] s_statusMarkers = ["新規登載", "新規事業", "新規登録"];

    public int ReadProjectKpis(int headerLine, ProjectKpiHeader h)
    {
        // The heading (○事業名 (構成事業・…) 新規登載) stands a few lines above the table header.
        int headingLine = 0;
        string? status = null;
        for (int back = headerLine - 1; back >= Math.Max(1, headerLine - 12); back--)
        {
            string t = CellText.Clean(Document.Line(back));
            if (Array.IndexOf(s_statusMarkers, t) >= 0)
            {
                status = t;
            }

            if (t.StartsWith('○') && !StatusKpiPatterns.GoalTotalPattern().IsMatch(t))
            {
                headingLine = back;
                break;
            }

            if (ProjectKpiHeader.TryRead(CellText.Cells(Document.Line(back)), out _) || (t.StartsWith('【') && t.Contains("基本目標", StringComparison.Ordinal)))
            {
                break;
            }
        }

        if (headingLine > 0 && !state.Headings.Add(headingLine))
        {
            // A heading already read with an earlier table: this table has none of its own.
            headingLine = 0;
        }

        string heading = headingLine > 0 ? CellText.Clean(Document.Line(headingLine)).TrimStart('○').Trim() : string.Empty;
        foreach (string marker in s_statusMarkers)
        {
            if (heading.EndsWith(marker, StringComparison.Ordinal))
            {
                status ??= marker;
                heading = heading[..^marker.Length].Trim();
            }
        }

        string? projectName = heading.Length > 0 ? heading : null;
        var indicators = new List<string>();
        string? description = null;
        string? outlook = null;
        (string Project, string? Qualifier)? shared = null;
        int last = headerLine;
        int n = headerLine + 1;
        int count = h.Values.Count;
        var records = new List<KpiRecord>();
        for (; n <= Document.LineCount; n++)
        {
            string[] cells = CellText.Cells(Document.Line(n));
            if (cells.All(c => c.Length == 0) || cells.Length <= h.Item)
            {
                break;
            }

            last = n;
            if (h.Item > 0 && cells[0].Length > 0)
            {
                description ??= cells[0];
            }

            int outlookIndex = h.Item + count + 1;
            if (outlookIndex < cells.Length && cells[outlookIndex].Length > 0)
            {
                outlook ??= cells[outlookIndex];
            }

            string indicatorCell = cells[h.Item];
            if (indicatorCell.Length == 0)
            {
                continue;
            }

            Citation cite = Document.Cite(n);
            string[] valueCells = [.. Enumerable.Range(h.Item + 1, count).Select(i => i < cells.Length ? cells[i] : string.Empty)];
            System.Text.RegularExpressions.Match common = StatusKpiPatterns.SharedPattern().Match(valueCells[0]);
            if (common.Success)
            {
                shared = (common.Groups["project"].Value.Trim(), common.Groups["q"].Success ? common.Groups["q"].Value.Trim() : null);
            }
            else if (valueCells.Any(v => v.Length > 0))
            {
                shared = null;
            }

            KpiValue? baseline = null;
            KpiValue? actual = null;
            KpiValue? target = null;
            if (shared is null)
            {
                for (int i = 0; i < count; i++)
                {
                    (ValueKind kind, FiscalPeriod? year) = h.Values[i];
                    KpiValue? v = valueCells[i].Length == 0 ? null : CellValue.Value(valueCells[i], cite, year);
                    if (v is not null && kind == ValueKind.Target)
                    {
                        v = TargetPeriod(v);
                    }

                    switch (kind)
                    {
                        case ValueKind.Baseline: baseline ??= v; break;
                        case ValueKind.Actual: actual ??= v; break;
                        default: target ??= v; break;
                    }
                }
            }

            string indicator = CellText.IndicatorName(indicatorCell);
            indicators.Add(indicator);
            var record = new KpiRecord
            {
                Id = $"{Document.File}:{n}",
                City = Document.City,
                Source = cite,
                Goal = state.Goal,
                Project = projectName,
                Indicator = indicator,
                Unit = CellValue.UnitOf(target, baseline, actual),
                Baseline = baseline,
                Target = target,
                Actual = actual,
                Note = shared is null ? null : SharedText(shared.Value),
            };
            records.Add(record);
            if (shared is not null)
            {
                state.Shared[record.Id] = shared.Value;
            }
        }

        foreach (KpiRecord r in records)
        {
            state.Kpis.Add(outlook is null ? r : r with { Outlook = outlook });
        }

        if (projectName is not null)
        {
            int from = headingLine > 0 ? headingLine : headerLine;
            state.Projects.Add(new ProjectRecord
            {
                Id = $"{Document.File}:{from}",
                City = Document.City,
                Source = Document.Cite(from, Math.Max(from, last), CellText.Clean(Document.Line(from))),
                Goal = state.Goal,
                Name = projectName,
                Status = status,
                Description = description,
                Components = Components(projectName),
                Kpis = [.. indicators.Distinct(StringComparer.Ordinal)],
            });
        }

        return n;
    }

    private static string SharedText((string Project, string? Qualifier) shared) =>
        $"{shared.Project}との共通指標" + (shared.Qualifier is null ? string.Empty : $" ({shared.Qualifier})");

    /// <summary>(5年間の合計), (計画終了時), (毎年度実績): the plan's span or end.</summary>
    private KpiValue TargetPeriod(KpiValue value)
    {
        if (value.Period is not null || value.Note is null)
        {
            return value;
        }

        bool cumulative = value.Note.Contains("合計", StringComparison.Ordinal) || value.Note.Contains("累計", StringComparison.Ordinal);
        return value with { Period = state.PlanPeriodFor(value.Note, cumulative) };
    }

    /// <summary>観光振興戦略推進事業 (観光振興戦略推進事業・ふるさと毛陽地域振興事業・北村温泉施設整備事業) → the bundled projects.</summary>
    internal static IReadOnlyList<string> Components(string heading)
    {
        System.Text.RegularExpressions.Match m = StatusKpiPatterns.TrailingParenthesis().Match(heading);
        if (!m.Success)
        {
            return [];
        }

        string inner = m.Groups["inner"].Value;
        int colon = inner.IndexOfAny(['：', ':']);
        if (colon >= 0)
        {
            inner = inner[(colon + 1)..];
        }

        string[] items = [.. inner.Split('・').Select(s => s.Trim()).Where(s => s.Length > 0)];
        return items.Length > 0 && items.All(i => StatusKpiPatterns.ProjectWord().IsMatch(i)) ? items : [];
    }
}
