using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Layout;

/// <summary>Finds tables by their header: a line whose cells name column roles (基準値, 目標値（令和6年度）, 担当部 …). The header
/// gives the columns; a second header line of years or units under it is merged in; the caption is the line above; rows run
/// to a blank line, a heading or the next header; ※ lines under the rows are the table's footnotes.</summary>
public sealed partial class TableFinder
{
    private readonly StrategyVocabulary _vocabulary;

    public TableFinder(StrategyVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
    }

    /// <summary>The table whose header stands at <paramref name="index"/> (0-based into the document's lines), or null.</summary>
    public LayoutTable? TryRead(LayoutDocument document, int index, out int consumedTo)
    {
        consumedTo = index;
        IReadOnlyList<LayoutLine> lines = document.Lines;
        LayoutLine header = lines[index];
        List<TableColumn>? columns = Columns(header);
        bool twoLines = false;
        if ((columns is null || columns.Any(c => IsYearOnly(c.Header))) && index + 1 < lines.Count
            && TwoLineColumns(header, lines[index + 1]) is { } twoLineColumns)
        {
            // A first line of years over sub-columns (令和４年度 over 決算見込額 | うち交付金) reads with the line under it.
            columns = twoLineColumns;
            twoLines = true;
        }

        columns ??= YearRowsHeader.Columns(header, lines, index, _vocabulary);
        if (columns is null)
        {
            return null;
        }

        LayoutLine? caption = Caption(lines, index);
        var headerLines = new List<LayoutLine> { header };
        int next = index + 1;
        if (twoLines)
        {
            headerLines.Add(lines[next]);
            next++;
        }
        else if (next < lines.Count && IsHeaderContinuation(lines[next]))
        {
            MergeContinuation(columns, lines[next]);
            headerLines.Add(lines[next]);
            next++;
        }

        ApplyCaption(columns, caption);
        var rowLines = new List<LayoutLine>();
        var footnotes = new List<LayoutLine>();
        for (; next < lines.Count; next++)
        {
            LayoutLine line = lines[next];
            // A goal heading ends the table unless rows of the table go on under it (基本目標１ as a row of a project list).
            bool rowsGoOn = next + 1 < lines.Count && lines[next + 1].Cells.Count(c => c.Text.Length > 0) >= 2 && Columns(lines[next + 1]) is null;
            if (line.IsBlank || Columns(line) is not null || (next + 1 < lines.Count && TwoLineColumns(line, lines[next + 1]) is not null)
                || (line.Cells.Count(c => c.Text.Length > 0) <= 1 && HeadingParser.Goal(line.Text) is not null && !rowsGoOn))
            {
                break;
            }

            if (line.Continues)
            {
                continue;
            }

            if (IsFootnote(line))
            {
                footnotes.Add(line);
                continue;
            }

            if (footnotes.Count > 0)
            {
                break;
            }

            rowLines.Add(line);
        }

        // Footnotes may follow one blank line.
        if (next + 1 < lines.Count && lines[next].IsBlank && IsFootnote(lines[next + 1]))
        {
            for (next++; next < lines.Count && IsFootnote(lines[next]); next++)
            {
                footnotes.Add(lines[next]);
            }
        }

        consumedTo = next - 1;
        // A header's ※N may be explained under another table of the document: the table's own footnotes first, then the rest.
        ApplyFootnotes(columns, [.. footnotes, .. lines.Where(l => l.Text.TrimStart().StartsWith('※') && !footnotes.Contains(l))]);
        IReadOnlyList<TableRow> rows = [.. rowLines.Select(l => header.Separation is CellSeparation.Tabs or CellSeparation.Grid && l.Separation == CellSeparation.None
            ? FirstColumn(l, columns)
            : Place(l, columns))];
        return new LayoutTable(headerLines, caption, columns, YearRowsHeader.MoveKinds(columns, rows, _vocabulary), footnotes);
    }

