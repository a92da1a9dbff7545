using System.Globalization;
using System.Text;

namespace StrategyAssistant.Answering;

/// <summary>Cleans what a user typed: format characters (zero-width space, joiners, BOM, soft hyphen) are removed, so
/// 「移\u200b住」 reads as 「移住」; control characters and lone surrogates become spaces; Unicode is NFKC-normalised (全角
/// digits and letters, 半角 katakana); runs of white space collapse. Nothing else is changed.</summary>
public static class QuestionText
{
    public static string Normalize(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(raw.Length);
        bool space = false;
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            bool lone = (char.IsHighSurrogate(c) && (i + 1 >= raw.Length || !char.IsLowSurrogate(raw[i + 1])))
                || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(raw[i - 1])));
            if (category == UnicodeCategory.Format)
            {
                // Invisible inside a word: removing it keeps the word whole.
                continue;
            }

            if (char.IsWhiteSpace(c) || category == UnicodeCategory.Control || lone || c == '\uFFFD')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        string text = builder.ToString();
        return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
    }
}
