using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Formats;

/// <summary>Text lines whose cells are delimited by a character rather than by tabs or space runs: pipe (Markdown) tables
/// — <c>| 指標 | 基準値 | 目標値 |</c>, the <c>|---|---|</c> rule under the header kept as a line of no cells — and CSV rows
/// (quoted fields, <c>"1,200"</c>). Cells are numbered in order, like tab-separated cells.</summary>
internal static partial class DelimitedLines
{
    /// <summary>A pipe-table line, or null when the line is not one: half-width or full-width pipes (｜事業名｜担当課｜), outer
    /// pipes optional on either side (a ragged row that leaves out its last one, a table written without them), and the rule
    /// under the header (|---|, ｜－－｜, ーー｜ーー) kept as a line of no cells.</summary>
    public static LayoutLine? Pipes(int number, string raw)
    {
        string t = raw.Trim();
        char pipe = t.Contains('｜', StringComparison.Ordinal) ? '｜' : '|';
        int count = t.Count(c => c == pipe);
        bool leading = t.Length > 0 && t[0] == pipe;
        bool trailing = t.Length > 1 && t[^1] == pipe;
        // Between both outer pipes, two cells at least; without one of them, three (two inner pipes), so prose is left alone.
        int inner = count - (leading ? 1 : 0) - (trailing ? 1 : 0);
        if (t.Length < 3 || inner < (leading && trailing ? 1 : 2) || t.Contains('。', StringComparison.Ordinal) || t.Contains('\t', StringComparison.Ordinal))
        {
            return null;
        }

        string body = t[(leading ? 1 : 0)..(trailing ? t.Length - 1 : t.Length)];
        string[] parts = body.Split(pipe);
        if (parts.All(p => RuleCell().IsMatch(p)))
        {
            // The header rule: no cells, and not blank (the table goes on under it).
            return new LayoutLine(number, 1, number, t, [], CellSeparation.None);
        }

        return Cells(number, parts);
    }

    /// <summary>A CSV row: always for a .csv file; in a text file only a line of three or more fields with no space runs and no
    /// sentence end, and — unless it quotes — no field that looks like the thousands group of a number cut apart (an unquoted
    /// 1,200 is a number, not two cells).
    /// <para>Under a CSV header (<paramref name="rowFields"/>: the field count of the CSV line above, 0 when none), a line
    /// with exactly that many fields is a row even when a field looks like a thousands group (415,207 are two cells there),
    /// and a line with more fields is read with its unquoted thousands joined when that gives exactly that many
    /// (1,200,1,500 → 1,200 | 1,500).</para></summary>
    public static LayoutLine? Csv(int number, string raw, bool always, int rowFields = 0)
    {
        if (raw.Contains('\t', StringComparison.Ordinal) || (!always && !raw.Contains(',', StringComparison.Ordinal)))
        {
            return null;
        }

        List<string>? fields = Split(raw);
        if (fields is null)
        {
            return null;
        }

        bool quoted = raw.Contains('"', StringComparison.Ordinal);
        if (rowFields > 0 && fields.Count > rowFields && !quoted && JoinThousands(fields) is { } joined && joined.Count == rowFields)
        {
            fields = joined;
        }

        if (!always)
        {
            bool cutNumber = !quoted && fields.Count != rowFields && Enumerable.Range(1, fields.Count - 1).Any(i => ThousandsGroup().IsMatch(fields[i]) && EndsWithDigit().IsMatch(fields[i - 1]));
            if (fields.Count < 3 || raw.Contains('。', StringComparison.Ordinal) || raw.Contains("  ", StringComparison.Ordinal) || raw.Contains('\u3000') || cutNumber)
            {
                return null;
            }
        }

        if (fields.All(f => f.Trim().Length == 0))
        {
            return new LayoutLine(number, 1, number, string.Empty, [], CellSeparation.None);
        }

        return Cells(number, [.. fields]);
    }

