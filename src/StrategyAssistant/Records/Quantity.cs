using System.Globalization;
using System.Text.RegularExpressions;

namespace StrategyAssistant.Records;

/// <summary>A number as a document wrote it, parsed exactly: <c>1,669</c>, <c>△7.04%</c>, <c>▲312人</c>, <c>11億7,547万円</c>, <c>65.0%</c>.</summary>
/// <param name="Value">The exact value (decimal: money and rates are never rounded).</param>
/// <param name="Unit">The unit as written after the number (%, 人, 千円, 万円, PV …), or null.</param>
public readonly partial record struct Quantity(decimal Value, string? Unit)
{
    /// <summary>Parses a text that is a number and nothing more (besides a unit). <c>—</c>, <c>法定雇用率以上</c>, <c>基準値を維持</c> are not numbers.</summary>
    public static bool TryParse(string? text, out Quantity quantity)
    {
        quantity = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string folded = FiscalYearParser.FoldWidth(text.Trim());
        System.Text.RegularExpressions.Match oku = OkuManPattern().Match(folded);
        if (oku.Success)
        {
            // 11億7,547万円: the value in the smallest unit written (万円 here).
            decimal okuPart = ParseDigits(oku.Groups["oku"].Value);
            bool hasMan = oku.Groups["man"].Success;
            decimal value = hasMan ? (okuPart * 10_000m) + ParseDigits(oku.Groups["man"].Value) : okuPart;
            string unit = (hasMan ? "万" : "億") + oku.Groups["unit"].Value;
            quantity = new Quantity(oku.Groups["sign"].Success ? -value : value, unit);
            return true;
        }

        System.Text.RegularExpressions.Match m = NumberPattern().Match(folded);
        if (!m.Success)
        {
            return false;
        }

        decimal number = ParseDigits(m.Groups["num"].Value);
        if (m.Groups["sign"].Success)
        {
            number = -number;
        }

        string? unitText = m.Groups["unit"].Value.Trim();
        quantity = new Quantity(number, unitText.Length == 0 ? null : unitText);
        return true;
    }

    public static Quantity? Parse(string? text) => TryParse(text, out Quantity q) ? q : null;

    private static decimal ParseDigits(string digits) =>
        decimal.Parse(digits.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    // A sign (△ ▲ − -), digits with thousands commas and a decimal part, then a short unit with no digits in it.
    [GeneratedRegex(@"^(?<sign>[△▲\-−])?\s?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?<unit>[^\d\s,.]{0,6}?)\s?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?<sign>[△▲\-−])?(?<oku>\d+(?:\.\d+)?)億(?:(?<man>\d{1,3}(?:,\d{3})*|\d+)万)?(?<unit>円|人)?$")]
    private static partial Regex OkuManPattern();
}
