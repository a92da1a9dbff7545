using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>What a stated total of a budget list totals.</summary>
internal enum TotalKind
{
    Subtotal,
    Total,
    Summary,
    SummaryTotal,
}

/// <summary>A total a budget list states, as written, with the unit the list states (empty when none).</summary>
internal sealed record StatedTotal(TotalKind Kind, int? GoalNumber, Citation Source, string Label, string? Count, string? Repeats, string? CountExcluded,
    string? Budget, string? BudgetExcluded, string Unit);

/// <summary>The patterns of the budget-list readers.</summary>
internal static partial class BudgetListPatterns
{
    [GeneratedRegex(@"^(?:目標|基本目標)?\s*(?<n>[0-9０-９]{1,2})$")]
    internal static partial Regex SummaryGoal();

    [GeneratedRegex(@"^小計\s*(?<n>[0-9０-９]{1,2})$")]
    internal static partial Regex SubtotalLabel();

    [GeneratedRegex(@"^[0-9０-９]{1,3}$")]
    internal static partial Regex RowNumber();

    [GeneratedRegex(@"^[△▲\-]?[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})*$")]
    internal static partial Regex Amount();

    [GeneratedRegex(@"^\s*[(（]新[)）]\s*")]
    internal static partial Regex NewMark();

    [GeneratedRegex(@"^[(（]単位[:：]\s*(?<unit>[^()（）]+)[)）]$")]
    internal static partial Regex UnitLine();

    [GeneratedRegex(@"^(?<all>[0-9,]+)\s*[(（](?<excl>[0-9,]+)[)）]$")]
    internal static partial Regex CountWithExcluded();

    [GeneratedRegex(@"交付金欄は[、,]?\s*(?<name>[^、。\s]*?交付金)を活用する場合に")]
    internal static partial Regex GrantLegend();
}
