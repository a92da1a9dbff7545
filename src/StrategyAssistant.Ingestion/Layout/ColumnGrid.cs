namespace StrategyAssistant.Ingestion.Layout;

/// <summary>Puts back the empty cells a page leaves out. Within a block of lines (up to a blank line) the cells' start
/// positions fall into columns; a line's cells are written into their columns with tabs, empty columns kept, so a line
/// whose first cell is empty reads <c>\t受給率 …</c> as its text form does.</summary>
public static class ColumnGrid
{
    public static List<string> TabLines(LayoutDocument document)
    {
        var result = new List<string>(document.Lines.Count);
        IReadOnlyList<LayoutLine> lines = document.Lines;
        int i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Raw is { } raw)
            {
                result.Add(raw);
                i++;
                continue;
            }

            if (lines[i].IsBlank || lines[i].Separation is CellSeparation.Tabs or CellSeparation.Grid)
            {
                result.Add(lines[i].Separation == CellSeparation.None ? lines[i].Text : string.Join('\t', lines[i].Cells.Select(c => c.Text)));
                i++;
                continue;
            }

            int end = i;
            while (end < lines.Count && !lines[end].IsBlank && lines[end].Raw is null && lines[end].Separation is CellSeparation.None or CellSeparation.Positions)
            {
                end++;
            }

            List<double> columns = Columns(lines, i, end);
            for (; i < end; i++)
            {
                result.Add(Line(lines[i], columns));
            }
        }

        return result;
    }

    private static string Line(LayoutLine line, List<double> columns)
    {
        var cells = new List<string>();
        foreach (LayoutCell cell in line.Cells)
        {
            int column = Nearest(columns, cell.Start);
            while (cells.Count < column)
            {
                cells.Add(string.Empty);
            }

            if (cells.Count > column)
            {
                cells[^1] += " " + cell.Text;
            }
            else
            {
                cells.Add(cell.Text);
            }
        }

        return string.Join('\t', cells);
    }

    /// <summary>Column starts: the distinct cell starts of the block, those within a tolerance of each other merged.</summary>
    private static List<double> Columns(IReadOnlyList<LayoutLine> lines, int from, int to)
    {
        var starts = new List<double>();
        double height = 0;
        for (int i = from; i < to; i++)
        {
            foreach (LayoutCell cell in lines[i].Cells)
            {
                starts.Add(cell.Start);
                height = Math.Max(height, (cell.End - cell.Start) / Math.Max(1, cell.Text.Length));
            }
        }

        // Half a character's width: cells of one column start within it of each other.
        double tolerance = Math.Max(1, height / 2);
        var columns = new List<double>();
        foreach (double start in starts.Order())
        {
            if (columns.Count == 0 || start - columns[^1] > tolerance)
            {
                columns.Add(start);
            }
        }

        return columns;
    }

    private static int Nearest(List<double> columns, double start)
    {
        int best = 0;
        for (int i = 1; i < columns.Count; i++)
        {
            if (Math.Abs(columns[i] - start) < Math.Abs(columns[best] - start))
            {
                best = i;
            }
        }

        return best;
    }
}
