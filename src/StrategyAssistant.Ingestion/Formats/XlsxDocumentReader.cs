using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Ingestion.Layout;

namespace StrategyAssistant.Ingestion.Formats;

/// <summary>Reads an .xlsx workbook through the Open XML SDK: every sheet in order, a line with the sheet's name, then one
/// line per row (missing rows blank, so a row's line follows the sheet's numbering), cells by column letter with their
/// address (<c>KPI!C12</c>). Formulas give their cached value; number formats (%, #,##0, "人") are applied as displayed;
/// a merged range's value stands in each row of its first column.</summary>
public sealed partial class XlsxDocumentReader : IDocumentReader
{
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public string Format => "xlsx";

    public bool Handles(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public LayoutDocument Read(DocumentInfo info, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new IngestException(info.File, "the file is empty (0 bytes).");
        }

        if (bytes.AsSpan().StartsWith(CompoundFileSignature))
        {
            // Excel saves a workbook with a password (and the old .xls format) as a compound file, not as a zip package.
            throw new IngestException(info.File, "the workbook is password-protected (encrypted) or in the old .xls format; save it as .xlsx without a password.");
        }

        var lines = new List<LayoutLine>();
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using SpreadsheetDocument workbook = SpreadsheetDocument.Open(stream, false);
            WorkbookPart part = workbook.WorkbookPart ?? throw new InvalidDataException("no workbook part");
            var strings = part.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var formats = new CellFormats(part.WorkbookStylesPart?.Stylesheet);
            foreach (Sheet sheet in part.Workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || part.GetPartById(id) is not WorksheetPart sheetPart)
                {
                    continue;
                }

                ReadSheet(sheet.Name?.Value ?? "Sheet", sheetPart.Worksheet, strings, formats, lines);
            }
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FormatException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new IngestException(info.File, $"the workbook cannot be read (damaged or not .xlsx): {ex.Message}", ex);
        }

        if (lines.All(l => l.IsBlank || l.Separation == CellSeparation.None))
        {
            throw new IngestException(info.File, "the workbook has no cells with values.");
        }

        return new LayoutDocument(info, lines, Format);
    }

    private static void ReadSheet(string name, Worksheet sheet, List<string> strings, CellFormats formats, List<LayoutLine> lines)
    {
        var grid = new SortedDictionary<int, SortedDictionary<int, string>>();
        foreach (Row row in sheet.Descendants<Row>())
        {
            foreach (Cell cell in row.Elements<Cell>())
            {
                if (cell.CellReference?.Value is not { } reference || !TryAddress(reference, out int r, out int c))
                {
                    continue;
                }

                string value = Value(cell, strings, formats);
                if (value.Length > 0)
                {
                    (grid.TryGetValue(r, out var cells) ? cells : grid[r] = [])[c] = value;
                }
            }
        }

        foreach (MergeCell merge in sheet.Descendants<MergeCell>())
        {
            string[] ends = (merge.Reference?.Value ?? string.Empty).Split(':');
            if (ends.Length == 2 && TryAddress(ends[0], out int r1, out int c1) && TryAddress(ends[1], out int r2, out _)
                && grid.TryGetValue(r1, out var top) && top.TryGetValue(c1, out string? value))
            {
                for (int r = r1 + 1; r <= r2; r++)
                {
                    (grid.TryGetValue(r, out var cells) ? cells : grid[r] = [])[c1] = value;
                }
            }
        }

        lines.Add(new LayoutLine(lines.Count + 1, 1, lines.Count + 1, name, [new LayoutCell(name, 0, 1, name)], CellSeparation.None));
        int lastRow = grid.Count == 0 ? 0 : grid.Keys.Max();
        int lastColumn = grid.Count == 0 ? 0 : grid.Values.Max(c => c.Keys.Max());
        for (int r = 1; r <= lastRow; r++)
        {
            if (!grid.TryGetValue(r, out var row))
            {
                lines.Add(new LayoutLine(lines.Count + 1, 1, lines.Count + 1, string.Empty, [], CellSeparation.None));
                continue;
            }

            var cells = new List<LayoutCell>(lastColumn + 1);
            for (int c = 0; c <= lastColumn; c++)
            {
                string text = CellText.Clean(TextNormalization.RemoveFormatCharacters(row.GetValueOrDefault(c) ?? string.Empty));
                cells.Add(new LayoutCell(text, c, c + 1, $"{name}!{ColumnName(c)}{r}"));
            }

            while (cells.Count > 1 && cells[^1].Text.Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            string lineText = string.Join("\t", cells.Select(x => x.Text)).Trim();
            lines.Add(new LayoutLine(lines.Count + 1, 1, lines.Count + 1, lineText, cells, CellSeparation.Grid));
        }
    }

    private static string Value(Cell cell, List<string> strings, CellFormats formats)
    {
        string raw = cell.CellValue?.Text ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < strings.Count ? strings[i] : string.Empty;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        if (cell.DataType?.Value == CellValues.String || cell.DataType?.Value == CellValues.Boolean || cell.DataType?.Value == CellValues.Error)
        {
            return raw;
        }

        // A number (or a formula's cached number): shown as its format shows it.
        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number)
            ? formats.Display(cell.StyleIndex?.Value ?? 0, number)
            : raw;
    }

    /// <summary>A1 → row 1, column 0.</summary>
    internal static bool TryAddress(string reference, out int row, out int column)
    {
        row = 0;
        column = -1;
        Match m = AddressPattern().Match(reference);
        if (!m.Success)
        {
            return false;
        }

        foreach (char ch in m.Groups["col"].Value.ToUpperInvariant())
        {
            column = ((column + 1) * 26) + (ch - 'A');
        }

        row = int.Parse(m.Groups["row"].Value, CultureInfo.InvariantCulture);
        return true;
    }

    internal static string ColumnName(int column) => SourceLocation.ColumnName(column);

    [GeneratedRegex("^(?<col>[A-Za-z]{1,3})(?<row>[0-9]+)$")]
    private static partial Regex AddressPattern();
}
