using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>The rows of a budget list read by content: a project row, a 小計 / 合計 row, a row of the summary table.</summary>
internal static class BudgetListRows
{
    /// <summary>A project row, read by content: a number, 再掲 or not, the name, the department(s), the budget (the first cell that
    /// is an amount), then description, 新規/継続 and the 交付金 mark in any order.</summary>
    public static ProjectRecord? Row(LayoutLines document, int n, List<string> cells, string unit)
    {
        int i = 0;
        if (cells.Count < 4 || !BudgetListPatterns.RowNumber().IsMatch(cells[0]))
        {
            return null;
        }

        string number = FiscalYearParser.FoldWidth(cells[0]);
        i = 1;
        bool repeat = false;
        if (i < cells.Count && cells[i] == "再掲")
        {
            repeat = true;
            i++;
        }

        int budgetIndex = -1;
        for (int k = i + 1; k < cells.Count; k++)
        {
            if (BudgetListPatterns.Amount().IsMatch(cells[k]))
            {
                budgetIndex = k;
                break;
            }
        }

        if (budgetIndex < 0 || i >= budgetIndex)
        {
            return null;
        }

        string nameCell = cells[i];
        string? department = budgetIndex > i + 1 ? CellText.Department(string.Join(" ", cells.Skip(i + 1).Take(budgetIndex - i - 1))) : null;
        string budgetText = cells[budgetIndex];
        decimal? amount = Quantity.TryParse(budgetText, out Quantity q) ? q.Value : null;
        var description = new StringBuilder();
        string? status = null;
        string? grant = null;
        for (int k = budgetIndex + 1; k < cells.Count; k++)
        {
            string c = cells[k];
            if (c is "新規" or "継続" or "拡充" or "新規・継続")
            {
                status = c;
            }
            else if (IsGrantMark(c))
            {
                grant = c;
            }
            else
            {
                description.Append(description.Length > 0 ? " " : string.Empty).Append(c);
            }
        }

        string name = BudgetListPatterns.NewMark().Replace(nameCell, string.Empty).Trim();
        return new ProjectRecord
        {
            Id = $"{document.File}:{n}",
            City = document.City,
            Source = document.Cite(n, n, string.Join(" ", cells)),
            Number = number,
            Name = name,
            Department = department,
            Budget = new Money(budgetText, amount, unit),
            Description = description.Length > 0 ? description.ToString() : null,
            Status = status,
            IsRepeat = repeat,
            Grant = grant,
        };
    }

    public static bool IsGrantMark(string cell) => cell is "○" or "◯" or "〇" or "●" or "◎";

    public static StatedTotal Stated(LayoutLines document, int n, List<string> cells, TotalKind kind, int? goalNumber, string unit)
    {
        // 小計1 ⇥ 49 ⇥ 0 ⇥ 2,763,699: count, repeats, budget (the last amount); 合計 ⇥ 14,528,992: the budget only.
        List<string> numbers = [.. cells.Skip(1).Where(c => BudgetListPatterns.Amount().IsMatch(c))];
        string? budget = numbers.Count > 0 ? numbers[^1] : null;
        string? count = numbers.Count >= 2 ? numbers[0] : null;
        string? repeats = numbers.Count >= 3 ? numbers[1] : null;
        return new StatedTotal(kind, goalNumber, document.Cite(n, n, string.Join(" ", cells)), cells[0], count, repeats, null, budget, null, unit);
    }

    public static StatedTotal? SummaryRow(LayoutLines document, int n, List<string> cells, string firstCell, string unit)
    {
        int? goalNumber = HeadingParser.Goal(firstCell) is { } g ? g.Number
            : BudgetListPatterns.SummaryGoal().Match(firstCell) is { Success: true } g2 ? int.Parse(FiscalYearParser.FoldWidth(g2.Groups["n"].Value), CultureInfo.InvariantCulture)
            : null;
        bool total = firstCell is "合計" or "総計";
        if (goalNumber is null && !total || cells.Count < 5)
        {
            return null;
        }

        // 基本目標2 ⇥ 8 ⇥ 37 (29) ⇥ 2,694,812 ⇥ 2,213,338
        System.Text.RegularExpressions.Match counts = BudgetListPatterns.CountWithExcluded().Match(cells[2]);
        string count = counts.Success ? counts.Groups["all"].Value : cells[2];
        string? excluded = counts.Success ? counts.Groups["excl"].Value : null;
        return new StatedTotal(total ? TotalKind.SummaryTotal : TotalKind.Summary, goalNumber, document.Cite(n, n, string.Join(" ", cells)), firstCell,
            count, cells[1], excluded, cells[3], cells[4], unit);
    }
}
