using System.Globalization;
using System.Text.RegularExpressions;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Layout;

/// <summary>The year a table header cell names. Besides the era and 年度 forms of <see cref="FiscalYearParser"/>, a header
/// may write a Western year bare or with a year mark (基準値（2019）, FY2020 — a header holds no figures, so four digits are
/// a year there), or the date the figures stand at (直近値（R5.3月末）, 令和5年3月末時点, 2023年3月31日現在): that date's
/// fiscal year (April to March), written as the header writes it.</summary>
public static partial class HeaderYear
{
    /// <summary>One year a header states, with where it stands in the text; null when it states none.</summary>
    public static FiscalYearParser.Match? Find(string header, StrategyVocabulary vocabulary)
    {
        if (FiscalYearParser.FindAll(header).FirstOrDefault() is { Period: not null } stated)
        {
            return stated;
        }

        if (AsOf(header) is { } asOf)
        {
            return asOf;
        }

        string folded = FiscalYearParser.FoldWidth(header);
        foreach (Match m in BareWestern().Matches(folded))
        {
            string mark = vocabulary.YearPrefixes.Select(FiscalYearParser.FoldWidth)
                .FirstOrDefault(p => folded[..m.Index].EndsWith(p, StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
            int start = m.Index - mark.Length;
            var fiscal = new FiscalYear(int.Parse(m.Value, CultureInfo.InvariantCulture));
            return new FiscalYearParser.Match(new FiscalPeriod(fiscal, fiscal, header.Substring(start, m.Index + m.Length - start)), start, m.Index + m.Length - start);
        }

        return null;
    }

    /// <summary>The date a text states its figures at (R5.3月末, 令和5年3月31日現在, R5.3.31現在) as that date's fiscal year
    /// (April to March), written as the text writes it; null when it states none.</summary>
    public static FiscalYearParser.Match? AsOf(string text)
    {
        string folded = FiscalYearParser.FoldWidth(text);
        Match date = AsOfDate().Match(folded);
        if (!date.Success)
        {
            return null;
        }

        int year = date.Groups["west"].Success
            ? int.Parse(date.Groups["west"].Value, CultureInfo.InvariantCulture)
            : EraYear(date.Groups["era"].Value, date.Groups["y"].Value);
        int month = int.Parse(date.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return null;
        }

        // January to March belong to the fiscal year that began the April before.
        var fiscal = new FiscalYear(month <= 3 ? year - 1 : year);
        return new FiscalYearParser.Match(new FiscalPeriod(fiscal, fiscal, text.Substring(date.Index, date.Length)), date.Index, date.Length);
    }

    /// <summary>The period of <see cref="Find"/>, or null.</summary>
    public static FiscalPeriod? Of(string header, StrategyVocabulary vocabulary) => Find(header, vocabulary)?.Period;

    /// <summary>True when the header is only a year (R3, 2021年度, FY2021, （2019）).</summary>
    public static bool IsOnlyYear(string header, StrategyVocabulary vocabulary)
    {
        if (FiscalYearParser.FindAll(header).Count() > 1 || Find(header, vocabulary) is not { } year)
        {
            return false;
        }

        return StrategyVocabulary.Fold(header.Remove(year.Index, year.Length)).Trim('(', ')', '度').Length == 0;
    }

    private static int EraYear(string era, string number)
    {
        int n = number == "元" ? 1 : int.Parse(number, CultureInfo.InvariantCulture);
        return era is "令和" or "R" ? FiscalYear.FromReiwa(n).Year : FiscalYear.FromHeisei(n).Year;
    }

    // R5.3月末, 令和5年3月末時点, 2023年3月31日現在, R5.3.31現在: a date with a month (and day), at the end of it or as of it.
    [GeneratedRegex(@"(?:(?<era>令和|平成|R|H)\s?(?<y>元|[0-9]{1,2})|(?<![0-9])(?<west>(?:19|20)[0-9]{2}))\s?[年.．/]\s?(?<m>[0-9]{1,2})(?:\s?月)?(?:\s?[.．/]?\s?[0-9]{1,2}\s?日?)?\s?(?:末|時点|現在)(?:\s?(?:時点|現在))?")]
    private static partial Regex AsOfDate();

    [GeneratedRegex(@"(?<![0-9.,])(?:19|20)[0-9]{2}(?![0-9.,])")]
    private static partial Regex BareWestern();
}
