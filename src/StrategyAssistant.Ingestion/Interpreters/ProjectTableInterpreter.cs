using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads a project list (事業名 / 部局 / 予算事業費 / 再掲 / 交付金 columns, in any order) into project records. The
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
        int budget = Column(table, ColumnRole.Budget);
        TableColumn budgetColumn = table.Columns[budget];
        string? tableUnit = budgetColumn.Unit ?? (table.Caption is null ? null : context.Vocabulary.UnitIn(table.Caption.Text));
        FiscalPeriod? year = budgetColumn.Year ?? (table.Caption is null ? null : FiscalYearParser.Parse(table.Caption.Text));
        foreach (TableRow row in table.Rows)
        {
            string label = row.Text(name);
            if (label.Length == 0 || !label.Any(CellText.IsJapanese))
            {
                continue;
            }

            Money? money = null;
            string budgetText = row.Text(budget);
            if (budgetText.Length > 0)
            {
                Quantity? q = Quantity.Parse(budgetText);
                string? unit = q?.Unit ?? tableUnit;
                if (unit is null)
                {
                    context.Notes.Add(new DataQualityNote(document.Info.City, "unit-missing",
                        $"「{label}」の事業費「{budgetText}」は単位が記載されていません（表の見出し・表題にも単位がありません）。",
                        [document.Cite(row.Line, row.LineEnd)]) { Subjects = [label] });
                }

                money = new Money(budgetText, unit is null ? null : q?.Value, unit ?? string.Empty);
            }

            context.Projects.Add(new ProjectRecord
            {
                Id = $"{document.Info.File}:{row.Line}",
                City = document.Info.City,
                Source = document.Cite(row.Line, row.LineEnd, cell: row[budget]?.Address ?? row[name]?.Address),
                Goal = context.Headings.Goal,
                Measure = context.Headings.Measure,
                Number = Optional(row, table, ColumnRole.Number),
                Name = CellText.Indicator(label),
                Department = Optional(row, table, ColumnRole.Department),
                Budget = money,
                BudgetYear = year,
                Status = Optional(row, table, ColumnRole.Status),
                IsRepeat = Optional(row, table, ColumnRole.Repeat) is not null,
                Grant = Optional(row, table, ColumnRole.Grant),
            });
        }
    }

    private static string? Optional(TableRow row, LayoutTable table, ColumnRole role)
    {
        int at = Column(table, role);
        string text = at < 0 ? string.Empty : row.Text(at);
        return text.Length == 0 || text is "-" or "－" or "―" ? null : text;
    }

    private static int Column(LayoutTable table, ColumnRole role) => table.Columns.ToList().FindIndex(c => c.Role == role);
}
