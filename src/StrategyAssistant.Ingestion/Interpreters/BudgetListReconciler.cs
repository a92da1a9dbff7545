using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>A budget list checked against itself: every stated 小計 / 合計 / summary figure against the rows listed under it,
/// and every 再掲 row against the project it repeats. Differences become data-quality notes quoting both figures.</summary>
internal static class BudgetListReconciler
{
    public static (List<DataQualityNote> Notes, List<ListTotal> Totals) Reconcile(LayoutLines document, List<ProjectRecord> projects, List<StatedTotal> stated)
    {
        var notes = new List<DataQualityNote>();
        var totals = new List<ListTotal>();
        decimal allListed = projects.Sum(p => p.Budget?.Amount ?? 0m);
        StatedTotal? total = stated.FirstOrDefault(s => s.Kind == TotalKind.Total);
        bool totalDiffers = total is not null && Number(total.Budget) is { } t && t != allListed;
        foreach (StatedTotal s in stated)
        {
            List<ProjectRecord> rows = s.GoalNumber is { } g ? [.. projects.Where(p => p.Goal?.Number == g)] : projects;
            Goal? goal = s.GoalNumber is null ? null : rows.Select(p => p.Goal).FirstOrDefault(x => x is not null);
            string scope = goal is null ? "一覧全体" : $"基本目標{goal.Number}（{goal.Title}）";
            string under = goal is null ? "一覧" : $"基本目標{goal.Number}の下";
            List<string> subjects = goal is null ? [s.Label] : [goal.Title, goal.ToString(), s.Label];
            string unit = s.Unit;
            bool summary = s.Kind is TotalKind.Summary or TotalKind.SummaryTotal;
            decimal listed = rows.Sum(p => p.Budget?.Amount ?? 0m);
            decimal listedExcluded = rows.Where(p => !p.IsRepeat).Sum(p => p.Budget?.Amount ?? 0m);
            int repeatCount = rows.Count(p => p.IsRepeat);
            totals.Add(new ListTotal
            {
                City = document.City,
                Source = s.Source,
                Label = s.Label,
                Kind = s.Kind switch
                {
                    TotalKind.Subtotal => "subtotal",
                    TotalKind.Total => "total",
                    TotalKind.Summary => "summary",
                    _ => "summary-total",
                },
                Goal = goal,
                CountText = s.Count,
                RepeatsText = s.Repeats,
                CountExcludingRepeatsText = s.CountExcluded,
                Budget = s.Budget is null ? null : new Money(s.Budget, Number(s.Budget), unit),
                BudgetExcludingRepeats = s.BudgetExcluded is null ? null : new Money(s.BudgetExcluded, Number(s.BudgetExcluded), unit),
                ListedCount = rows.Count,
                ListedRepeats = repeatCount,
                ListedBudget = listed,
                ListedBudgetExcludingRepeats = listedExcluded,
            });

            // The budget over all listed rows.
            if (Number(s.Budget) is { } statedBudget && statedBudget != listed)
            {
                decimal diff = listed - statedBudget;
                List<ProjectRecord> matches = [.. rows.Where(p => p.Budget?.Amount == Math.Abs(diff))];
                bool namesTotal = s.Kind == TotalKind.Subtotal && totalDiffers;
                var message = new StringBuilder();
                message.Append(CultureInfo.InvariantCulture, $"{scope}: {(summary ? $"集計表の {s.Label} の事業費" : s.Label)} は {s.Budget}{unit} と記載されている");
                if (namesTotal)
                {
                    message.Append(CultureInfo.InvariantCulture, $"（合計 {total!.Budget}{unit} もこの額で集計）");
                }

                message.Append(CultureInfo.InvariantCulture, $"が、{under}に掲載された{rows.Count}事業の予算事業費を合計すると {Format(listed)}{unit} で、{Format(Math.Abs(diff))}{unit} {(diff > 0 ? "多い" : "少ない")}。");
                AppendMatches(message, matches, diff);
                List<Citation> sources = [s.Source, .. matches.Select(p => p.Source)];
                if (namesTotal)
                {
                    sources.Add(total!.Source);
                }

                notes.Add(new DataQualityNote(document.City, "total-mismatch", message.ToString(), sources)
                {
                    Subjects = [.. subjects, .. matches.Select(p => p.Name)],
                });
            }

            // The budget without the 再掲 rows (summary table).
            if (Number(s.BudgetExcluded) is { } statedExcluded && statedExcluded != listedExcluded)
            {
                decimal diff = listedExcluded - statedExcluded;
                List<ProjectRecord> matches = [.. rows.Where(p => !p.IsRepeat && p.Budget?.Amount == Math.Abs(diff))];
                var message = new StringBuilder();
                message.Append(CultureInfo.InvariantCulture, $"{scope}: 集計表の {s.Label} の事業費(再掲除く)は {s.BudgetExcluded}{unit} と記載されているが、{under}に掲載された再掲を除く{rows.Count - repeatCount}事業の予算事業費を合計すると {Format(listedExcluded)}{unit} で、{Format(Math.Abs(diff))}{unit} {(diff > 0 ? "多い" : "少ない")}。");
                AppendMatches(message, matches, diff);
                notes.Add(new DataQualityNote(document.City, "total-mismatch", message.ToString(), [s.Source, .. matches.Select(p => p.Source)])
                {
                    Subjects = [.. subjects, .. matches.Select(p => p.Name)],
                });
            }

            // Counts.
            var countProblems = new List<string>();
            if (Number(s.Count) is { } statedCount && statedCount != rows.Count)
            {
                countProblems.Add($"事業数 {s.Count} に対し掲載は {rows.Count} 事業");
            }

            if (Number(s.Repeats) is { } statedRepeats && statedRepeats != repeatCount)
            {
                countProblems.Add($"再掲 {s.Repeats} に対し掲載は {repeatCount} 事業");
            }

            if (Number(s.CountExcluded) is { } statedExcludedCount && statedExcludedCount != rows.Count - repeatCount)
            {
                countProblems.Add($"再掲除く事業数 {s.CountExcluded} に対し掲載は {rows.Count - repeatCount} 事業");
            }

            if (countProblems.Count > 0)
            {
                notes.Add(new DataQualityNote(document.City, "count-mismatch", $"{scope}: {s.Label} の記載と掲載事業が合わない（{string.Join("、", countProblems)}）。", [s.Source])
                {
                    Subjects = subjects,
                });
            }
        }

        return (notes, totals);
    }

