using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Layout;

/// <summary>The header side of finding a table: a second header line merged into the columns, the caption above, the ※
/// footnotes that give a column its year.</summary>
public sealed partial class TableFinder
{
    /// <summary>A line under a header of only years, units or parenthesised notes — (令和元年度) (令和6年度) — or of those and
    /// role words that complete the header (指標名 (令和元年度) (令和6年度) 達成見込み under 基準値 目標値).</summary>
    private bool IsHeaderContinuation(LayoutLine line)
    {
        var cells = line.Cells.Where(c => c.Text.Length > 0).ToList();
        bool IsYearOrUnit(LayoutCell c) =>
            (Interpreters.CellValue.HeaderYear(c.Text.Trim('(', ')', '（', '）')) is not null || _vocabulary.IsUnitOnly(c.Text)) && !Quantity.TryParse(c.Text, out _);
        return cells.Count >= 1 && cells.All(c => IsYearOrUnit(c) || _vocabulary.RoleOf(c.Text) != ColumnRole.None) && cells.Any(IsYearOrUnit);
    }

    private void MergeContinuation(List<TableColumn> columns, LayoutLine line)
    {
        foreach (LayoutCell cell in line.Cells.Where(c => c.Text.Length > 0))
        {
            ColumnRole role = _vocabulary.RoleOf(cell.Text);
            int at = role == ColumnRole.None ? Nearest(columns, cell, line.Separation) : Overlapping(columns, cell, line.Separation);
            if (at >= 0)
            {
                TableColumn c = columns[at];
                columns[at] = c with
                {
                    Header = c.Header + cell.Text,
                    Role = c.Role == ColumnRole.None || c.Index < 0 ? role : c.Role,
                    Year = c.Year ?? HeaderYear.Of(cell.Text, _vocabulary),
                    Unit = c.Unit ?? _vocabulary.UnitIn(cell.Text),
                };
                continue;
            }

            // A role the first header line does not have (指標名 on the left, 達成見込み on the right): a column of its own,
            // in place by position; it takes over the placeholder indicator column.
            var column = new TableColumn((int)cell.Start, cell.Text, role, cell.Start, cell.End, HeaderYear.Of(cell.Text, _vocabulary), _vocabulary.UnitIn(cell.Text), line.Number);
            int placeholder = columns.FindIndex(c => c.Index < 0);
            if (role == ColumnRole.Indicator && placeholder >= 0)
            {
                columns.RemoveAt(placeholder);
            }

            int insertAt = columns.FindIndex(c => c.Index >= 0 && c.Start > cell.Start);
            columns.Insert(insertAt < 0 ? columns.Count : insertAt, column);
        }
    }

    /// <summary>The column a cell stands in (same ordinal for tabs and sheets; overlapping span on a page), or -1.</summary>
    private static int Overlapping(List<TableColumn> columns, LayoutCell cell, CellSeparation separation) =>
        separation is CellSeparation.Tabs or CellSeparation.Grid
            ? columns.FindIndex(c => c.Index == (int)cell.Start)
            : columns.FindIndex(c => c.Index >= 0 && c.Start < cell.End && cell.Start < c.End);

    private static LayoutLine? Caption(IReadOnlyList<LayoutLine> lines, int index)
    {
        for (int i = index - 1; i >= Math.Max(0, index - 2); i--)
        {
            if (!lines[i].IsBlank)
            {
                return lines[i].Cells.Count <= 1 ? lines[i] : null;
            }
        }

        return null;
    }

    /// <summary>A caption such as 「KPI一覧（実績値は令和3年度）」 or 「（単位：人）」 gives the year of a role it names next to
    /// the year, a lone year to the actual/current columns, and a unit to every column that has none.</summary>
    private void ApplyCaption(List<TableColumn> columns, LayoutLine? caption)
    {
        if (caption is null)
        {
            return;
        }

        string? unit = _vocabulary.UnitIn(caption.Text);
        var years = FiscalYearParser.FindAll(caption.Text).ToList();
        for (int i = 0; i < columns.Count; i++)
        {
            TableColumn c = columns[i];
            FiscalPeriod? year = c.Year;
            if (year is null && years.Count == 1 && c.Role is ColumnRole.Actual or ColumnRole.Current)
            {
                year = years[0].Period;
            }

            columns[i] = c with { Year = year, Unit = c.Unit ?? (IsValueRole(c.Role) ? unit : null) };
        }
    }

    /// <summary>A footnote a header cell points to (現状値※1 … 「※1 現状値は平成30年度の数値」) that states one year gives
    /// that column its year when the header has none; a cell's own year still wins.</summary>
    private static void ApplyFootnotes(List<TableColumn> columns, List<LayoutLine> footnotes)
    {
        foreach (LayoutLine footnote in footnotes)
        {
            string text = footnote.Text.Trim();
            int end = 1;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is >= '０' and <= '９'))
            {
                end++;
            }

            var years = FiscalYearParser.FindAll(text).ToList();
            if (!text.StartsWith('※') || end == 1 || years.Count != 1)
            {
                continue;
            }

            string mark = text[..end].Normalize(System.Text.NormalizationForm.FormKC);
            for (int i = 0; i < columns.Count; i++)
            {
                TableColumn c = columns[i];
                if (c.Year is null && IsValueRole(c.Role) && c.Header.Normalize(System.Text.NormalizationForm.FormKC).Contains(mark, StringComparison.Ordinal))
                {
                    columns[i] = c with { Year = years[0].Period };
                }
            }
        }
    }
}
