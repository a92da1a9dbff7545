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
public sealed class BudgetListInterpreter : INotationInterpreter
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

                if (BudgetListPatterns.GrantLegend().Match(joined) is { Success: true } legend)
                {
                    grantName = legend.Groups["name"].Value;
                }
            }

            if (BudgetListPatterns.UnitLine().Match(joined) is { Success: true } unitLine)
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
                if (BudgetListRows.SummaryRow(document, n, cells, firstCell, unit ?? string.Empty) is { } summary)
                {
                    stated.Add(summary);
                }

                continue;
            }

            if (BudgetListPatterns.SubtotalLabel().Match(firstCell) is { Success: true } sub)
            {
                stated.Add(BudgetListRows.Stated(document, n, cells, TotalKind.Subtotal, int.Parse(FiscalYearParser.FoldWidth(sub.Groups["n"].Value), CultureInfo.InvariantCulture), unit ?? string.Empty));
                lastRow = -1;
                continue;
            }

            if (firstCell is "合計" or "総計")
            {
                stated.Add(BudgetListRows.Stated(document, n, cells, TotalKind.Total, null, unit ?? string.Empty));
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

            if (BudgetListRows.Row(document, n, cells, unit ?? string.Empty) is { } row)
            {
                if (unit is null && !unitMissingNoted)
                {
                    unitMissingNoted = true;
                    notes.Add(new DataQualityNote(document.City, "unit-missing",
                        $"事業一覧の予算事業費（「{row.Name}」の「{row.Budget?.Text}」ほか）は単位が記載されていません（表の見出し・単位の行にもありません）。金額は記載のまま示します。",
                        [row.Source]) { Subjects = [row.Name] });
                }

                projects.Add(row with { Goal = goal, Measure = measure, BudgetYear = budgetYear, Grant = row.Grant is { } g && grantName is not null && BudgetListRows.IsGrantMark(g) ? grantName : row.Grant });
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

        (List<DataQualityNote> reconciled, List<ListTotal> totals) = BudgetListReconciler.Reconcile(document, projects, stated);
        notes.AddRange(reconciled);
        notes.AddRange(BudgetListReconciler.CheckRepeats(document, projects));
        return new RecordSet([], projects, notes) { Totals = totals };
    }

    private const string Notation = "project-list";

    private static Vocabulary.NotationHeaders Words => Vocabulary.StrategyVocabulary.Default.Notations;

    private static bool IsHeader(List<string> cells)
    {
        bool number = false, name = false, budget = false, department = false;
        foreach (string c in cells)
        {
            string t = c.Replace(" ", string.Empty, StringComparison.Ordinal);
            number |= Words.Is(Notation, "number", t);
            name |= Words.Is(Notation, "name", t);
            budget |= Words.Contains(Notation, "budget", t);
            department |= Words.Contains(Notation, "department", t);
        }

        return number && name && budget && department;
    }

    /// <summary>The unit a header's budget cell states in a trailing parenthesis (予算事業費（千円）), or null.</summary>
    private static string? HeaderUnit(List<string> cells) =>
        cells.Where(c => Words.Contains(Notation, "budget", c))
            .Select(c => CellText.SplitUnit(c).Unit)
            .FirstOrDefault(u => u is not null);

    private static bool IsSummaryHeader(List<string> cells) =>
        cells.Any(c => Words.Contains(Notation, "summaryCount", c)) && cells.Any(c => Words.Contains(Notation, "summaryBudget", c)) && !cells.Any(c => Words.Is(Notation, "name", c));

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
}