    /// <summary>A 再掲 row names a project listed before; where no listed project has that name, the note names the one with the same
    /// budget and a near-identical name (a typo in one of the two), or says that the original is missing.</summary>
    public static List<DataQualityNote> CheckRepeats(LayoutLines document, List<ProjectRecord> projects)
    {
        var notes = new List<DataQualityNote>();
        HashSet<string> originals = [.. projects.Where(p => !p.IsRepeat).Select(p => p.Name)];
        foreach (IGrouping<string, ProjectRecord> repeats in projects.Where(p => p.IsRepeat && !originals.Contains(p.Name)).GroupBy(p => p.Name))
        {
            ProjectRecord first = repeats.First();
            List<ProjectRecord> similar = [.. projects.Where(p => !p.IsRepeat && p.Budget?.Amount == first.Budget?.Amount
                && NameSimilarity.Dice(p.Name, first.Name) >= 0.6)];
            string lines = string.Join("・", repeats.Select(r => r.Source.Line.ToString(CultureInfo.InvariantCulture)));
            if (similar.Count > 0)
            {
                ProjectRecord original = similar[0];
                notes.Add(new DataQualityNote(
                    document.City,
                    "name-mismatch",
                    $"再掲の「{first.Name}」（{lines}行目、{first.Budget?.Text}{first.Budget?.Unit}）と同名の事業は一覧になく、予算額が同じ{original.Source.Line}行目の「{original.Name}」と名称が異なる（同じ事業とみられる）。",
                    [.. repeats.Select(r => r.Source), original.Source])
                {
                    Subjects = [first.Name, original.Name],
                });
            }
            else
            {
                notes.Add(new DataQualityNote(
                    document.City,
                    "missing-original",
                    $"再掲の「{first.Name}」（{lines}行目）の元の掲載が一覧に見当たらない。",
                    [.. repeats.Select(r => r.Source)])
                {
                    Subjects = [first.Name],
                });
            }
        }

        return notes;
    }

    private static void AppendMatches(StringBuilder message, List<ProjectRecord> matches, decimal diff)
    {
        if (matches.Count == 0 || diff == 0)
        {
            return;
        }

        string names = string.Join("、", matches.Select(p => $"{p.Name}（{p.Budget?.Text}{p.Budget?.Unit}、{p.Source.Line}行）"));
        message.Append(diff > 0
            ? "差額は " + names + " の予算額と一致し、この事業が記載の額に含まれていないとみられる。"
            : "差額は " + names + " の予算額と一致する。");
    }

    private static decimal? Number(string? text) => text is not null && Quantity.TryParse(text, out Quantity q) ? q.Value : null;

    private static string Format(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