    /// <summary>The columns a line names when it is a header: at least two cells with roles, at most one without (the
    /// indicator column's own heading, such as 施策名). A header with no indicator column gets one on its left.</summary>
    public List<TableColumn>? Columns(LayoutLine line)
    {
        if (line.Cells.Count < 2)
        {
            return null;
        }

        var columns = new List<TableColumn>();
        int withRole = 0;
        int without = 0;
        // 区分 | R2 | R3 …, or 基準値 | R2 | R3 | R4 | 目標値（R6）: a column headed only by a year holds that year's actual.
        var headed = line.Cells.Where(c => c.Text.Length > 0).Select(c => _vocabulary.RoleOf(c.Text)).ToList();
        bool byKind = headed.Contains(ColumnRole.Kind) || (headed.Contains(ColumnRole.Target) && (headed.Contains(ColumnRole.Baseline) || headed.Contains(ColumnRole.Current)));
        for (int i = 0; i < line.Cells.Count; i++)
        {
            LayoutCell cell = line.Cells[i];
            ColumnRole role = cell.Text.Length == 0 ? ColumnRole.None : _vocabulary.RoleOf(cell.Text);
            if (role == ColumnRole.None && byKind && IsYearOnly(cell.Text))
            {
                // 区分 | R2 | R3 …: a column per year, the row's 区分 saying whether its figures are planned or actual.
                role = ColumnRole.Actual;
            }

            if (role != ColumnRole.None)
            {
                withRole++;
            }
            else if (cell.Text.Length > 0)
            {
                without++;
            }

            columns.Add(new TableColumn(i, cell.Text, role, cell.Start, cell.End, HeaderYear.Of(cell.Text, _vocabulary), _vocabulary.UnitIn(cell.Text), line.Number));
        }

        bool hasValue = columns.Any(c => IsValueRole(c.Role) || c.Role == ColumnRole.Budget);
        if (withRole < 2 || without > 1 || !hasValue)
        {
            return null;
        }

        if (!columns.Any(c => c.Role is ColumnRole.Indicator or ColumnRole.Project)
            && columns.FindIndex(c => IsValueRole(c.Role)) is var valueAt and > 0
            && columns.FindLastIndex(valueAt, c => c.Role is ColumnRole.Measure or ColumnRole.Goal) is var named and >= 0
            && !columns.Skip(named + 1).Take(valueAt - named - 1).Any(c => c.Role == ColumnRole.None && c.Header.Length > 0))
        {
            // 施策名 | 基準値 | 目標値: the measure (or goal) column is the one that names the indicator.
            columns[named] = columns[named] with { Role = ColumnRole.Indicator };
        }

        if (!columns.Any(c => c.Role is ColumnRole.Indicator or ColumnRole.Project))
        {
            // The unnamed (or blank) column left of the first value column holds the indicator.
            int firstValue = columns.FindIndex(c => c.Role != ColumnRole.None);
            int label = columns.FindLastIndex(firstValue, c => c.Role == ColumnRole.None);
            if (label >= 0)
            {
                columns[label] = columns[label] with { Role = ColumnRole.Indicator };
            }
            else
            {
                double left = line.Separation is CellSeparation.Positions ? double.MinValue / 4 : -1;
                columns.Insert(0, new TableColumn(-1, string.Empty, ColumnRole.Indicator, left, left, null, null, line.Number));
            }
        }

        return columns;
    }

    private bool IsYearOnly(string text) => HeaderYear.IsOnlyYear(text, _vocabulary);

    public static bool IsValueRole(ColumnRole role) => role is ColumnRole.Baseline or ColumnRole.Current or ColumnRole.Target or ColumnRole.Actual;

    private bool IsFootnote(LayoutLine line) =>
        _vocabulary.FootnoteMarks.Any(m => line.Text.StartsWith(m, StringComparison.Ordinal));

