using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering.Grounding;

/// <summary>What kind of quantity a unit makes a figure.</summary>
public enum UnitKind
{
    None,
    Money,
    Percent,
    Other,
}

/// <summary>A number as it stands in a text, read the same way in answers and in sources: digits (half- or full-width, with
/// thousands commas) or kanji numerals (四十五, 四万五千, 4万5千), then its unit. <see cref="Full"/> is the value with every
/// multiplier applied (1,104,287千円 → 1,104,287,000 円; 902.9千人 → 902,900 人); <see cref="Raw"/> the number before a
/// trailing multiplier (1,104,287), which is what a cell of a 千円 table writes.</summary>
public readonly record struct NumberToken(int Index, int Length, string Text, decimal Full, decimal Raw, string? Unit, UnitKind Kind, bool IsDate);

/// <summary>Reads numbers and their units out of prepared text (see <see cref="Figures.Prepare"/>).</summary>
public static partial class Figures
{
    private const string KanjiDigits = "〇零一二三四五六七八九";
    private const string SmallMultipliers = "十百千";
    private const string LargeMultipliers = "万億兆";

    /// <summary>NFKC (full-width digits, ％ and ，become ASCII), no citation markers ([1]) or circled list marks (①), and era
    /// years in kanji (令和六年度) as digits, so that <see cref="FiscalYearParser"/> reads them.</summary>
    public static string Prepare(string text)
    {
        string folded = CircledMark().Replace(CitationMarker().Replace(text, " "), " ").Normalize(NormalizationForm.FormKC);
        return KanjiEraYear().Replace(folded, m =>
            m.Groups["era"].Value + (m.Groups["n"].Value == "元" ? "元" : ParseKanji(m.Groups["n"].Value)?.ToString(CultureInfo.InvariantCulture) ?? m.Groups["n"].Value) + m.Groups["tail"].Value);
    }

    /// <summary>The numbers of <paramref name="text"/> outside its year expressions, left to right.</summary>
    public static List<NumberToken> Scan(string text, GroundingVocabulary vocabulary, IReadOnlyList<string>? extraUnits = null)
    {
        var years = FiscalYearParser.FindAll(text).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
        var tokens = new List<NumberToken>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            bool arabic = char.IsAsciiDigit(c) && (i == 0 || !(char.IsAsciiDigit(text[i - 1]) || text[i - 1] == '.'));
            bool kanji = !arabic && IsKanjiDigit(c) && (i == 0 || (text[i - 1] != '第' && !IsNumeral(text[i - 1])));
            if (!arabic && !kanji)
            {
                i++;
                continue;
            }

            int end = ReadNumeral(text, i, out decimal full, out decimal raw, out bool hasKanji);
            if (end <= i)
            {
                i++;
                continue;
            }

            (string? unit, int unitEnd, bool isDate) = ReadUnit(text, end, vocabulary, extraUnits);
            bool inYear = years.Any(y => i >= y.Index && i < y.End);
            if (!inYear && (!hasKanji || unit is not null))
            {
                UnitKind kind = unit is null ? UnitKind.None : unit == "円" ? UnitKind.Money : vocabulary.PercentUnits.Contains(unit) ? UnitKind.Percent : UnitKind.Other;
                tokens.Add(new NumberToken(i, unitEnd - i, text[i..unitEnd], full, raw, unit, kind, isDate));
            }

            i = Math.Max(end, i + 1);
        }

