using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace StrategyAssistant.Ingestion.Formats;

/// <summary>Reads a PDF's text layer through PdfPig: letters with their positions → lines (by baseline) → cells (by the gaps
/// between letters), a blank line where the page leaves an empty line's height, pages and the printed line on the page kept
/// so citations read 「p.12, 5行目」 (a blank line counts no line: a reader counts the lines printed on the page).</summary>
public sealed class PdfDocumentReader : IDocumentReader
{
    /// <summary>A gap wider than this many font sizes separates two cells; a narrower one wider than <see cref="SpaceGap"/> is a space.</summary>
    private const double CellGap = 0.9;

    private const double SpaceGap = 0.2;

    public string Format => "pdf";

    public bool Handles(string fileName) => fileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);

    public LayoutDocument Read(DocumentInfo info, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new IngestException(info.File, "the file is empty (0 bytes).");
        }

        var lines = new List<LayoutLine>();
        try
        {
            using PdfDocument pdf = PdfDocument.Open(bytes);
            foreach (Page page in pdf.GetPages())
            {
                ReadPage(page, lines);
            }
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new IngestException(info.File, "the PDF is encrypted; publish or save it without a password.", ex);
        }
        catch (Exception ex) when (ex is PdfDocumentFormatException or UglyToad.PdfPig.Fonts.InvalidFontFormatException or UglyToad.PdfPig.Fonts.CorruptCompressedDataException or InvalidOperationException or ArgumentException or IndexOutOfRangeException
            or NullReferenceException or FormatException or EndOfStreamException or IOException or InvalidCastException or KeyNotFoundException)
        {
            throw new IngestException(info.File, $"the PDF cannot be read (damaged or not a PDF): {ex.Message}", ex);
        }

        if (lines.All(l => l.IsBlank))
        {
            throw new IngestException(info.File, "the PDF has no text layer (a scan?); run OCR on it or add its text as a .txt file.");
        }

        return new LayoutDocument(info, lines, Format);
    }

    private static void ReadPage(Page page, List<LayoutLine> lines)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        var rows = new List<List<Letter>>();
        foreach (Letter letter in letters.OrderByDescending(l => Math.Round(l.StartBaseLine.Y, 1)).ThenBy(l => l.StartBaseLine.X))
        {
            List<Letter>? row = rows.Count == 0 ? null : rows[^1];
            if (row is not null && Math.Abs(row[0].StartBaseLine.Y - letter.StartBaseLine.Y) <= row[0].PointSize * 0.3)
            {
                row.Add(letter);
            }
            else
            {
                rows.Add([letter]);
            }
        }

        double lineHeight = TypicalLineHeight(rows);
        int pageLine = 0;
        double? previousY = null;
        foreach (List<Letter> row in rows)
        {
            double y = row[0].StartBaseLine.Y;
            if (previousY is { } py && lineHeight > 0)
            {
                // An empty line's height between two lines is a blank line, as in the text the page was set from.
                int blanks = (int)Math.Round((py - y) / lineHeight) - 1;
                for (int i = 0; i < Math.Min(blanks, 3); i++)
                {
                    lines.Add(new LayoutLine(lines.Count + 1, page.Number, pageLine, string.Empty, [], CellSeparation.None));
                }
            }

            previousY = y;
            pageLine++;
            List<LayoutCell> cells = Cells([.. row.OrderBy(l => l.StartBaseLine.X)]);
            string text = string.Join("  ", cells.Select(c => c.Text));
            lines.Add(new LayoutLine(lines.Count + 1, page.Number, pageLine, text, cells, cells.Count > 1 ? CellSeparation.Positions : CellSeparation.None));
        }
    }

    private static List<LayoutCell> Cells(List<Letter> row)
    {
        var cells = new List<LayoutCell>();
        var text = new System.Text.StringBuilder();
        double start = row[0].StartBaseLine.X;
        double end = row[0].EndBaseLine.X;
        foreach (Letter letter in row)
        {
            if (text.Length > 0)
            {
                double gap = letter.StartBaseLine.X - end;
                double size = Math.Max(letter.PointSize, 1);
                if (gap > size * CellGap)
                {
                    cells.Add(new LayoutCell(text.ToString(), start, end));
                    text.Clear();
                    start = letter.StartBaseLine.X;
                }
                else if (gap > size * SpaceGap)
                {
                    text.Append(' ');
                }
            }

            text.Append(TextNormalization.RemoveFormatCharacters(letter.Value));
            end = Math.Max(end, letter.EndBaseLine.X);
        }

        cells.Add(new LayoutCell(text.ToString(), start, end));
        return cells;
    }

    /// <summary>The most common distance between consecutive baselines: one line's height on this page.</summary>
    private static double TypicalLineHeight(List<List<Letter>> rows)
    {
        var gaps = new List<double>();
        for (int i = 1; i < rows.Count; i++)
        {
            gaps.Add(Math.Round(rows[i - 1][0].StartBaseLine.Y - rows[i][0].StartBaseLine.Y, 1));
        }

        return gaps.Count == 0 ? 0 : gaps.GroupBy(g => g).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
    }
}
