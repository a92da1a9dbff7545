using System.Globalization;
using System.Text.RegularExpressions;

namespace StrategyAssistant.Records;

/// <summary>The one parser of 基本目標 headings, for ingestion (headings, table rows, goal cells), the passage splitter and
/// the provenance pass: 基本目標１, ■基本目標２, 【基本目標3】, [基本目標 4], 基本目標Ⅰ, 基本目標三, （1）基本目標1, 基本目標1：…
/// — any numbering, any decoration before it, the title after it (empty for a number-only heading).</summary>
public static partial class GoalHeadings
{
    /// <summary>The 基本目標 a heading (a line without markup) names, or null.</summary>
    public static Goal? Parse(string text)
    {
        string t = LeadingMark().Replace(text.Trim(), string.Empty);
        Match m = Pattern().Match(t);
        if (!m.Success || Numeral(m.Groups["n"].Value) is not { } number)
        {
            return null;
        }

        return new Goal(number, m.Groups["title"].Value.Trim());
    }

    /// <summary>A number written in ASCII or full-width digits, Roman numerals (Ⅰ–Ⅻ) or kanji (一–十), or null.</summary>
    public static int? Numeral(string text)
    {
        string t = FiscalYearParser.FoldWidth(text.Trim());
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            return n;
        }

        int roman = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ".IndexOf(t, StringComparison.Ordinal);
        if (t.Length == 1 && roman >= 0)
        {
            return roman + 1;
        }

        int kanji = "一二三四五六七八九十".IndexOf(t, StringComparison.Ordinal);
        return t.Length == 1 && kanji >= 0 ? kanji + 1 : null;
    }

    [GeneratedRegex(@"^(?:[■□◆◇●○◎・#＃\s]+|[（(][0-9０-９]{1,2}[)）]\s*|[0-9０-９]{1,2}[.．]\s*)+")]
    private static partial Regex LeadingMark();

    [GeneratedRegex(@"^[【\[［〔<＜]?\s*基本目標\s*(?<n>[0-9０-９]+|[Ⅰ-Ⅻ]|[一二三四五六七八九十])\s*[】\]］〕>＞]?[\s:：.．、]*(?<title>.*)$")]
    private static partial Regex Pattern();
}
