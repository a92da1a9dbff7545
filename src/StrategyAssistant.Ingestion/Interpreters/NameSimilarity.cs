using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>The one name-similarity module: when two writings of an indicator or project name are the same name
/// (a normal form, bigram similarity, edit distance, a kana/kanji variant of one word).</summary>
public static partial class NameSimilarity
{
    /// <summary>An indicator name in a form two documents share: NFKC, no markup, no brackets' qualifiers such as
    /// (市民アンケート結果) or (各年度件数), no punctuation or spaces.</summary>
    public static string NormalizeIndicator(string name)
    {
        string text = Markup.Strip(name).Normalize(NormalizationForm.FormKC);
        text = CellText.SplitUnit(text).Name;
        text = Qualifier().Replace(text, string.Empty);
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Sørensen–Dice similarity of character bigrams (1 for equal strings, 0 for nothing shared).</summary>
    public static double Dice(string a, string b)
    {
        if (a.Length < 2 || b.Length < 2)
        {
            return a == b ? 1.0 : 0.0;
        }

        var counts = new Dictionary<(char, char), int>();
        for (int i = 0; i + 1 < a.Length; i++)
        {
            (char, char) key = (a[i], a[i + 1]);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        int common = 0;
        for (int i = 0; i + 1 < b.Length; i++)
        {
            (char, char) key = (b[i], b[i + 1]);
            if (counts.GetValueOrDefault(key) > 0)
            {
                counts[key]--;
                common++;
            }
        }

        return 2.0 * common / (a.Length - 1 + b.Length - 1);
    }

    /// <summary>Edit distance, for matching an indicator name written two ways (暮らし / くらし).</summary>
    public static int Distance(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The same name, or the same name with one word written in kana instead of kanji (暮らし / くらし).</summary>
    public static bool IsSameOrKanaVariant(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        if (Math.Min(a.Length, b.Length) < 8 || Distance(a, b) > 1)
        {
            return false;
        }

        int start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        bool Hiragana(string s) => start < s.Length && s[start] is >= '\u3041' and <= '\u309F';
        return Hiragana(a) || Hiragana(b);
    }

    /// <summary>A name for comparison: no spaces, brackets unified.</summary>
    public static string Key(string text) =>
        FiscalYearParser.FoldWidth(text).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("　", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"[(（【][^()（）【】]*[)）】]")]
    private static partial Regex Qualifier();
}
