using System.Globalization;
using System.Text.RegularExpressions;

namespace StrategyAssistant.Records;

/// <summary>A number as a document wrote it, parsed exactly: <c>1,669</c>, <c>△7.04%</c>, <c>▲312人</c>, <c>11億7,547万円</c>, <c>65.0%</c>.</summary>
/// <param name="Value">The exact value (decimal: money and rates are never rounded).</param>
/// <param name="Unit">The unit as written after the number (%, 人, 千円, 万円, PV …), or null.</param>
public readonly partial record struct Quantity(decimal Value, string? Unit)
{
    /// <summary>Parses a text that is a number and nothing more (besides a unit). <c>—</c>, <c>法定雇用率以上</c>, <c>基準値を維持</c>,
    /// <c>10%程度の増加</c> are not numbers: a unit never contains kana or a qualifier such as 以上, 程度, 増.</summary>
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
            if (!TryParseDigits(oku.Groups["oku"].Value, out decimal okuPart))
            {
                return false;
            }

            bool hasMan = oku.Groups["man"].Success;
            decimal value = okuPart;
            if (hasMan)
            {
                if (!TryParseDigits(oku.Groups["man"].Value, out decimal manPart) || okuPart > decimal.MaxValue / 100_000m)
                {
                    return false;
                }

                value = (okuPart * 10_000m) + manPart;
            }

            string unit = (hasMan ? "万" : "億") + oku.Groups["unit"].Value;
            quantity = new Quantity(oku.Groups["sign"].Success ? -value : value, unit);
            return true;
        }

        System.Text.RegularExpressions.Match m = NumberPattern().Match(folded);
        if (!m.Success || !TryParseDigits(m.Groups["num"].Value, out decimal number))
        {
            return false;
        }

        string unitText = m.Groups["unit"].Value.Trim();
        if (!IsUnit(unitText))
        {
            return false;
        }

        if (m.Groups["sign"].Success)
        {
            number = -number;
        }

        quantity = new Quantity(number, unitText.Length == 0 ? null : unitText);
        return true;
    }

    public static Quantity? Parse(string? text) => TryParse(text, out Quantity q) ? q : null;

    /// <summary>The number with thousands separators and the unit, e.g. <c>1,669人</c>, <c>-312人</c>.</summary>
    public override string ToString() =>
        Value.ToString("#,0.############################", CultureInfo.InvariantCulture) + Unit;

    private static bool TryParseDigits(string digits, out decimal value) =>
        decimal.TryParse(digits.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private static bool IsUnit(string unit)
    {
        foreach (char c in unit)
        {
            // Kana particles (の, を, で …), brackets and arrows mean a phrase, not a unit.
            if (c is >= '\u3040' and <= '\u309F' or '(' or ')' or '（' or '）' or '←' or '→' or ':' or '：' or '、' or '。' or '~' or '～')
            {
                return false;
            }
        }

        return !QualifierPattern().IsMatch(unit);
    }

    // A sign (△ ▲ − -), digits with thousands commas and a decimal part, then a short unit with no digits in it.
    [GeneratedRegex(@"^(?<sign>[△▲\-−])?\s?(?<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)\s?(?<unit>[^0-9\s,.]{0,6}?)\s?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?<sign>[△▲\-−])?(?<oku>[0-9]+(?:\.[0-9]+)?)億(?:(?<man>[0-9]{1,3}(?:,[0-9]{3})*|[0-9]+)万)?(?<unit>円|人)?$")]
    private static partial Regex OkuManPattern();

    [GeneratedRegex("以上|以下|未満|程度|前後|超|増|減|約|維持|向上|達成")]
    private static partial Regex QualifierPattern();
}
