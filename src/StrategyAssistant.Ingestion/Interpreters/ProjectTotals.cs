using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>A stated 小計 / 合計 row of a project list, as a <see cref="ListTotal"/> with the goal and 施策 it totals (a
/// subtotal: the heading the rows since the previous subtotal stand under) and what the listed rows add up to.</summary>
internal static partial class ProjectTotals
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

    /// <summary>True for a budget written in parentheses, <c>(12,400)</c>, <c>（640千円）</c>: a 再掲 row, listed again with the
    /// budget of the project it repeats; <paramref name="figure"/> is the text inside.</summary>
    public static bool Reprinted(string budgetText, out string figure)
    {
        Match m = Parenthesised().Match(budgetText.Trim());
        figure = m.Success ? m.Groups["figure"].Value : budgetText;
        return m.Success && Quantity.TryParse(figure, out _);
    }

    /// <summary>The stated total, and what the rows in its scope add up to. A 再掲 row's budget is counted once (where the
    /// project is listed), never again; a stated figure that differs from the sum gets a data-quality note, the figure kept
    /// as written.</summary>
    public static ListTotal Total(TableRow row, string kind, string budgetText, string? tableUnit, IEnumerable<ProjectRecord> scope, InterpretContext context)
    {
        var rows = scope.ToList();
        Quantity? q = Quantity.Parse(budgetText);
        string? unit = q?.Unit ?? tableUnit;
        bool subtotal = kind == "subtotal";
        string label = row.Cells.First(c => c is { Text.Length: > 0 })!.Text.Trim();
        decimal listed = rows.Where(p => !p.IsRepeat).Sum(p => p.Budget?.Amount ?? 0);
        var total = new ListTotal
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
            ListedBudget = listed,
            ListedBudgetExcludingRepeats = listed,
        };
        if (total.Budget.Amount is { } stated && stated != listed && rows.Count > 0)
        {
            context.Notes.Add(Mismatch(total, stated, rows));
        }

        return total;
    }

    private static DataQualityNote Mismatch(ListTotal total, decimal stated, List<ProjectRecord> rows)
    {
        string scope = total.Measure is { } m ? $"施策{m.Mark}（{m.Title}）" : total.Goal is { } g ? $"基本目標{g.Number}（{g.Title}）" : "一覧全体";
        decimal diff = total.ListedBudget - stated;
        string unit = total.Budget!.Unit;
        string repeats = total.ListedRepeats > 0 ? $"（再掲{total.ListedRepeats}事業を除く）" : string.Empty;
        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"{scope}: {total.Label} は {total.Budget.Text}{(total.Budget.Text.EndsWith(unit, StringComparison.Ordinal) ? string.Empty : unit)} と記載されているが、掲載された{rows.Count - total.ListedRepeats}事業{repeats}の事業費を合計すると {Format(total.ListedBudget)}{unit} で、{Format(Math.Abs(diff))}{unit} {(diff > 0 ? "多い" : "少ない")}。");
        List<ProjectRecord> matches = [.. rows.Where(p => !p.IsRepeat && p.Budget?.Amount == Math.Abs(diff))];
        if (matches.Count > 0)
        {
            message.Append("差額は ").Append(string.Join("、", matches.Select(p => $"{p.Name}（{p.Budget!.Text}、{p.Source.Line}行）"))).Append(" の事業費と一致する。");
        }

        List<string> subjects = [total.Label, .. new[] { total.Measure?.Title, total.Goal?.Title }.OfType<string>(), .. matches.Select(p => p.Name)];
        return new DataQualityNote(total.City, "total-mismatch", message.ToString(), [total.Source, .. matches.Select(p => p.Source)]) { Subjects = subjects };
    }

    private static string Format(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[(（]\s*(?<figure>[^()（）]+?)\s*[)）]$")]
    private static partial Regex Parenthesised();
}
