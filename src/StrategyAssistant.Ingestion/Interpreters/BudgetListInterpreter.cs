using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads a 関連事業一覧 (project list) table: header <c>番号, 再掲, 事業名, 部局名, 予算事業費, 事業内容, 新規・継続, 交付金</c>,
/// 施策体系 headings (基本目標N, ア …, ①), rows read by content (cells may be shifted by a leading tab or not, (新) prefixes,
/// descriptions continued on following lines), 小計N and 合計 lines and a summary table (基本目標N, 再掲, 事業数(再掲除く), 事業費,
/// 事業費(再掲除く)). Every stated 小計 / 合計 / summary figure is reconciled with the listed rows; where they differ a
/// <see cref="DataQualityNote"/> quotes both figures and names a listed row whose budget equals the difference.</summary>
public sealed partial class BudgetListInterpreter : INotationInterpreter
{
    public string Name => "project-list";

    public bool Claims(LayoutLines document)
    {
        foreach (string raw in document.Lines)
        {
            if (IsHeader(CellText.NonEmptyCells(raw)))
            {
                return true;
            }
        }

        return false;
    }

    public RecordSet Read(LayoutLines document)
    {
        var projects = new List<ProjectRecord>();
        var stated = new List<StatedTotal>();
        var notes = new List<DataQualityNote>();
        // The unit is what the list states ((単位:千円), a header such as 予算事業費（千円）); none stated: none shown.
        string? unit = null;
        bool unitMissingNoted = false;
        FiscalPeriod? budgetYear = null;
        string? grantName = null;
        bool inTable = false;
        bool inSummary = false;
        Goal? goal = null;
        Measure? measure = null;
        Measure? parent = null;
        int lastRow = -1;
        for (int n = 1; n <= document.LineCount; n++)
        {
            string raw = document.Line(n);
            List<string> cells = CellText.NonEmptyCells(raw);
            if (cells.Count == 0)
            {
                lastRow = -1;
                continue;
            }

            string joined = string.Join(" ", cells);
            if (!inTable)
            {
                if (joined.Contains("事業一覧", StringComparison.Ordinal) && FiscalYearParser.Parse(joined) is { } year)
                {
                    budgetYear = year;
                }

                if (GrantLegend().Match(joined) is { Success: true } legend)
                {
                    grantName = legend.Groups["name"].Value;
                }
            }

            if (UnitLine().Match(joined) is { Success: true } unitLine)
            {
                unit = unitLine.Groups["unit"].Value;
                lastRow = -1;
                continue;
            }

            if (IsHeader(cells))
            {
                unit = HeaderUnit(cells) ?? unit;
                inTable = true;
                inSummary = false;
                lastRow = -1;
                continue;
            }

            if (!inTable)
            {
                continue;
            }

            if (IsSummaryHeader(cells))
            {
                inSummary = true;
                lastRow = -1;
                continue;
            }

            string firstCell = CellText.CleanLine(cells[0]);
            if (inSummary)
            {
                if (SummaryRow(document, n, cells, firstCell, unit ?? string.Empty) is { } summary)
                {
                    stated.Add(summary);
                }

                continue;
            }

            if (SubtotalLabel().Match(firstCell) is { Success: true } sub)
            {
                stated.Add(Stated(document, n, cells, TotalKind.Subtotal, int.Parse(FiscalYearParser.FoldWidth(sub.Groups["n"].Value), CultureInfo.InvariantCulture), unit ?? string.Empty));
                lastRow = -1;
                continue;
            }

            if (firstCell is "合計" or "総計")
            {
                stated.Add(Stated(document, n, cells, TotalKind.Total, null, unit ?? string.Empty));
                lastRow = -1;
                continue;
            }

            if (Heading(cells) is { } heading)
            {
                if (HeadingParser.Goal(heading) is { } g)
                {
                    goal = g;
                    measure = null;
                    parent = null;
                }
                else if (CellText.SplitMark(heading) is { } mark)
                {
                    measure = new Measure(mark.Mark, mark.Title);
                    if (CellText.IsCircled(mark.Mark[0]))
                    {
                        measure = measure with { Parent = parent };
                    }
                    else
                    {
                        parent = measure;
                    }
                }

                lastRow = -1;
                continue;
            }

            if (Row(document, n, cells, unit ?? string.Empty) is { } row)
            {
                if (unit is null && !unitMissingNoted)
                {
                    unitMissingNoted = true;
                    notes.Add(new DataQualityNote(document.City, "unit-missing",
                        $"事業一覧の予算事業費（「{row.Name}」の「{row.Budget?.Text}」ほか）は単位が記載されていません（表の見出し・単位の行にもありません）。金額は記載のまま示します。",
                        [row.Source]) { Subjects = [row.Name] });
                }

                projects.Add(row with { Goal = goal, Measure = measure, BudgetYear = budgetYear, Grant = row.Grant is { } g && grantName is not null && IsGrantMark(g) ? grantName : row.Grant });
                lastRow = projects.Count - 1;
                continue;
            }

            if (lastRow >= 0 && cells.Count == 1 && !joined.StartsWith('#') && !joined.StartsWith('※'))
            {
                // A description continued on the next line.
                ProjectRecord previous = projects[lastRow];
                projects[lastRow] = previous with
                {
                    Description = (previous.Description + cells[0]).Trim(),
                    Source = document.Cite(previous.Source.Line, n, previous.Source.Quote + " " + cells[0]),
                };
            }
        }

        (List<DataQualityNote> reconciled, List<ListTotal> totals) = Reconcile(document, projects, stated);
        notes.AddRange(reconciled);
        notes.AddRange(CheckRepeats(document, projects));
        return new RecordSet([], projects, notes) { Totals = totals };
    }

