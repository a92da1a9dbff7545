using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StrategyAssistant.Ingestion.Formats;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace StrategyAssistant.Ingestion.Tests.Synthetic;

/// <summary>Writes a synthetic document as text (tabs or aligned spaces), as a PDF (cells placed where the aligned text puts
/// them, in a Japanese TrueType font) and as an .xlsx (cells in columns; figures written as numbers with number formats
/// and formulas with cached values where a sheet would have them).</summary>
public static class Renderings
{
    public const string FontPath = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf";

    /// <summary>For the few characters the Japanese font lacks (subscripts such as ₂).</summary>
    public const string FallbackFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private const double FontSize = 10;
    private const double LineHeight = 14;
    private const double Left = 40;
    private const int LinesPerPage = 50;

    public static string Text(SyntheticCity city, TextNotation? notation = null)
    {
        var sb = new StringBuilder();
        foreach ((string[] cells, int[] starts) in Placed(city.Lines))
        {
            if ((notation ?? city.Notation) == TextNotation.Tabs)
            {
                sb.Append(string.Join('\t', cells)).Append('\n');
                continue;
            }

            var line = new StringBuilder();
            for (int i = 0; i < cells.Length; i++)
            {
                if (cells[i].Length == 0)
                {
                    continue;
                }

                int width = TextNormalization.DisplayWidth(line.ToString());
                line.Append(' ', Math.Max(starts[i] - width, line.Length == 0 ? starts[i] : 2));
                line.Append(cells[i]);
            }

            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    public static byte[] Pdf(SyntheticCity city) => Pdf(city.Lines, 595, 842);

    /// <summary>The city's document on pages of <paramref name="linesPerPage"/> lines each (blank lines included), so its
    /// records stand on several pages.</summary>
    public static byte[] Pdf(SyntheticCity city, int linesPerPage) => Pdf(city.Lines, 595, 842, linesPerPage);

    /// <summary>A text document (tab-separated cells) set as a PDF on pages wide enough for its longest line.</summary>
    public static byte[] PdfFromText(string text)
    {
        string[][] lines = [.. Formats.TextNormalization.SplitLines(text).Select(l => l.Split('\t'))];
        double width = 80 + (Placed(lines).Max(p => p.Starts[Math.Min(p.Cells.Length, p.Starts.Length) - 1] + TextNormalization.DisplayWidth(p.Cells[^1])) * FontSize / 2);
        return Pdf(lines, Math.Max(595, width), 842);
    }

    private static byte[] Pdf(IReadOnlyList<string[]> lines, double pageWidth, double pageHeight, int linesPerPage = LinesPerPage)
    {
        var builder = new PdfDocumentBuilder();
        var fonts = new FontPool(builder, File.ReadAllBytes(FontPath), new FontPool(builder, File.ReadAllBytes(FallbackFontPath), null));
        PdfPageBuilder? page = null;
        int row = 0;
        foreach ((string[] cells, int[] starts) in Placed(lines))
        {
            if (page is null || row == linesPerPage)
            {
                page = builder.AddPage(pageWidth, pageHeight);
                row = 0;
            }

            double y = pageHeight - 42 - (row * LineHeight);
            for (int i = 0; i < cells.Length; i++)
            {
                if (cells[i].Length > 0)
                {
                    fonts.AddText(page, cells[i], Left + (starts[i] * FontSize / 2), y, FontSize);
                }
            }

            row++;
        }

        return builder.Build();
    }

    public static byte[] Xlsx(SyntheticCity city, string sheetName = "KPI")
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            WorkbookPart workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (int r = 0; r < city.Lines.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                string[] cells = city.Lines[r];
                for (int c = 0; c < cells.Length; c++)
                {
                    if (cells[c].Length > 0)
                    {
                        row.Append(Cell($"{StrategyAssistant.Documents.SourceLocation.ColumnName(c)}{r + 1}", cells[c]));
                    }
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        }

        return stream.ToArray();
    }

    /// <summary>Figures a sheet keeps as numbers: <c>1,200</c> (#,##0), <c>82.5%</c> (0.0%), <c>210人</c> (#,##0"人"); the
    /// rest as inline strings.</summary>
    private static Cell Cell(string reference, string text)
    {
        System.Text.RegularExpressions.Match m = System.Text.RegularExpressions.Regex.Match(text, @"^(?<n>[0-9][0-9,]*(?:\.[0-9]+)?)(?<u>%|人|件)?$");
        if (m.Success && !text.Contains('.', StringComparison.Ordinal) || (m.Success && m.Groups["u"].Value == "%"))
        {
            decimal n = decimal.Parse(m.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            string unit = m.Groups["u"].Value;
            uint style = unit switch { "%" => 2u, "人" => 3u, "件" => 4u, _ => text.Contains(',', StringComparison.Ordinal) ? 1u : 0u };
            decimal stored = unit == "%" ? n / 100 : n;
            var cell = new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(stored.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            if (unit == "人")
            {
                // A formula with its cached value: the reader shows the value, never evaluates.
                cell.CellFormula = new CellFormula($"{stored.ToString(System.Globalization.CultureInfo.InvariantCulture)}*1");
            }

            return cell;
        }

        return new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0\"人\"" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "#,##0\"件\"" }),
        new Fonts(new Font()),
        new Fills(new Fill()),
        new Borders(new Border()),
        new DocumentFormat.OpenXml.Spreadsheet.CellFormats(
            new CellFormat { NumberFormatId = 0 },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true }));

    /// <summary>PdfPig's simple TrueType fonts hold 255 characters each: the font is added again when one is full, and a
    /// text is set in runs, each run where the previous one ended.</summary>
    private sealed class FontPool(PdfDocumentBuilder builder, byte[] font, FontPool? fallback)
    {
        private readonly HashSet<char> _missing = [];

        private readonly List<(PdfDocumentBuilder.AddedFont Font, HashSet<char> Chars)> _fonts = [];

        public void AddText(PdfPageBuilder page, string text, double x, double y, double size)
        {
            int start = 0;
            while (start < text.Length)
            {
                if (_missing.Contains(text[start]) && fallback is not null)
                {
                    x = fallback.Add(page, text[start].ToString(), x, y, size);
                    start++;
                    continue;
                }

                int f = FontFor(text[start]);
                int end = start + 1;
                while (end < text.Length && !_missing.Contains(text[end]) && FontFor(text[end]) == f)
                {
                    end++;
                }

                try
                {
                    x = Add(page, text[start..end], x, y, size, f);
                }
                catch (InvalidOperationException) when (fallback is not null && end - start == 1)
                {
                    _missing.Add(text[start]);
                    x = fallback.Add(page, text[start..end], x, y, size);
                }
                catch (InvalidOperationException) when (fallback is not null)
                {
                    // Set the run one character at a time to find the one the font lacks.
                    for (int i = start; i < end; i++)
                    {
                        AddText(page, text[i].ToString(), x, y, size);
                        x = _lastX;
                    }
                }

                start = end;
            }

            _lastX = x;
        }

        private double _lastX;

        private double Add(PdfPageBuilder page, string run, double x, double y, double size, int? f = null)
        {
            var letters = page.AddText(run, size, new PdfPoint(x, y), _fonts[f ?? FontFor(run[0])].Font);
            _lastX = letters.Count == 0 ? x : letters.Max(l => l.EndBaseLine.X);
            return _lastX;
        }

        private int FontFor(char c)
        {
            for (int i = 0; i < _fonts.Count; i++)
            {
                if (_fonts[i].Chars.Contains(c))
                {
                    return i;
                }
            }

            int free = _fonts.FindIndex(f => f.Chars.Count < 250);
            if (free < 0)
            {
                _fonts.Add((builder.AddTrueTypeFont(font), []));
                free = _fonts.Count - 1;
            }

            _fonts[free].Chars.Add(c);
            return free;
        }
    }

    /// <summary>Each line's cells with their start columns: consecutive multi-cell lines form a block whose columns are as
    /// wide as their widest cell plus four spaces.</summary>
    private static IEnumerable<(string[] Cells, int[] Starts)> Placed(IReadOnlyList<string[]> lines)
    {
        int i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Length <= 1)
            {
                yield return (lines[i], [0]);
                i++;
                continue;
            }

            int end = i;
            while (end < lines.Count && lines[end].Length > 1)
            {
                end++;
            }

            int columns = lines.Skip(i).Take(end - i).Max(l => l.Length);
            int[] starts = new int[columns];
            for (int c = 1; c < columns; c++)
            {
                int widest = lines.Skip(i).Take(end - i).Where(l => l.Length > c - 1).Select(l => TextNormalization.DisplayWidth(l[c - 1])).DefaultIfEmpty(0).Max();
                starts[c] = starts[c - 1] + widest + 4;
            }

            for (; i < end; i++)
            {
                yield return (lines[i], starts);
            }
        }
    }
}