    /// <summary>Places a line's cells in the table's columns: by ordinal for tabs and sheets, by position otherwise (cells
    /// left of the first value column belong to the indicator; others to the column whose centre is nearest).</summary>
    public static TableRow Place(LayoutLine line, IReadOnlyList<TableColumn> columns)
    {
        var placed = new LayoutCell?[columns.Count];
        if (line.Separation == CellSeparation.Positions && OrdinalColumns(line, columns) is { } ordinal)
        {
            // As many cells as the header has columns: the row lists them in order, however it is aligned.
            for (int i = 0; i < ordinal.Count; i++)
            {
                placed[ordinal[i]] = line.Cells[i];
            }

            return new TableRow(line.Number, line.LastNumber, placed);
        }

        for (int i = 0; i < line.Cells.Count; i++)
        {
            LayoutCell cell = line.Cells[i];
            if (cell.Text.Length == 0)
            {
                continue;
            }

            int at = Nearest(columns, cell, line.Separation);
            if (at < 0)
            {
                continue;
            }

            placed[at] = placed[at] is { } already ? already with { Text = already.Text + " " + cell.Text, End = cell.End } : cell;
        }

        return new TableRow(line.Number, line.LastNumber, placed);
    }

    /// <summary>A line of one cell under a tab-separated header (①移住の促進, 基本目標１ …): it stands in the first column.</summary>
    private static TableRow FirstColumn(LayoutLine line, IReadOnlyList<TableColumn> columns)
    {
        var placed = new LayoutCell?[columns.Count];
        int first = Math.Max(0, columns.ToList().FindIndex(c => c.Index >= 0));
        placed[first] = line.Cells.Count > 0 ? line.Cells[0] : null;
        return new TableRow(line.Number, line.LastNumber, placed);
    }

    /// <summary>The columns of a row's cells taken in order, when the row has one cell per header column (a header without
    /// an indicator cell counts its indicator column too); else null.</summary>
    private static List<int>? OrdinalColumns(LayoutLine line, IReadOnlyList<TableColumn> columns)
    {
        var usable = Enumerable.Range(0, columns.Count).Where(i => columns[i].Header.Length > 0 || columns[i].Role == ColumnRole.Indicator).ToList();
        return line.Cells.Count == usable.Count && line.Cells.All(c => c.Text.Length > 0) ? usable : null;
    }

    private static int Nearest(IReadOnlyList<TableColumn> columns, LayoutCell cell, CellSeparation separation)
    {
        if (separation is CellSeparation.Tabs or CellSeparation.Grid)
        {
            return columns.ToList().FindIndex(c => c.Index == (int)cell.Start);
        }

        int firstValue = columns.ToList().FindIndex(c => c.Role != ColumnRole.None && c.Role != ColumnRole.Indicator && c.Role != ColumnRole.Number);
        if (firstValue > 0 && (cell.End <= columns[firstValue].Start
            || (cell.Start < columns[firstValue].Start && !Quantity.TryParse(cell.Text, out _) && cell.Text.Any(CellText.IsJapanese))))
        {
            // (A long label that starts left of the figures and runs under the first value header is still the label.)
            // Left of the figures: labels are left-aligned, so the column whose start is nearest (a virtual indicator column
            // on the far left takes what no real column is near).
            int label = -1;
            double nearest = double.MaxValue;
            for (int i = 0; i < firstValue; i++)
            {
                double distance = columns[i].Index < 0 ? double.MaxValue / 2 : Math.Abs(columns[i].Start - cell.Start);
                if (distance < nearest)
                {
                    nearest = distance;
                    label = i;
                }
            }

            return label;
        }

        int best = -1;
        double bestDistance = double.MaxValue;
        for (int i = 0; i < columns.Count; i++)
        {
            if (columns[i].Index < 0)
            {
                continue;
            }

            double distance = Math.Abs(columns[i].Center - cell.Center);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }

        return best;
    }
}
