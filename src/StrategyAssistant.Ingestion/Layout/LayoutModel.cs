using StrategyAssistant.Documents;

namespace StrategyAssistant.Ingestion.Layout;

/// <summary>How a line's cells were found, which decides how they are matched to a table's columns.</summary>
public enum CellSeparation
{
    /// <summary>One cell: the line is prose or a heading.</summary>
    None,

    /// <summary>Tab-separated: empty cells are kept, so a cell's ordinal is its column.</summary>
    Tabs,

    /// <summary>Runs of spaces or gaps on a page: empty cells vanish, so cells are matched to columns by position.</summary>
    Positions,

    /// <summary>Spreadsheet cells: the column letter is the column.</summary>
    Grid,
}

/// <summary>One cell of a line: its text (markup and format characters removed), where it starts and ends on the line
/// (display columns for text, points for PDF, the column number for tabs and sheets), and its address in a sheet.</summary>
public sealed record LayoutCell(string Text, double Start, double End, string? Address = null)
{
    public double Center => (Start + End) / 2;
}

/// <summary>One line of a document with its place: the document-wide line number (what citations count), its page and
/// its line within the page (PDF), and its cells.</summary>
public sealed record LayoutLine(int Number, int Page, int PageLine, string Text, IReadOnlyList<LayoutCell> Cells, CellSeparation Separation)
{
    /// <summary>The line exactly as a text file wrote it (format characters removed), or null for PDF and sheets.</summary>
    public string? Raw { get; init; }

    /// <summary>How many lines under this one its cells run on to (a CSV field quoted over two lines); 0 for most lines.</summary>
    public int Continued { get; init; }

    /// <summary>True for a line whose text is the rest of a cell of the line above (<see cref="Continued"/>): it is read there.</summary>
    public bool Continues { get; init; }

    /// <summary>What the reader found wrong with the line as written (e.g. a CSV quote never closed), for a data-quality
    /// note; null for most lines.</summary>
    public string? Defect { get; init; }

    /// <summary>The last document line this line's cells stand on.</summary>
    public int LastNumber => Number + Continued;

    public bool IsBlank => Text.Length == 0;
}

/// <summary>A document as a format reader saw it: its manifest entry, its lines (pages are the lines' page numbers) and
/// the format it came from (text, pdf, xlsx).</summary>
public sealed record LayoutDocument(DocumentInfo Info, IReadOnlyList<LayoutLine> Lines, string Format)
{
    public int PageCount => Lines.Count == 0 ? 0 : Lines.Max(l => l.Page);

    /// <summary>The line numbered <paramref name="number"/> (1-based).</summary>
    public LayoutLine Line(int number) => Lines[number - 1];

    /// <summary>The document as the rest of the assistant reads it: one text line per layout line (a text file's lines as
    /// written; other formats' cells joined by tabs, with the empty cells a page leaves out put back by column alignment),
    /// so passages and line citations work the same for every format.</summary>
    public SourceDocument ToSourceDocument() => new(Info, ColumnGrid.TabLines(this))
    {
        Locations = Format == "text" ? null : [.. Lines.Select(l => LocationOf(l))],
    };

    /// <summary>Where line <paramref name="number"/> stands in the original: its sheet, row and the columns its cells span when
    /// its cells have addresses (a workbook), else its page and the printed line on it (a PDF, any paginated format); null for
    /// a text file (its line numbers are its place), a blank line or a line outside the document.</summary>
    public SourceLocation? Location(int number) => number >= 1 && number <= Lines.Count ? LocationOf(Lines[number - 1]) : null;

    private SourceLocation? LocationOf(LayoutLine line)
    {
        if (line.IsBlank || Format == "text")
        {
            return null;
        }

        if (!line.Cells.Any(c => c.Address is not null))
        {
            return SourceLocation.OnPage(line.Page, line.PageLine);
        }

        var filled = line.Cells.Select((c, i) => (Cell: c, Index: i)).Where(x => x.Cell.Text.Length > 0 && x.Cell.Address is not null).ToList();
        if (filled.Count == 0)
        {
            return null;
        }

        string address = filled[0].Cell.Address!;
        int bang = address.LastIndexOf('!');
        if (bang < 0)
        {
            // The line that names the sheet.
            return SourceLocation.InSheet(address);
        }

        return Formats.XlsxDocumentReader.TryAddress(address[(bang + 1)..], out int row, out _)
            ? SourceLocation.InSheet(address[..bang], row, filled[0].Index, filled[^1].Index)
            : SourceLocation.InSheet(address[..bang]);
    }

    /// <summary>A citation of lines <paramref name="from"/>..<paramref name="to"/>, with the pages and lines on them (PDF), or
    /// the cell given (sheet; else the cells the lines span).</summary>
    public Citation Cite(int from, int to, string? quote = null, string? cell = null)
    {
        quote ??= string.Join(" ", Enumerable.Range(from, to - from + 1).Select(n => Line(n).Text).Where(t => t.Length > 0));
        var citation = new Citation(Info.File, Info.Title, Info.City, from, to, quote) { Cell = cell };
        return SourceLocation.Place(citation, Location);
    }
}

/// <summary>A row of a table: the line it stands on (or the lines, when a label and its values or a spilled value are
/// joined) and its cells placed in the table's columns (null where the row has no cell).</summary>
public sealed record TableRow(int Line, int LineEnd, IReadOnlyList<LayoutCell?> Cells)
{
    public LayoutCell? this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : null;

    public string Text(int column) => this[column]?.Text ?? string.Empty;
}

/// <summary>A table found in a document: its header (one or more lines), caption (the line above that names it),
/// columns with their roles, rows, and footnotes (※ lines under it).</summary>
public sealed record LayoutTable(
    IReadOnlyList<LayoutLine> Header,
    LayoutLine? Caption,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<TableRow> Rows,
    IReadOnlyList<LayoutLine> Footnotes);

/// <summary>A column of a table: its header text, role, position and the year and unit its header (or the caption) gives.</summary>
public sealed record TableColumn(int Index, string Header, Vocabulary.ColumnRole Role, double Start, double End, Records.FiscalPeriod? Year, string? Unit, int HeaderLine)
{
    public double Center => (Start + End) / 2;
}
