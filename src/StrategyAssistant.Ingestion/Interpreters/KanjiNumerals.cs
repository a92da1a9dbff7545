using System.Text.RegularExpressions;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Figures written with kanji numerals, alone or mixed with digits: 十五人, 二十件, 九人, 百二十回, 4万2千人, ３万５千人,
/// 1億2千万円. The cell's text stays as written; this gives its number and the unit after it.</summary>
public static partial class KanjiNumerals
{
    /// <summary>The number and unit of a figure with kanji numerals, or false when the text is not one (a multiplier alone,
    /// 千人 or 万円, is a unit, not a figure; the unit must be one of the vocabulary's).</summary>
    public static bool TryParse(string text, out decimal value, out string? unit)
    {
        value = 0;
        unit = null;
        Match m = Figure().Match(FiscalYearParser.FoldWidth(text.Trim()));
        if (!m.Success || !m.Groups["num"].Value.Any(c => c is (>= '0' and <= '9') || Digit(c) >= 0 || c == '十'))
        {
            return false;
        }

        if (!m.Groups["num"].Value.Any(c => Digit(c) >= 0 || c is '十' or '百' or '千' or '万' or '億'))
        {
            // Digits only: the shared number parser's case.
            return false;
        }

        if (m.Groups["num"].Value is "一" or "〇")
        {
            // A lone 一 or 〇 is how a dash (－件) or a circle comes out of text extraction as often as a numeral: not a figure.
            return false;
        }

        string numeral = m.Groups["num"].Value;
        string rest = m.Groups["unit"].Value;
        if (numeral[^1] is '万' or '億' && numeral[..^1].IndexOfAny(['万', '億']) < 0)
        {
            // 十二万人: the multiplier stays with the unit, as in 12万人.
            rest = numeral[^1] + rest;
            numeral = numeral[..^1];
        }

        decimal total = 0;
        decimal section = 0;
        decimal digits = 0;
        bool hasDigits = false;
        string number = numeral.Replace(",", string.Empty, StringComparison.Ordinal);
        for (int i = 0; i < number.Length; i++)
        {
            char c = number[i];
            if (c is >= '0' and <= '9' or '.')
            {
                int end = i;
                while (end < number.Length && number[end] is >= '0' and <= '9' or '.')
                {
                    end++;
                }

                if (!decimal.TryParse(number[i..end], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out digits))
                {
                    return false;
                }

                hasDigits = true;
                i = end - 1;
            }
            else if (Digit(c) is var d and >= 0)
            {
                digits = (digits * 10) + d;
                hasDigits = true;
            }
            else if (c is '十' or '百' or '千')
            {
                decimal small = c switch { '十' => 10, '百' => 100, _ => 1000 };
                section += (hasDigits ? digits : 1) * small;
                digits = 0;
                hasDigits = false;
            }
            else
            {
                // 万 / 億: everything so far times the multiplier.
                decimal large = c == '万' ? 10_000 : 100_000_000;
                total += (section + digits) * large;
                section = 0;
                digits = 0;
                hasDigits = false;
            }
        }

        value = total + section + digits;
        if (m.Groups["sign"].Success)
        {
            value = -value;
        }

        unit = rest.Length == 0 ? null : rest;
        // Only a unit the vocabulary knows (一部実施 is a word, not one 部実施).
        return unit is null || Vocabulary.StrategyVocabulary.Default.UnitWords.Contains(unit.TrimStart('万', '億')) || unit is "万" or "億";
    }

    /// <summary>True when a kanji figure with a known unit stands anywhere in the text (累計十人, 九億円（令和6年度）, 年間三百人).</summary>
    public static bool Contains(string text)
    {
        string folded = FiscalYearParser.FoldWidth(text);
        foreach (Match run in Run().Matches(folded))
        {
            int end = run.Index + run.Length;
            for (int length = Math.Min(5, folded.Length - end); length >= 0; length--)
            {
                if (TryParse(folded.Substring(run.Index, run.Length + length), out _, out _))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int Digit(char c) => "〇一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);

    // A sign, the numeral (digits, kanji digits, 十百千万億), then a short unit with no numeral, kana particle or bracket.
    [GeneratedRegex(@"^(?<sign>[△▲\-−])?(?<num>[0-9.,〇一二三四五六七八九十百千万億]*[0-9〇一二三四五六七八九十百千万億])(?<unit>[^0-9\s〇一二三四五六七八九十百千万億\u3040-\u309F()（）]{0,5})$")]
    private static partial Regex Figure();

    [GeneratedRegex(@"[0-9.,〇一二三四五六七八九十百千万億]*[〇一二三四五六七八九十百千万億][0-9.,〇一二三四五六七八九十百千万億]*")]
    private static partial Regex Run();
}
