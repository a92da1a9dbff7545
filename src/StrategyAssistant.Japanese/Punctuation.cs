using System.Globalization;

namespace StrategyAssistant.Japanese;

/// <summary>Which characters start a punctuation token (see <see cref="JapaneseTokenizer.IsPunctuation"/>), as a table.</summary>
internal static class Punctuation
{
    private static readonly bool[] s_punctuation = BuildTable();

    /// <summary>
    /// True when a token starting with this character is punctuation (dropped when discarding punctuation):
    /// separators, control, format, punctuation and symbol categories.
    /// </summary>
    public static bool Is(char ch) => s_punctuation[ch];

    private static bool[] BuildTable()
    {
        var table = new bool[0x10000];
        for (int c = 0; c < table.Length; c++)
        {
            table[c] = Compute((char)c);
        }

        return table;
    }

    private static bool Compute(char ch)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(ch))
        {
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.DashPunctuation:
            case UnicodeCategory.OpenPunctuation:
            case UnicodeCategory.ClosePunctuation:
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.OtherPunctuation:
            case UnicodeCategory.MathSymbol:
            case UnicodeCategory.CurrencySymbol:
            case UnicodeCategory.ModifierSymbol:
            case UnicodeCategory.OtherSymbol:
            case UnicodeCategory.InitialQuotePunctuation:
            case UnicodeCategory.FinalQuotePunctuation:
                return true;
            default:
                return false;
        }
    }
}
