using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>A stated 小計 / 合計 row of a project list, as a <see cref="ListTotal"/> with the goal and 施策 it totals (a
/// subtotal: the heading the rows since the previous subtotal stand under) and what the listed rows add up to.</summary>
internal static class ProjectTotals
{
    /// <summary>subtotal for 小計 (小計2, 小 計), total for 合計 / 計 / 総計; null for any other label.</summary>
    public static string? KindOf(string label, StrategyVocabulary vocabulary)
    {
        string folded = StrategyVocabulary.Fold(label).TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        foreach ((string kind, List<string> words) in vocabulary.TotalWords)
        {
            if (words.Any(w => string.Equals(StrategyVocabulary.Fold(w), folded, StringComparison.Ordinal)))
            {
                return kind;
            }
        }

        return null;
    }

    public static ListTotal Total(TableRow row, string kind, string budgetText, string? tableUnit, IEnumerable<ProjectRecord> scope, InterpretContext context)
    {
        var rows = scope.ToList();
        Quantity? q = Quantity.Parse(budgetText);
        string? unit = q?.Unit ?? tableUnit;
        bool subtotal = kind == "subtotal";
        string label = row.Cells.First(c => c is { Text.Length: > 0 })!.Text.Trim();
        return new ListTotal
        {
            City = context.Document.Info.City,
            Source = context.Document.Cite(row.Line, row.LineEnd),
            Label = label,
            Kind = kind,
            Goal = subtotal ? rows.Select(p => p.Goal).Distinct().SingleOrDefault() : null,
            Measure = subtotal ? rows.Select(p => p.Measure).Distinct().SingleOrDefault() : null,
            Budget = new Money(budgetText, unit is null ? null : q?.Value, unit ?? string.Empty),
            ListedCount = rows.Count,
            ListedRepeats = rows.Count(p => p.IsRepeat),
            ListedBudget = rows.Sum(p => p.Budget?.Amount ?? 0),
            ListedBudgetExcludingRepeats = rows.Where(p => !p.IsRepeat).Sum(p => p.Budget?.Amount ?? 0),
        };
    }
}
