using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads a project list (事業名 / 部局 / 予算事業費 / 再掲 / 交付金 columns, in any order) into project records; a budget
/// in parentheses, (12,400) or （12,400）, marks the row 再掲 (a project listed again, its budget as written). The
/// budget's unit comes from its cell, its header (予算事業費（千円）) or the caption (単位：千円) — never assumed; a budget with no
/// stated unit is kept as text with a data-quality note.</summary>
public sealed class ProjectTableInterpreter
{
    public bool Claims(LayoutTable table) =>
        table.Columns.Any(c => c.Role == ColumnRole.Budget) && table.Columns.Any(c => c.Role is ColumnRole.Project or ColumnRole.Indicator);

    public void Read(LayoutTable table, InterpretContext context)
    {
        LayoutDocument document = context.Document;
        int name = Column(table, ColumnRole.Project) is var p and >= 0 ? p : Column(table, ColumnRole.Indicator);
        // Of several money columns (R5当初予算 | R4決算額), the vocabulary's preference says which is the budget.
        int budget = context.Vocabulary.Preferred(ColumnRole.Budget, [.. table.Columns.Select(c => (c.Header, c.Role))]);
        TableColumn budgetColumn = table.Columns[budget];
        string? tableUnit = budgetColumn.Unit ?? (table.Caption is null ? null : context.Vocabulary.UnitIn(table.Caption.Text));
        FiscalPeriod? year = budgetColumn.Year ?? (table.Caption is null ? null : FiscalYearParser.Parse(table.Caption.Text));
        var listed = new List<ProjectRecord>();
        int scopeStart = 0;
        IReadOnlyList<TableRow> rows = JoinWrapped(table, name, budget, context.Vocabulary, context.Headings);
        int measureColumn = Column(table, ColumnRole.Measure);
        Measure? measureAbove = null;
        for (int r = 0; r < rows.Count; r++)
        {
            TableRow row = rows[r];
            string label = row.Text(name);
            var filled = row.Cells.Where(c => c is { Text.Length: > 0 }).ToList();
            string joined = string.Join(" ", filled.Select(c => c!.Text.Trim()));
            if (filled.Count is 1 or 2 && !filled.Any(c => Quantity.TryParse(c!.Text, out _))
                && (filled.Count == 1 ? context.Headings.Classify(joined) is HeadingKind.Goal or HeadingKind.Measure : HeadingParser.Goal(filled[0]!.Text) is { Title.Length: 0 } && HeadingParser.Goal(joined) is not null))
            {
                // 基本目標１ 産業振興と雇用創出 / ①企業誘致 as a row of the list (on a page, a goal's number and title may come
                // apart into two cells): the projects under it belong to it.
                context.Headings.ObserveText(joined, row.Line);
                scopeStart = listed.Count;
                measureAbove = null;
                continue;
            }

            string? totalKind = ProjectTotals.KindOf(row.Cells.FirstOrDefault(c => c is { Text.Length: > 0 })?.Text ?? string.Empty, context.Vocabulary);
            if (totalKind is not null && row.Text(budget).Length > 0)
            {
                context.Totals.Add(ProjectTotals.Total(row, totalKind, row.Text(budget), tableUnit, totalKind == "subtotal" ? listed.Skip(scopeStart) : listed, context));
                scopeStart = listed.Count;
                continue;
            }

            if (label.Length == 0 || !label.Any(CellText.IsJapanese))
            {
                continue;
            }

            Money? money = null;
            string budgetText = row.Text(budget);
            bool reprinted = ProjectTotals.Reprinted(budgetText, out string figure);
            if (budgetText.Length > 0)
            {
                Quantity? q = Quantity.Parse(figure);
                string? unit = q?.Unit ?? tableUnit;
                if (unit is null)
                {
                    context.Notes.Add(new DataQualityNote(document.Info.City, "unit-missing",
                        $"「{label}」の事業費「{budgetText}」は単位が記載されていません（表の見出し・表題にも単位がありません）。",
                        [document.Cite(row.Line, row.LineEnd)]) { Subjects = [label] });
                }

                money = new Money(budgetText, unit is null ? null : q?.Value, unit ?? string.Empty);
            }

            // A 施策 column that names its measure (①観光の振興) places the row, a blank cell keeps the one above; a bare
            // number there (1-1) refers to the heading's.
            if (measureColumn >= 0 && CellTextNotations.MeasureCell(row.Text(measureColumn)) is { } own && own.Title.Any(CellText.IsJapanese))
            {
                measureAbove = own;
            }

            var project = new ProjectRecord
            {
                Id = $"{document.Info.File}:{row.Line}",
                City = document.Info.City,
                Source = document.Cite(row.Line, row.LineEnd, cell: row[budget]?.Address ?? row[name]?.Address),
                Goal = context.Headings.Goal,
                Measure = measureAbove ?? context.Headings.Measure,
                Number = Optional(row, table, ColumnRole.Number),
                Name = CellText.Indicator(label),
                Department = Optional(row, table, ColumnRole.Department),
                Budget = money,
                BudgetYear = year,
                Status = Optional(row, table, ColumnRole.Status),
                IsRepeat = reprinted || Optional(row, table, ColumnRole.Repeat) is not null,
                Grant = Optional(row, table, ColumnRole.Grant),
            };
            context.Projects.Add(project);
            listed.Add(project);
        }
    }