        return tokens;
    }

    /// <summary>Reads one value of a record (its text and unit) as a token, or null when it is not a number.</summary>
    public static NumberToken? Read(string valueText, string? unit, GroundingVocabulary vocabulary)
    {
        string text = Prepare(valueText).Trim();
        string? folded = unit is null ? null : GroundingVocabulary.Fold(unit);
        if (folded is not null && !text.EndsWith(folded, StringComparison.Ordinal))
        {
            text += folded;
        }

        List<NumberToken> tokens = Scan(text, vocabulary, folded is null ? null : [folded, .. UnitWithoutMultiplier(folded)]);
        return tokens.Count > 0 ? tokens[0] : null;
    }

    /// <summary>True when a claimed figure and a source figure are the same quantity: equal after every multiplier (money in
    /// yen, 千人 in 人), or equal as written when one of them carries no unit. Signs (△ ▲ −) are not compared.</summary>
    public static bool SameQuantity(NumberToken claim, NumberToken source)
    {
        bool eitherBare = claim.Kind == UnitKind.None || source.Kind == UnitKind.None;
        if (eitherBare)
        {
            return claim.Full == source.Full || claim.Raw == source.Raw || claim.Full == source.Raw || claim.Raw == source.Full;
        }

        if ((claim.Kind == UnitKind.Money) != (source.Kind == UnitKind.Money) || (claim.Kind == UnitKind.Percent) != (source.Kind == UnitKind.Percent))
        {
            return false;
        }

        return claim.Full == source.Full;
    }

    private static IEnumerable<string> UnitWithoutMultiplier(string unit) =>
        unit.Length > 1 && (SmallMultipliers.Contains(unit[0], StringComparison.Ordinal) || LargeMultipliers.Contains(unit[0], StringComparison.Ordinal)) ? [unit[1..]] : [];

    private static bool IsKanjiDigit(char c) => KanjiDigits.Contains(c, StringComparison.Ordinal) || c == '十';

    private static bool IsNumeral(char c) => KanjiDigits.Contains(c, StringComparison.Ordinal) || SmallMultipliers.Contains(c, StringComparison.Ordinal) || LargeMultipliers.Contains(c, StringComparison.Ordinal);

    /// <summary>Reads digits and kanji numerals with their multipliers from <paramref name="start"/>: 四十五, 四万五千, 4万5千,
    /// 11億428万7千, 1,104,287千. Returns the end index.</summary>
    private static int ReadNumeral(string text, int start, out decimal full, out decimal raw, out bool hasKanji)
    {
        decimal total = 0, section = 0;
        decimal? current = null;
        decimal trailing = 1;
        hasKanji = false;
        int i = start;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c) && current is null)
            {
                Match m = ArabicNumber().Match(text, i);
                if (!m.Success || m.Index != i || !decimal.TryParse(m.Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
                {
                    break;
                }

                current = value;
                trailing = 1;
                i += m.Length;
            }
            else if (KanjiDigits.Contains(c, StringComparison.Ordinal) && current is null)
            {
                current = Math.Max(0, KanjiDigits.IndexOf(c, StringComparison.Ordinal) - 1);
                hasKanji = true;
                trailing = 1;
                i++;
            }
            else if (SmallMultipliers.Contains(c, StringComparison.Ordinal) && (current is not null || i == start || hasKanji))
            {
                decimal multiplier = c switch { '十' => 10m, '百' => 100m, _ => 1_000m };
                hasKanji |= current is null;
                section += (current ?? 1) * multiplier;
                current = null;
                trailing *= multiplier;
                i++;
            }
            else if (LargeMultipliers.Contains(c, StringComparison.Ordinal) && (current is not null || section > 0))
            {
                decimal multiplier = c switch { '万' => 10_000m, '億' => 100_000_000m, _ => 1_000_000_000_000m };
                total += (section + (current ?? 0)) * multiplier;
                section = 0;
                current = null;
                trailing *= multiplier;
                i++;
            }
            else
            {
                break;
            }
        }

        full = total + section + (current ?? 0);
        // The number before the trailing multipliers (1755百万 → 1755, as a 百万円 table writes it).
        raw = current is null && trailing > 1 ? full / trailing : full;
        return i;
    }

    private static (string? Unit, int End, bool IsDate) ReadUnit(string text, int at, GroundingVocabulary vocabulary, IReadOnlyList<string>? extraUnits)
    {
        foreach (int position in new[] { at, at + 1 })
        {
            if (position > at && (at >= text.Length || text[at] != ' '))
            {
                break;
            }

            foreach (string date in vocabulary.DateUnits)
            {
                if (string.CompareOrdinal(text, position, date, 0, date.Length) == 0)
                {
                    return (date, position + date.Length, true);
                }
            }

            string? best = null;
            foreach (string unit in (extraUnits ?? []).Concat(vocabulary.Units))
            {
                if ((best is null || unit.Length > best.Length) && string.CompareOrdinal(text, position, unit, 0, unit.Length) == 0)
                {
                    best = unit;
                }
            }

            if (best is not null)
            {
                return (best, position + best.Length, false);
            }
        }

        return (null, at, false);
    }

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?")]
    private static partial Regex ArabicNumber();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex CitationMarker();

    [GeneratedRegex("[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]")]
    private static partial Regex CircledMark();

    [GeneratedRegex("(?<era>令和|平成)(?<n>元|[〇一二三四五六七八九十]+)(?<tail>年)")]
    private static partial Regex KanjiEraYear();

    internal static decimal? ParseKanji(string numeral)
    {
        int end = ReadNumeral(numeral, 0, out decimal full, out _, out _);
        return end == numeral.Length ? full : null;
    }
}
