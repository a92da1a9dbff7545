using System.Globalization;
using System.Text.RegularExpressions;

namespace StrategyAssistant.Records;

/// <summary>The one place that turns era notations into fiscal years: 令和6年度, R6, R6年度, 令和元年度, R元年度, 平成30年度, H30,
/// 2024年度, 6年度 (inside a 令和 table), and spans such as 平成28-30年度 or 令和2-6年度累計.</summary>
public static partial class FiscalYearParser
{
    /// <summary>Which era a bare <c>N年度</c> belongs to, when the surrounding table implies one.</summary>
    public enum Era
    {
        None,
        Reiwa,
        Heisei,
    }

    /// <summary>One year expression found in a text, with where it stands.</summary>
    public readonly record struct Match(FiscalPeriod Period, int Index, int Length);

    /// <summary>The first year expression in <paramref name="text"/>, or null.</summary>
    public static FiscalPeriod? Parse(string? text, Era bareEra = Era.None)
    {
        foreach (Match match in FindAll(text, bareEra))
        {
            return match.Period;
        }

        return null;
    }

    /// <summary>Every year expression in <paramref name="text"/>, left to right.</summary>
    public static IEnumerable<Match> FindAll(string? text, Era bareEra = Era.None)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        // Width folding keeps indices: full-width digits and Latin letters map one to one.
        string folded = FoldWidth(text);
        foreach (System.Text.RegularExpressions.Match m in YearPattern().Matches(folded))
        {
            FiscalPeriod? period = ToPeriod(m, text, bareEra);
            if (period is not null)
            {
                yield return new Match(period, m.Index, m.Length);
            }
        }
    }

    /// <summary>Full-width ASCII (０-９, Ａ-Ｚ, －, ～) to half-width, one char for one char.</summary>
    public static string FoldWidth(string text)
    {
        bool any = false;
        foreach (char c in text)
        {
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                any = true;
                break;
            }
        }

        if (!any)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                span[i] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            }
        });
    }

    private static FiscalPeriod? ToPeriod(System.Text.RegularExpressions.Match m, string original, Era bareEra)
    {
        string asWritten = original.Substring(m.Index, m.Length);
        bool cumulative = m.Groups["cum"].Success;
        if (m.Groups["west"].Success)
        {
            int start = int.Parse(m.Groups["west"].Value, CultureInfo.InvariantCulture);
            int end = m.Groups["west2"].Success ? int.Parse(m.Groups["west2"].Value, CultureInfo.InvariantCulture) : start;
            return end < start ? null : new FiscalPeriod(new FiscalYear(start), new FiscalYear(end), asWritten, cumulative);
        }

        Era era;
        if (m.Groups["era"].Success)
        {
            era = m.Groups["era"].Value is "令和" or "R" or "r" ? Era.Reiwa : Era.Heisei;
        }
        else if (bareEra != Era.None)
        {
            era = bareEra;
        }
        else
        {
            return null;
        }

        FiscalYear first = ToYear(era, m.Groups["y1"].Value);
        FiscalYear last = first;
        if (m.Groups["y2"].Success)
        {
            Era era2 = m.Groups["era2"].Success ? (m.Groups["era2"].Value is "令和" or "R" or "r" ? Era.Reiwa : Era.Heisei) : era;
            last = ToYear(era2, m.Groups["y2"].Value);
        }

        return last < first ? null : new FiscalPeriod(first, last, asWritten, cumulative);
    }

    private static FiscalYear ToYear(Era era, string number)
    {
        int n = number == "元" ? 1 : int.Parse(number, CultureInfo.InvariantCulture);
        return era == Era.Reiwa ? FiscalYear.FromReiwa(n) : FiscalYear.FromHeisei(n);
    }

    // era (令和|平成|R|H) or a bare number that must be followed by 年度; optional span; optional 累計 / 合計.
    // A year followed by a month (R3年9月, 2022年12月) is a date, not a fiscal year, and is skipped.
    [GeneratedRegex(
        @"(?:(?<![A-Za-z])(?<era>令和|平成|R|H)\s?(?<y1>元|[0-9]{1,2})(?![0-9]|\.[0-9])(?!\s?年\s?[0-9]{1,2}\s?月)(?:\s?年度?)?" +
        @"(?:\s?[-‐－―～〜~]\s?(?:(?<era2>令和|平成|R|H)\s?)?(?<y2>元|[0-9]{1,2})(?![0-9])(?!\s?年\s?[0-9]{1,2}\s?月)(?:\s?年度?)?)?" +
        @"|(?<![0-9.,])(?<west>(?:19|20)[0-9]{2})(?!\s?年\s?[0-9]{1,2}\s?月)\s?年度?(?:\s?[-‐－―～〜~]\s?(?<west2>(?:19|20)[0-9]{2})\s?年度?)?" +
        @"|(?<![0-9.,A-Za-z])(?<y1>[0-9]{1,2})(?:\s?[-‐－―～〜~]\s?(?<y2>[0-9]{1,2}))?\s?年度)" +
        @"(?<cum>\s?(?:累計|合計|間の合計))?")]
    private static partial Regex YearPattern();
}
