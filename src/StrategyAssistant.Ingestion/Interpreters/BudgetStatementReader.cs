using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Budget statements of the status-column notation: a goal's total (○総合戦略関連事業 9事業 1億1,118万円) and the 事業費 / 交付金 cells of a table by year.</summary>
internal sealed class BudgetStatementReader(StatusKpiTableState state)
{
    private LayoutLines Document => state.Document;

    public void ReadGoalTotal(int line, System.Text.RegularExpressions.Match m)
    {
        Money? money = CellValue.ParseMoney(m.Groups["amount"].Value);
        if (money is null)
        {
            return;
        }

        // The total heads the goal it belongs to: take the next 【基本目標N】 within a few lines, else the current goal.
        Goal? goal = state.Goal;
        string? remark = null;
        FiscalPeriod? year = null;
        for (int f = line + 1; f <= Math.Min(Document.LineCount, line + 8); f++)
        {
            string t = CellText.Clean(Document.Line(f));
            if (t.StartsWith('※') && remark is null)
            {
                remark = t;
                year = FiscalYearParser.Parse(t);
            }

            if (t.StartsWith('【') && HeadingParser.Goal(t) is { } next)
            {
                goal = next;
                break;
            }

            if (t.StartsWith('○'))
            {
                break;
            }
        }

        string written = CellText.Clean(Document.Line(line));
        int stated = CellValue.ParseInt(m.Groups["count"].Value);
        state.Projects.Add(new ProjectRecord
        {
            Id = $"{Document.File}:{line}",
            City = Document.City,
            Source = Document.Cite(line),
            Goal = goal,
            Name = m.Groups["name"].Value,
            Budget = money,
            BudgetYear = year,
            Description = $"{m.Groups["count"].Value}事業" + (remark is null ? string.Empty : " " + remark),
        });
        state.GoalTotals.Add((line, written, stated, goal));
    }

    public void ReadBudgetCells(int line, string[] cells)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            string cell = cells[i];
            if (cell.Length == 0)
            {
                continue;
            }

            foreach (System.Text.RegularExpressions.Match m in StatusKpiPatterns.BudgetPattern().Matches(cell))
            {
                Money? money = CellValue.ParseMoney(m.Groups["amount"].Value);
                if (money is null)
                {
                    continue;
                }

                string name = m.Groups["name"].Value;
                bool grant = m.Groups["kind"].Value.Contains("交付金", StringComparison.Ordinal);
                string note = m.Groups["note"].Value.Trim();
                state.Projects.Add(new ProjectRecord
                {
                    Id = $"{Document.File}:{line}:{i}:{m.Index}",
                    City = Document.City,
                    Source = Document.Cite(line, line, m.Value),
                    Name = name,
                    Budget = money,
                    BudgetYear = FiscalYearParser.Parse(note) ?? ColumnYear(line, i),
                    Grant = grant ? name : null,
                    Description = (m.Groups["count"].Success ? m.Groups["count"].Value + " " : string.Empty) + m.Groups["kind"].Value + " (" + note + ")",
                });
            }

            foreach (System.Text.RegularExpressions.Match m in StatusKpiPatterns.AdoptedPattern().Matches(cell))
            {
                Money? money = CellValue.ParseMoney(m.Groups["amount"].Value);
                if (money is null)
                {
                    continue;
                }

                string grant = m.Groups["grant"].Value;
                state.Projects.Add(new ProjectRecord
                {
                    Id = $"{Document.File}:{line}:{i}:{m.Index}",
                    City = Document.City,
                    Source = Document.Cite(line, line, m.Value),
                    Name = grant + " 採択事業",
                    Budget = money,
                    BudgetYear = ColumnYear(line, i),
                    Grant = grant,
                    Description = $"計 {m.Groups["count"].Value}事業",
                    Components = Items(m.Groups["items"].Value),
                });
            }

            if (StatusKpiPatterns.TotalAdoptedPattern().Match(cell) is { Success: true } all && CellValue.ParseMoney(all.Groups["amount"].Value) is { } sum)
            {
                // 延べ 26事業 681,185千円 under a cell listing （主な採択事業） ・A ・B … in the row above.
                string above = line > 1 ? Cell(CellText.Cells(Document.Line(line - 1)), i) : string.Empty;
                bool listed = above.Contains("採択事業", StringComparison.Ordinal) && !StatusKpiPatterns.AdoptedPattern().IsMatch(above);
                state.Projects.Add(new ProjectRecord
                {
                    Id = $"{Document.File}:{line}:{i}:{all.Index}",
                    City = Document.City,
                    Source = listed ? Document.Cite(line - 1, line, above + " " + all.Value) : Document.Cite(line, line, all.Value),
                    Name = listed && above.Contains("主な採択事業", StringComparison.Ordinal) ? "主な採択事業 (延べ)" : "採択事業 (延べ)",
                    Budget = sum,
                    BudgetYear = ColumnYear(line, i),
                    Description = all.Value,
                    Components = listed ? Items(above[(above.IndexOf('）') + 1)..]) : [],
                });
            }
        }
    }

    private static string Cell(string[] cells, int i) => i < cells.Length ? cells[i] : string.Empty;

    private static IReadOnlyList<string> Items(string text) =>
        [.. StatusKpiPatterns.ItemSeparator().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0 && s != "など").Select(s => s.EndsWith(" など", StringComparison.Ordinal) ? s[..^3].Trim() : s)];

    /// <summary>The period of column <paramref name="column"/> in the header row above (令和2年度（実績）…).</summary>
    private FiscalPeriod? ColumnYear(int line, int column)
    {
        for (int back = line - 1; back >= Math.Max(1, line - 6); back--)
        {
            string[] cells = CellText.Cells(Document.Line(back));
            int withYears = cells.Count(c => c.Length > 0 && FiscalYearParser.Parse(c) is not null && !StatusKpiPatterns.BudgetPattern().IsMatch(c));
            if (withYears >= 3 && withYears == cells.Count(c => c.Length > 0))
            {
                return column < cells.Length ? FiscalYearParser.Parse(cells[column]) : null;
            }
        }

        return null;
    }
}