    private static bool IsHeader(List<string> cells)
    {
        bool number = false, name = false, budget = false, department = false;
        foreach (string c in cells)
        {
            string t = c.Replace(" ", string.Empty, StringComparison.Ordinal);
            number |= t == "番号" || t == "No." || t == "No";
            name |= t == "事業名";
            budget |= t.Contains("事業費", StringComparison.Ordinal) || t.Contains("予算", StringComparison.Ordinal);
            department |= t.Contains("部局", StringComparison.Ordinal) || t.Contains("担当", StringComparison.Ordinal) || t.Contains("所管", StringComparison.Ordinal);
        }

        return number && name && budget && department;
    }

    /// <summary>The unit a header's budget cell states in a trailing parenthesis (予算事業費（千円）), or null.</summary>
    private static string? HeaderUnit(List<string> cells) =>
        cells.Where(c => c.Contains("事業費", StringComparison.Ordinal) || c.Contains("予算", StringComparison.Ordinal))
            .Select(c => CellText.SplitUnit(c).Unit)
            .FirstOrDefault(u => u is not null);

    private static bool IsSummaryHeader(List<string> cells) =>
        cells.Any(c => c.Contains("事業数", StringComparison.Ordinal)) && cells.Any(c => c.Contains("事業費", StringComparison.Ordinal)) && !cells.Contains("事業名");

    /// <summary>A 施策体系 heading line: <c>&lt;b&gt;基本目標1 …&lt;/b&gt;</c>, <c>&lt;b&gt;ア …&lt;/b&gt;</c>, <c>ウ ⇥ &lt;b&gt;…&lt;/b&gt;</c>, <c>### ウ …</c>.</summary>
    private static string? Heading(List<string> cells)
    {
        string text;
        if (cells.Count == 1)
        {
            text = CellText.CleanLine(cells[0]);
        }
        else if (cells.Count == 2 && CellText.IsMark(cells[0]))
        {
            text = cells[0] + " " + CellText.CleanLine(cells[1]);
        }
        else
        {
            return null;
        }

        if (HeadingParser.Goal(text) is not null)
        {
            return text;
        }

        if (text.Length >= 2 && CellText.IsCircled(text[0]))
        {
            return text;
        }

        return CellText.SplitMark(text) is not null && text.Length <= 80 && !text.Contains('。', StringComparison.Ordinal) ? text : null;
    }

