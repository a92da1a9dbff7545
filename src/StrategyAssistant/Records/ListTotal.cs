using StrategyAssistant.Documents;

namespace StrategyAssistant.Records;

/// <summary>A total a document states for a list of projects (a 小計 or 合計 line, a row of its summary table), as written, next to
/// what the listed rows add up to, so an answer can quote the document's figure with its line and say whether the rows agree.</summary>
public sealed record ListTotal
{
    public required string City { get; init; }

    /// <summary>The line that states the total.</summary>
    public required Citation Source { get; init; }

    /// <summary>The row's label as written: 小計2, 合計, 基本目標4.</summary>
    public required string Label { get; init; }

    /// <summary>subtotal (小計 line), total (合計 line), summary (a goal's row of the summary table) or summary-total.</summary>
    public required string Kind { get; init; }

    /// <summary>The goal the total covers, or null for the whole list.</summary>
    public Goal? Goal { get; init; }

    /// <summary>The 施策 (measure) the total covers (a per-施策 小計), or null when it covers a goal or the whole list.</summary>
    public Measure? Measure { get; init; }

    /// <summary>事業数 as written (e.g. 63), or null.</summary>
    public string? CountText { get; init; }

    /// <summary>再掲 (projects listed again) as written, or null.</summary>
    public string? RepeatsText { get; init; }

    /// <summary>事業数(再掲除く) as written (the 43 of <c>63 (43)</c>), or null.</summary>
    public string? CountExcludingRepeatsText { get; init; }

    /// <summary>事業費 as written with the table's unit.</summary>
    public Money? Budget { get; init; }

    /// <summary>事業費(再掲除く) as written with the table's unit.</summary>
    public Money? BudgetExcludingRepeats { get; init; }

    /// <summary>How many rows the document lists in the total's scope.</summary>
    public int ListedCount { get; init; }

    /// <summary>How many of them are 再掲.</summary>
    public int ListedRepeats { get; init; }

    /// <summary>The sum of the listed rows' budgets.</summary>
    public decimal ListedBudget { get; init; }

    /// <summary>The sum of the listed rows' budgets without the 再掲 rows.</summary>
    public decimal ListedBudgetExcludingRepeats { get; init; }

    /// <summary>True when every stated figure equals what the listed rows give.</summary>
    public bool Agrees =>
        Same(CountText, ListedCount) && Same(RepeatsText, ListedRepeats) && Same(CountExcludingRepeatsText, ListedCount - ListedRepeats)
        && (Budget?.Amount is null || Budget.Amount == ListedBudget)
        && (BudgetExcludingRepeats?.Amount is null || BudgetExcludingRepeats.Amount == ListedBudgetExcludingRepeats);

    private static bool Same(string? text, decimal listed) => text is null || !Quantity.TryParse(text, out Quantity q) || q.Value == listed;
}
