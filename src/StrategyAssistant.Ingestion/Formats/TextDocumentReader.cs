using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Ingestion.Layout;

namespace StrategyAssistant.Ingestion.Formats;

/// <summary>Reads UTF-8 text: lines at CR LF / CR / LF, format characters removed, markup remnants stripped from cells, and
/// cells separated by tabs or, in text taken from a PDF, by runs of two or more spaces (positions kept for alignment).</summary>
public sealed partial class TextDocumentReader : IDocumentReader
{
    public string Format => "text";

    public bool Handles(string fileName) =>
        fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public LayoutDocument Read(DocumentInfo info, byte[] bytes) =>
        FromText(info, Decode(info.File, bytes), csv: info.File.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));

    /// <summary>UTF-8 (with or without BOM); anything else is refused with what to do about it.</summary>
    public static string Decode(string file, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new IngestException(file, "the file is empty (0 bytes).");
        }

        if ((bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            || bytes.Take(512).Count(b => b == 0) > 8)
        {
            throw new IngestException(file, "the text is UTF-16; save it as UTF-8.");
        }

        try
        {
            string text = new UTF8Encoding(false, true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException ex)
        {
            throw new IngestException(file, "the text is not UTF-8 (Shift-JIS or another legacy encoding?); save it as UTF-8.", ex);
        }
    }

    public static LayoutDocument FromText(DocumentInfo info, string text) => FromText(info, text, csv: false);

    /// <summary>A text document; <paramref name="csv"/> reads every line as comma-separated values (a .csv file).</summary>
    public static LayoutDocument FromText(DocumentInfo info, string text, bool csv)
    {
        IReadOnlyList<string> raw = TextNormalization.SplitLines(text);
        var lines = new List<LayoutLine>(raw.Count);
        // The field count of the CSV line above (the header, or the row before): a line under it with as many is a row.
        int rowFields = 0;
        for (int i = 0; i < raw.Count; i++)
        {
            string line = TextNormalization.RemoveFormatCharacters(raw[i]);
            if (DelimitedLines.QuotedOver(raw, i, csv, rowFields) is { } quoted)
            {
                rowFields = quoted.Cells.Count;
                // A CSV field quoted over several lines: the row's cells on its first line, the lines it runs on to kept
                // (their own text, for citations) but read as part of it.
                lines.Add(quoted with { Raw = line });
                for (int j = 1; j <= quoted.Continued; j++)
                {
                    string rest = TextNormalization.RemoveFormatCharacters(raw[i + j]);
                    lines.Add(new LayoutLine(i + j + 1, 1, i + j + 1, CellText.Clean(rest), [], CellSeparation.None) { Raw = rest, Continues = true });
                }

                i += quoted.Continued;
                continue;
            }

            LayoutLine? delimited = csv ? DelimitedLines.Csv(i + 1, line, always: true, rowFields)
                : DelimitedLines.Pipes(i + 1, line) ?? DelimitedLines.Csv(i + 1, line, always: false, rowFields);
            LayoutLine read = delimited ?? ReadLine(i + 1, line);
            if (delimited is { Separation: CellSeparation.Tabs, Cells.Count: >= 3 } && line.Contains(',', StringComparison.Ordinal))
            {
                rowFields = delimited.Cells.Count;
            }
            else if (!read.IsBlank && !csv)
            {
                rowFields = 0;
            }

            lines.Add(read with { Raw = line });
        }

        return new LayoutDocument(info, lines, "text");
    }

    /// <summary>One text line: its clean text and its cells.</summary>
    public static LayoutLine ReadLine(int number, string raw)
    {
        string clean = CellText.Clean(raw);
        if (raw.Contains('\t', StringComparison.Ordinal))
        {
            string[] parts = raw.Split('\t');
            var cells = new List<LayoutCell>(parts.Length);
            for (int i = 0; i < parts.Length; i++)
            {
                cells.Add(new LayoutCell(CellText.Clean(parts[i]), i, i + 1));
            }

            // A line of only tabs is blank.
            return cells.All(c => c.Text.Length == 0)
                ? new LayoutLine(number, 1, number, string.Empty, [], CellSeparation.None)
                : new LayoutLine(number, 1, number, clean, cells, CellSeparation.Tabs);
        }

        string stripped = Markup.Strip(raw);
        MatchCollection gaps = SpaceRun().Matches(stripped);
        if (gaps.Count == 0 || clean.Length == 0)
        {
            return new LayoutLine(number, 1, number, clean, clean.Length == 0 ? [] : [new LayoutCell(clean, 0, TextNormalization.DisplayWidth(clean))], CellSeparation.None);
        }

        var spaced = new List<LayoutCell>();
        int at = 0;
        foreach (Match gap in gaps)
        {
            AddCell(stripped, at, gap.Index, spaced);
            at = gap.Index + gap.Length;
        }

        AddCell(stripped, at, stripped.Length, spaced);
        return spaced.Count <= 1
            ? new LayoutLine(number, 1, number, clean, spaced, CellSeparation.None)
            : new LayoutLine(number, 1, number, clean, spaced, CellSeparation.Positions);
    }

    private static void AddCell(string line, int from, int to, List<LayoutCell> cells)
    {
        string text = line[from..to];
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return;
        }

        int lead = text.Length - text.TrimStart().Length;
        int start = TextNormalization.DisplayWidth(line[..(from + lead)]);
        cells.Add(new LayoutCell(CellText.Clean(trimmed), start, start + TextNormalization.DisplayWidth(trimmed)));
    }

    // Two or more spaces (ASCII or ideographic): a column gap in text laid out by a PDF extraction.
    [GeneratedRegex("[ \u3000]{2,}")]
    private static partial Regex SpaceRun();
}