    /// <summary>A name wrapped onto the next row (スノーアクティビティ体験拠点整備 / 事業 62,400,000 …): a row with a name and no
    /// budget, followed by a row with no number whose name continues it, is one row. Without a number column, a row that
    /// holds only a name that is no heading (and the goal or 施策 it opens) continues onto the next row when that one adds no goal or 施策 of
    /// its own and gives the rest: the department, the budget.</summary>
    private static List<TableRow> JoinWrapped(LayoutTable table, int name, int budget, StrategyVocabulary vocabulary, HeadingTracker headings)
    {
        int number = Column(table, ColumnRole.Number);
        int[] keys = [.. Enumerable.Range(0, table.Columns.Count).Where(i => table.Columns[i].Role is ColumnRole.Goal or ColumnRole.Measure)];
        bool NameOnly(TableRow row) => Enumerable.Range(0, row.Cells.Count).All(i => i == name || keys.Contains(i) || row.Text(i).Length == 0);
        bool Continues(TableRow above, TableRow row) => number >= 0
            ? row.Text(number).Length == 0 && above.Text(number).Length > 0
            : NameOnly(above) && headings.Classify(above.Text(name)) == HeadingKind.None && keys.All(k => row.Text(k).Length == 0) && !row.Cells.Any(c => c is { Text.Length: > 0 } && ProjectTotals.KindOf(c.Text, vocabulary) is not null);
        var rows = new List<TableRow>();
        foreach (TableRow row in table.Rows)
        {
            if (rows.Count > 0 && rows[^1] is var above && above.LineEnd == row.Line - 1 && above.Text(budget).Length == 0 && above.Text(name).Length > 0
                && row.Text(name).Length > 0 && row.Text(budget).Length > 0 && Continues(above, row))
            {
                var cells = above.Cells.ToArray();
                for (int i = 0; i < cells.Length; i++)
                {
                    cells[i] = i == name ? above[i]! with { Text = above.Text(i) + row.Text(i) } : cells[i] ?? row[i];
                }

                rows[^1] = new TableRow(above.Line, row.LineEnd, cells);
                continue;
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string? Optional(TableRow row, LayoutTable table, ColumnRole role)
    {
        int at = Column(table, role);
        string text = at < 0 ? string.Empty : row.Text(at);
        return text.Length == 0 || text is "-" or "－" or "―" ? null : text;
    }

    private static int Column(LayoutTable table, ColumnRole role) => table.Columns.ToList().FindIndex(c => c.Role == role);
}
