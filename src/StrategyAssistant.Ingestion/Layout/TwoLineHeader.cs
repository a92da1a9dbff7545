using StrategyAssistant.Ingestion.Vocabulary;

namespace StrategyAssistant.Ingestion.Layout;

/// <summary>A header written on two lines whose first line alone is no header: years over sub-columns (R3年度 over 目標 |
/// 実績, 令和４年度 over 決算見込額 | うち交付金), and years under role words (基準年度値 over （R1）). The two lines read as one,
/// each sub-column headed by its year and its own role word.</summary>
public sealed partial class TableFinder
{
    /// <summary>The columns of the header <paramref name="first"/> and <paramref name="second"/> make together, or null when
    /// the second line does not complete the first (it must hold role words under the first's years or blanks, and nothing
    /// else but years and units).</summary>
    private List<TableColumn>? TwoLineColumns(LayoutLine first, LayoutLine second)
    {
        var upper = first.Cells.Where(c => c.Text.Length > 0).ToList();
        var lower = second.Cells.Where(c => c.Text.Length > 0).ToList();
        if (upper.Count < 2 || lower.Count < 2 || first.Separation != second.Separation || first.Separation == CellSeparation.None
            || !upper.Any(c => IsYearOnly(c.Text)) || !upper.Any(c => _vocabulary.RoleOf(c.Text) != ColumnRole.None))
        {
            return null;
        }

        bool IsYearOrUnit(LayoutCell c) => IsYearOnly(c.Text.Trim('(', ')', '（', '）')) || _vocabulary.IsUnitOnly(c.Text);
        bool byOrdinal = first.Separation is CellSeparation.Tabs or CellSeparation.Grid;
        if (!lower.All(c => IsYearOrUnit(c) || _vocabulary.RoleOf(c.Text) != ColumnRole.None || Above(first, c, byOrdinal) is { } a && IsYearOnly(a.Text))
            || !lower.Any(c => TableFinder.IsValueRole(_vocabulary.RoleOf(c.Text)) || _vocabulary.RoleOf(c.Text) == ColumnRole.Budget))
        {
            return null;
        }

        var merged = new List<LayoutCell>();
        var spanned = new HashSet<LayoutCell>();
        foreach (LayoutCell cell in lower)
        {
            LayoutCell? above = Above(first, cell, byOrdinal);
            if (above is null)
            {
                merged.Add(cell);
            }
            else if (IsYearOnly(above.Text) && !IsYearOrUnit(cell))
            {
                // R3年度 over 目標: the sub-column is 「R3年度目標」.
                merged.Add(cell with { Text = above.Text + cell.Text });
                spanned.Add(above);
            }
            else if (IsYearOrUnit(cell) && (byOrdinal ? above.Start == cell.Start : above.Start <= cell.End && cell.Start <= above.End))
            {
                // 基準年度値 over （R1）: the year completes the word above.
                merged.Add(above with { Text = above.Text + cell.Text });
                spanned.Add(above);
            }
            else
            {
                return null;
            }
        }

        merged.AddRange(upper.Where(c => !spanned.Contains(c)));
        merged.Sort((a, b) => a.Start.CompareTo(b.Start));
        if (byOrdinal)
        {
            // Tabs keep a cell per ordinal: put the blanks back.
            int width = (int)merged.Max(c => c.Start) + 1;
            merged = [.. Enumerable.Range(0, width).Select(i => merged.FirstOrDefault(c => (int)c.Start == i) ?? new LayoutCell(string.Empty, i, i))];
        }

        var line = first with { Cells = merged, Text = string.Join('\t', merged.Select(c => c.Text)) };
        return Columns(line);
    }

    /// <summary>The cell of the first header line that a cell of the second stands under: the same ordinal, or the last
    /// filled one to its left (a year spans its sub-columns up to the next filled cell); on a page, the last cell starting
    /// at or left of it.</summary>
    private static LayoutCell? Above(LayoutLine first, LayoutCell cell, bool byOrdinal)
    {
        LayoutCell? found = null;
        foreach (LayoutCell c in first.Cells.Where(c => c.Text.Length > 0))
        {
            if (byOrdinal ? c.Start <= cell.Start : c.Start <= cell.Start + 1)
            {
                found = c;
            }
        }

        return found;
    }
}
