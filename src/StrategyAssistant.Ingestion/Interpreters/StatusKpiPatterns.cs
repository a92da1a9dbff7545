using System.Text.RegularExpressions;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>The patterns of the status-column notation's readers.</summary>
internal static partial class StatusKpiPatterns
{
    [GeneratedRegex(@"^(?<source>[^(（]*?)\s*[(（](?:基準値\s*[:：]\s*(?<base>[^、,)）]+))?[、,]?\s*(?:目標値\s*[:：]\s*(?<target>[^、,)）]+))?[)）]")]
    internal static partial Regex FootnotePattern();

    [GeneratedRegex(@"(\d{4})\s?[~～〜\-]\s?(\d{4})年")]
    internal static partial Regex YearSpan();

    [GeneratedRegex(@"^(?<project>.+?)との共通指標\s*(?:[(（](?<q>[^)）]+)[)）])?$")]
    internal static partial Regex SharedPattern();

    [GeneratedRegex(@"\s?[(（](?<inner>[^()（）]+)[)）]$")]
    internal static partial Regex TrailingParenthesis();

    [GeneratedRegex(@"(?:事業|補助金|交付金|助成金)$")]
    internal static partial Regex ProjectWord();

    [GeneratedRegex(@"【[^】]*】")]
    internal static partial Regex BracketNote();

    [GeneratedRegex(@"^(?:国|全国|.+[市町村道県府都])$")]
    internal static partial Regex PlaceName();

    [GeneratedRegex(@"^○\s*(?<name>\S+?事業)\s*(?<count>\d+)事業\s*(?<amount>\d[\d,.]*億(?:[\d,]+万)?円|[\d,]+万円|[\d,]+千円|[\d,]+円)$")]
    internal static partial Regex GoalTotalPattern();

    [GeneratedRegex(@"(?<name>[^\s○（(・]+?事業)(?<count>\d+事業)?\s*(?<kind>事業費|交付金額)\s*(?<amount>\d[\d,.]*億(?:[\d,]+万)?円|[\d,]+万円|[\d,]+千円|[\d,]+円)\s*[（(](?<note>[^）)]+)[）)]")]
    internal static partial Regex BudgetPattern();

    [GeneratedRegex(@"○\s*(?<grant>[^\s・○]+交付金)\s*(?<items>(?:・.+?)+?)\s*計\s*(?<count>\d+)事業\s*(?<amount>[\d,]+千円|[\d,]+万円|[\d,]+円)")]
    internal static partial Regex AdoptedPattern();

    [GeneratedRegex(@"延べ\s*(?<count>\d+)事業\s*(?<amount>[\d,]+千円|[\d,]+万円|\d[\d,.]*億(?:[\d,]+万)?円)")]
    internal static partial Regex TotalAdoptedPattern();

    [GeneratedRegex(@"(?:^|\s)・")]
    internal static partial Regex ItemSeparator();
}
