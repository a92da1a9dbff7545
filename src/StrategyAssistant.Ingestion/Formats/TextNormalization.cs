using System.Globalization;
using System.Text;

namespace StrategyAssistant.Ingestion.Formats;

/// <summary>Text as every reader hands it on: lines split at CR LF, CR or LF, and format characters (zero-width space,
/// joiners, BOM, soft hyphen, direction marks) removed rather than turned into spaces, so 「移\u200b住者数」 is 移住者数.</summary>
public static class TextNormalization
{
    /// <summary>The lines of <paramref name="text"/>: a final line break ends the last line rather than starting another.</summary>
    public static IReadOnlyList<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\n' or '\r')
            {
                lines.Add(text[start..i]);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    /// <summary><paramref name="text"/> without Unicode format characters (category Cf).</summary>
    public static string RemoveFormatCharacters(string text)
    {
        int first = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.Format)
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(text[i]) != UnicodeCategory.Format)
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>How many columns a character takes in a monospaced rendering: 2 for East Asian wide and full-width characters.</summary>
    public static int DisplayWidth(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6')
            or (>= '\u2460' and <= '\u24FF') or (>= '\u2190' and <= '\u21FF') or (>= '\u25A0' and <= '\u25FF') or (>= '\u2600' and <= '\u26FF')
            ? 2
            : 1;

    public static int DisplayWidth(string text)
    {
        int width = 0;
        foreach (char c in text)
        {
            width += DisplayWidth(c);
        }

        return width;
    }
}
