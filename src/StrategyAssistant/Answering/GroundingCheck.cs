using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>The result of a grounding check: the numbers of the answer that no cited source contains.</summary>
public sealed record GroundingResult(IReadOnlyList<string> Untraced)
{
    public bool Grounded => Untraced.Count == 0;
}

/// <summary>Checks that every number in an answer stands in a source it cites. Numbers are compared after normalising
/// full-width digits, thousands commas and trailing zeros (65.0 = 65); money is also compared across 千円 / 万円 / 億円 / 円;
/// fiscal years are compared as years whatever the era notation (令和6年度 = R6 = 2024年度). A number is also traced when it
/// is in the question, when it is the count of the answer's bullet lines, or when it is the sum of the answer's other figures.</summary>
public static partial class GroundingCheck
{
    public static GroundingResult Check(string answerText, IEnumerable<string> sourceQuotes, string question = "")
    {
        string answer = Prepare(CitationMarker().Replace(answerText, " "));
        string sources = Prepare(string.Join("\n", sourceQuotes));
        string asked = Prepare(question);

        HashSet<int> sourceYears = Years(sources);
        HashSet<int> askedYears = Years(asked);
        var allowed = new HashSet<decimal>(Numbers(RemoveYears(sources)).Select(n => n.Value));
        foreach (decimal value in Numbers(RemoveYears(asked)).Select(n => n.Value))
        {
            allowed.Add(value);
        }

        // Era numbers that stand in the sources (令和6 → 6) and the years themselves.
        foreach (int year in sourceYears.Concat(askedYears))
        {
            allowed.Add(year);
            allowed.Add(year - 2018);
            allowed.Add(year - 1988);
        }

        var untraced = new List<string>();
        foreach (FiscalYearParser.Match match in FiscalYearParser.FindAll(answer))
        {
            for (int year = match.Period.Start.Year; year <= match.Period.End.Year; year += Math.Max(1, match.Period.End.Year - match.Period.Start.Year))
            {
                if (!sourceYears.Contains(year) && !askedYears.Contains(year))
                {
                    untraced.Add(match.Period.Text);
                    break;
                }
            }
        }

        List<(string Text, decimal Value, string Unit)> numbers = Numbers(RemoveYears(answer));
        int bullets = answer.Split('\n').Count(l => l.TrimStart().StartsWith('・'));
        decimal sumOfOthers(decimal self) => numbers.Where(n => n.Value != self && n.Unit.Length > 0).Sum(n => n.Value);
        foreach ((string text, decimal value, string unit) in numbers)
        {
            if (allowed.Contains(value) || Scaled(value, unit).Any(allowed.Contains) || value == bullets || (unit.Length > 0 && value == sumOfOthers(value)))
            {
                continue;
            }

            untraced.Add(text);
        }

        return new GroundingResult(untraced);
    }

    /// <summary>As <see cref="Check(string, IEnumerable{string}, string)"/> over an answer's text and cited quotes, also
    /// accepting a derived figure through <see cref="Answer.Derivations"/> only: its expression stands in the text, every
    /// operand stands in the quote of its citation, and the arithmetic recomputes to its result.</summary>
    public static GroundingResult Check(Answer answer, string question = "")
    {
        GroundingResult plain = Check(answer.Text, answer.Citations.Select(c => c.Quote), question);
        if (plain.Grounded || answer.Derivations.Count == 0)
        {
            return plain;
        }

        static decimal? Value(string text) => NumberPattern().Match(Prepare(text)) is { Success: true } m
            && decimal.TryParse(m.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal v) ? v : null;
        string text = Prepare(answer.Text);
        var results = new HashSet<decimal>();
        foreach (Derivation d in answer.Derivations)
        {
            var operands = d.Operands.Select(o => Value(o.Value)).ToList();
            bool cited = d.Operands.All(o => o.Citation >= 1 && o.Citation <= answer.Citations.Count
                && Prepare(answer.Citations[o.Citation - 1].Quote).Replace(",", string.Empty, StringComparison.Ordinal).Contains(Prepare(o.Value).Replace(",", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
            decimal? result = Value(d.Result);
            bool recomputes = result is decimal r && operands.All(o => o is not null) && d.Kind switch
            {
                DerivationKind.Sum => operands.Sum(o => o!.Value) == r,
                DerivationKind.Difference => operands.Count == 2 && Math.Abs(operands[1]!.Value - operands[0]!.Value) == r,
                DerivationKind.Count => operands.Count == r,
                DerivationKind.Ratio => operands.Count == 2 && operands[1] != 0 && Math.Round(operands[0]!.Value / operands[1]!.Value * 100, 1) == r,
                _ => operands.Contains(r),
            };
            if (cited && recomputes && text.Contains(Prepare(d.Expression), StringComparison.Ordinal))
            {
                results.Add(result!.Value);
            }
        }

        return new GroundingResult([.. plain.Untraced.Where(u => Value(u) is not decimal v || !results.Contains(v))]);
    }

    /// <summary>NFKC, so ０-９ and ，become ASCII; 「△」「▲」 stay as signs. Circled list marks (①, ⑫) are marks, not figures.</summary>
    private static string Prepare(string text) => CircledMark().Replace(text, " ").Normalize(NormalizationForm.FormKC);

    [GeneratedRegex("[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]")]
    private static partial Regex CircledMark();

    private static HashSet<int> Years(string text) =>
        [.. FiscalYearParser.FindAll(text).SelectMany(m => Enumerable.Range(m.Period.Start.Year, m.Period.End.Year - m.Period.Start.Year + 1))];

    private static string RemoveYears(string text)
    {
        var builder = new StringBuilder(text);
        foreach (FiscalYearParser.Match match in FiscalYearParser.FindAll(text).OrderByDescending(m => m.Index))
        {
            builder.Remove(match.Index, match.Length).Insert(match.Index, new string(' ', match.Length));
        }

        return builder.ToString();
    }

    private static List<(string Text, decimal Value, string Unit)> Numbers(string text)
    {
        var list = new List<(string, decimal, string)>();
        foreach (Match m in NumberPattern().Matches(text))
        {
            if (decimal.TryParse(m.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
            {
                list.Add((m.Value, value, m.Groups["u"].Value));
            }
        }

        return list;
    }

    /// <summary>The same amount in the other money units (1,104,287千円 = 110,428.7万円 = 1,104,287,000円).</summary>
    private static IEnumerable<decimal> Scaled(decimal value, string unit)
    {
        decimal? yen = unit switch
        {
            "千円" => value * 1_000m,
            "万円" => value * 10_000m,
            "億円" => value * 100_000_000m,
            "円" => value,
            _ => null,
        };
        if (yen is decimal y)
        {
            yield return y;
            yield return y / 1_000m;
            yield return y / 10_000m;
            yield return y / 100_000_000m;
        }
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex CitationMarker();

    // A number (with thousands commas and decimals) and the money unit after it, if any. Digits inside words such as
    // 第2期 or ①… are numbers too, and must be in the sources like any other.
    [GeneratedRegex(@"(?<![\d.,])(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?<u>千円|万円|億円|円)?")]
    private static partial Regex NumberPattern();
}
