namespace StrategyAssistant.Documents;

/// <summary>Where one line of a document stands in the file it was read from: a PDF page and the line on it (printed lines
/// counted from the top of the page), or a sheet, its row and the columns its cells span. Text files have none: their line
/// numbers are their place.</summary>
public sealed record SourceLocation
{
    /// <summary>The PDF page (1-based), or null.</summary>
    public int? Page { get; init; }

    /// <summary>The printed line on <see cref="Page"/> (1-based), or null.</summary>
    public int? PageLine { get; init; }

    /// <summary>The sheet's name, or null for a PDF.</summary>
    public string? Sheet { get; init; }

    /// <summary>The sheet's row (1-based); null for the line that names the sheet.</summary>
    public int? Row { get; init; }

    /// <summary>The first and last column (0-based: A is 0) that hold a value on the row.</summary>
    public int? FirstColumn { get; init; }

    public int? LastColumn { get; init; }

    public static SourceLocation OnPage(int page, int pageLine) => new() { Page = page, PageLine = pageLine };

    public static SourceLocation InSheet(string sheet, int? row = null, int? firstColumn = null, int? lastColumn = null) =>
        new() { Sheet = sheet, Row = row, FirstColumn = firstColumn, LastColumn = lastColumn };

    /// <summary>A column's letters: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int column)
    {
        string name = string.Empty;
        for (int c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary><paramref name="citation"/> with the page (and the page and line it ends on) or the sheet's cells of its lines,
    /// where it has none yet; <paramref name="at"/> gives a line's location (null for a blank line or a text file).</summary>
    public static Citation Place(Citation citation, Func<int, SourceLocation?> at)
    {
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(at);
        SourceLocation? first = null;
        SourceLocation? last = null;
        for (int n = citation.Line; n <= Math.Max(citation.Line, citation.LineEnd) && n >= 1; n++)
        {
            if (at(n) is { } here)
            {
                first ??= here;
                last = here;
            }
        }

        if (first is null || last is null)
        {
            return citation;
        }

        if (first.Page is { } page)
        {
            return citation with
            {
                Page = citation.Page ?? page,
                PageLine = citation.PageLine ?? first.PageLine,
                PageEnd = citation.PageEnd ?? last.Page,
                PageLineEnd = citation.PageLineEnd ?? last.PageLine,
            };
        }

        return first.Sheet is { } sheet && citation.Cell is null ? citation with { Cell = Range(sheet, first, last, citation, at) } : citation;
    }

    /// <summary>The cells the lines span: <c>KPI!A12:F14</c>, one cell <c>KPI!A12</c>, or the sheet's name for its title line.</summary>
    private static string Range(string sheet, SourceLocation first, SourceLocation last, Citation citation, Func<int, SourceLocation?> at)
    {
        if (first.Row is not { } top || first.FirstColumn is null)
        {
            return sheet;
        }

        int left = int.MaxValue;
        int right = 0;
        for (int n = citation.Line; n <= Math.Max(citation.Line, citation.LineEnd); n++)
        {
            if (at(n) is { Sheet: { } s, FirstColumn: { } a, LastColumn: { } b } && s == sheet)
            {
                left = Math.Min(left, a);
                right = Math.Max(right, b);
            }
        }

        int bottom = last.Sheet == sheet && last.Row is { } r ? r : top;
        string from = $"{ColumnName(left)}{top}";
        string to = $"{ColumnName(right)}{bottom}";
        return from == to ? $"{sheet}!{from}" : $"{sheet}!{from}:{to}";
    }
}