    /// <summary>The CSV row that starts at line <paramref name="index"/> when a quoted field there runs on over the next lines
    /// (<c>"移住支援金給付事業</c> ⏎ <c>（新規）",企画課,"12,400"</c>), with <see cref="LayoutLine.Continued"/> set; else null.
    /// The break inside the field is dropped between Japanese characters (a wrapped name), a space elsewhere.</summary>
    /// <remarks>Under a CSV header (<paramref name="rowFields"/> fields), the joined row must have that many fields: else the
    /// quote is a stray one, and the line is read alone without it, marked with <see cref="LayoutLine.Defect"/>, so it
    /// swallows none of the rows under it.</remarks>
    public static LayoutLine? QuotedOver(IReadOnlyList<string> raw, int index, bool always, int rowFields = 0)
    {
        string first = raw[index];
        if (!first.Contains('"', StringComparison.Ordinal) || Split(first) is not null)
        {
            return null;
        }

        LayoutLine? over = JoinedOver(raw, index, always);
        if (rowFields == 0 || (over is not null && over.Cells.Count == rowFields))
        {
            return over;
        }

        string unquoted = TextNormalization.RemoveFormatCharacters(first).Replace("\"", string.Empty, StringComparison.Ordinal);
        return Csv(index + 1, unquoted, always, rowFields) is { Cells.Count: > 1 } alone && (always || alone.Cells.Count == rowFields)
            ? alone with { Defect = StrayQuote }
            : over;
    }

    /// <summary>The <see cref="LayoutLine.Defect"/> of a line whose quote was never closed.</summary>
    public const string StrayQuote = "csv-unclosed-quote";

    private static LayoutLine? JoinedOver(IReadOnlyList<string> raw, int index, bool always)
    {
        string first = raw[index];

        var joined = new StringBuilder(first);
        for (int j = index + 1; j < raw.Count && j <= index + MaxQuotedLines; j++)
        {
            string next = TextNormalization.RemoveFormatCharacters(raw[j]);
            if (next.Trim().Length == 0)
            {
                return null;
            }

            string before = joined.ToString().TrimEnd();
            string after = next.TrimStart();
            bool japanese = before.Length > 0 && Interpreters.CellText.IsJapanese(before[^1]) && Interpreters.CellText.IsJapanese(after[0]);
            joined.Clear().Append(before).Append(japanese ? string.Empty : " ").Append(after);
            if (Split(joined.ToString()) is not null)
            {
                return Csv(index + 1, joined.ToString(), always) is { Cells.Count: > 1 } line ? line with { Continued = j - index } : null;
            }
        }

        return null;
    }

    // A quote left open swallows at most this many lines: a stray quote costs only its neighbourhood.
    private const int MaxQuotedLines = 4;

    /// <summary>The fields with each unquoted thousands group joined to the number before it (1 | 200 → 1,200), or null
    /// when there is none.</summary>
    private static List<string>? JoinThousands(List<string> fields)
    {
        var joined = new List<string>(fields.Count);
        foreach (string field in fields)
        {
            if (joined.Count > 0 && ThousandsGroup().IsMatch(field) && NumberHead().IsMatch(joined[^1]))
            {
                joined[^1] += "," + field;
            }
            else
            {
                joined.Add(field);
            }
        }

        return joined.Count < fields.Count ? joined : null;
    }

    private static LayoutLine Cells(int number, string[] parts)
    {
        var cells = new List<LayoutCell>(parts.Length);
        for (int i = 0; i < parts.Length; i++)
        {
            cells.Add(new LayoutCell(Interpreters.CellText.Clean(parts[i].Trim()), i, i + 1));
        }

        string text = string.Join(" ", cells.Select(c => c.Text).Where(c => c.Length > 0));
        return cells.Count(c => c.Text.Length > 0) <= 1
            ? new LayoutLine(number, 1, number, text, [.. cells.Where(c => c.Text.Length > 0)], CellSeparation.None)
            : new LayoutLine(number, 1, number, text, cells, CellSeparation.Tabs);
    }

    /// <summary>Fields of a CSV line ("" inside quotes is a quote), or null when a quote is left open.</summary>
    private static List<string>? Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool inQuotes = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (inQuotes)
        {
            return null;
        }

        fields.Add(field.ToString());
        return fields;
    }

    // A cell of a header rule: dashes of any width (-, －, ー, ―, ─), with alignment colons.
    [GeneratedRegex(@"^\s*[:：]?[-－ー―─‐]+[:：]?\s*$")]
    private static partial Regex RuleCell();

    [GeneratedRegex(@"^\d{3}(?:\D|$)")]
    private static partial Regex ThousandsGroup();

    [GeneratedRegex(@"[0-9]$")]
    private static partial Regex EndsWithDigit();

    // The start of a number a thousands group can follow: 1 to 3 digits (after an optional sign or a joined group).
    [GeneratedRegex(@"^\s*[-－△▲]?(?:[0-9]{1,3})(?:,[0-9]{3})*\s*$")]
    private static partial Regex NumberHead();
}
