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
    /// <summary>A pipe-table line, or null when the line is not one.</summary>
    public static LayoutLine? Pipes(int number, string raw)
    {
        string t = raw.Trim();
        if (t.Length < 3 || t[0] != '|' || t[^1] != '|' || t.Count(c => c == '|') < 3)
        {
            return null;
        }

        if (Rule().IsMatch(t))
        {
            // |---|:---:|: the header rule; no cells, and not blank (the table goes on under it).
            return new LayoutLine(number, 1, number, t, [], CellSeparation.None);
        }

        string[] parts = t[1..^1].Split('|');
        return Cells(number, parts);
    }

    /// <summary>A CSV row: always for a .csv file; in a text file only a line of three or more fields with no space runs and no
    /// sentence end, and — unless it quotes — no field that looks like the thousands group of a number cut apart (an unquoted
    /// 1,200 is a number, not two cells).</summary>
    public static LayoutLine? Csv(int number, string raw, bool always)
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

        if (!always)
        {
            bool quoted = raw.Contains('"', StringComparison.Ordinal);
            bool cutNumber = !quoted && Enumerable.Range(1, fields.Count - 1).Any(i => ThousandsGroup().IsMatch(fields[i]) && EndsWithDigit().IsMatch(fields[i - 1]));
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

    [GeneratedRegex(@"^\|(?:\s*:?-{2,}:?\s*\|)+$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\d{3}(?:\D|$)")]
    private static partial Regex ThousandsGroup();

    [GeneratedRegex(@"[0-9]$")]
    private static partial Regex EndsWithDigit();
}