    /// <summary>A project row, read by content: a number, 再掲 or not, the name, the department(s), the budget (the first cell that
    /// is an amount), then description, 新規/継続 and the 交付金 mark in any order.</summary>
    private static ProjectRecord? Row(LayoutLines document, int n, List<string> cells, string unit)
    {
        int i = 0;
        if (cells.Count < 4 || !RowNumber().IsMatch(cells[0]))
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
            if (Amount().IsMatch(cells[k]))
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

        string name = NewMark().Replace(nameCell, string.Empty).Trim();
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

    private static bool IsGrantMark(string cell) => cell is "○" or "◯" or "〇" or "●" or "◎";

    private static StatedTotal Stated(LayoutLines document, int n, List<string> cells, TotalKind kind, int? goalNumber, string unit)
    {
        // 小計1 ⇥ 49 ⇥ 0 ⇥ 2,763,699: count, repeats, budget (the last amount); 合計 ⇥ 14,528,992: the budget only.
        List<string> numbers = [.. cells.Skip(1).Where(c => Amount().IsMatch(c))];
        string? budget = numbers.Count > 0 ? numbers[^1] : null;
        string? count = numbers.Count >= 2 ? numbers[0] : null;
        string? repeats = numbers.Count >= 3 ? numbers[1] : null;
        return new StatedTotal(kind, goalNumber, document.Cite(n, n, string.Join(" ", cells)), cells[0], count, repeats, null, budget, null, unit);
    }

    private static StatedTotal? SummaryRow(LayoutLines document, int n, List<string> cells, string firstCell, string unit)
    {
        int? goalNumber = HeadingParser.Goal(firstCell) is { } g ? g.Number
            : SummaryGoal().Match(firstCell) is { Success: true } g2 ? int.Parse(FiscalYearParser.FoldWidth(g2.Groups["n"].Value), CultureInfo.InvariantCulture)
            : null;
        bool total = firstCell is "合計" or "総計";
        if (goalNumber is null && !total || cells.Count < 5)
        {
            return null;
        }

        // 基本目標2 ⇥ 8 ⇥ 37 (29) ⇥ 2,694,812 ⇥ 2,213,338
        System.Text.RegularExpressions.Match counts = CountWithExcluded().Match(cells[2]);
        string count = counts.Success ? counts.Groups["all"].Value : cells[2];
        string? excluded = counts.Success ? counts.Groups["excl"].Value : null;
        return new StatedTotal(total ? TotalKind.SummaryTotal : TotalKind.Summary, goalNumber, document.Cite(n, n, string.Join(" ", cells)), firstCell,
            count, cells[1], excluded, cells[3], cells[4], unit);
    }

    private static (List<DataQualityNote> Notes, List<ListTotal> Totals) Reconcile(LayoutLines document, List<ProjectRecord> projects, List<StatedTotal> stated)
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
    private static List<DataQualityNote> CheckRepeats(LayoutLines document, List<ProjectRecord> projects)
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

    private enum TotalKind
    {
        Subtotal,
        Total,
        Summary,
        SummaryTotal,
    }

    private sealed record StatedTotal(TotalKind Kind, int? GoalNumber, Citation Source, string Label, string? Count, string? Repeats, string? CountExcluded,
        string? Budget, string? BudgetExcluded, string Unit);

    [GeneratedRegex(@"^(?:目標|基本目標)?\s*(?<n>[0-9０-９]{1,2})$")]
    private static partial Regex SummaryGoal();

    [GeneratedRegex(@"^小計\s*(?<n>[0-9０-９]{1,2})$")]
    private static partial Regex SubtotalLabel();

    [GeneratedRegex(@"^[0-9０-９]{1,3}$")]
    private static partial Regex RowNumber();

    [GeneratedRegex(@"^[△▲\-]?[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})*$")]
    private static partial Regex Amount();

    [GeneratedRegex(@"^\s*[(（]新[)）]\s*")]
    private static partial Regex NewMark();

    [GeneratedRegex(@"^[(（]単位[:：]\s*(?<unit>[^()（）]+)[)）]$")]
    private static partial Regex UnitLine();

    [GeneratedRegex(@"^(?<all>[0-9,]+)\s*[(（](?<excl>[0-9,]+)[)）]$")]
    private static partial Regex CountWithExcluded();

    [GeneratedRegex(@"交付金欄は[、,]?\s*(?<name>[^、。\s]*?交付金)を活用する場合に")]
    private static partial Regex GrantLegend();
}
