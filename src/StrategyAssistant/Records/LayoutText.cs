using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Records;

/// <summary>Text helpers shared by the layout readers: cells, marks (ア, ①), units in indicator names, departments, evaluations.</summary>
internal static partial class LayoutText
{
    /// <summary>Katakana marks in the order documents number their measures.</summary>
    private const string KatakanaMarks = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";

    /// <summary>A line without markup, heading hashes, bold stars or list bullets, trimmed.</summary>
    public static string Clean(string line)
    {
        string text = Markup.Strip(line).Trim();
        text = HeadingPrefix().Replace(text, string.Empty);
        return text.Trim();
    }

    /// <summary>The tab-separated cells of a line, each without markup and trimmed (empty cells kept, so positions stay).</summary>
    public static string[] Cells(string line)
    {
        string[] cells = line.Split('\t');
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = CollapseSpaces(Markup.Strip(cells[i])).Trim();
        }

        return cells;
    }

    /// <summary>The non-empty cells of a line, in order.</summary>
    public static List<string> NonEmptyCells(string line) => [.. Cells(line).Where(c => c.Length > 0)];

    /// <summary>Runs of spaces (including full-width) as one space.</summary>
    public static string CollapseSpaces(string text) => Spaces().Replace(text, " ");

    /// <summary>True for a lone measure mark: ア, イ …, ①, ②, (1).</summary>
    public static bool IsMark(string text) =>
        text.Length == 1 && (KatakanaMarks.Contains(text[0], StringComparison.Ordinal) || IsCircled(text[0]))
        || ParenNumber().IsMatch(text);

    /// <summary>Splits <c>ア 安心して…</c>, <c>①スポーツ…</c> or <c>① 旭川空港の利用拡大</c> into mark and title; null when there is no mark.</summary>
    public static (string Mark, string Title)? SplitMark(string text)
    {
        if (text.Length >= 2 && IsCircled(text[0]))
        {
            return (text[..1], text[1..].Trim());
        }

        if (text.Length >= 3 && KatakanaMarks.Contains(text[0], StringComparison.Ordinal) && char.IsWhiteSpace(text[1]))
        {
            return (text[..1], text[2..].Trim());
        }

        return null;
    }

    /// <summary>The mark after <paramref name="mark"/> (ア → イ, ① → ②), or null.</summary>
    public static string? NextMark(string? mark)
    {
        if (mark is not { Length: 1 })
        {
            return null;
        }

        int k = KatakanaMarks.IndexOf(mark[0], StringComparison.Ordinal);
        if (k >= 0 && k + 1 < KatakanaMarks.Length)
        {
            return KatakanaMarks[k + 1].ToString();
        }

        return IsCircled(mark[0]) && mark[0] < '⑳' ? ((char)(mark[0] + 1)).ToString() : null;
    }

    public static bool IsCircled(char c) => c is >= '①' and <= '⑳';

    /// <summary>Splits a trailing unit parenthesis off an indicator name: <c>まちなか居住人口(各年10月1日人数)(人)</c> → name and 人.</summary>
    public static (string Name, string? Unit) SplitUnit(string indicator)
    {
        System.Text.RegularExpressions.Match m = TrailingUnit().Match(indicator);
        if (m.Success && m.Index > 0 && IsUnitText(m.Groups["unit"].Value))
        {
            return (indicator[..m.Index].TrimEnd(), m.Groups["unit"].Value);
        }

        return (indicator, null);
    }

    /// <summary>True when the text reads as a unit: %, 人, PV, 千円, 万件, 箇所 … (short, no digits, no kana phrase).</summary>
    public static bool IsUnitText(string text) =>
        text.Length is > 0 and <= 4 && !text.Any(char.IsDigit) && !text.Any(c => c is >= '\u3040' and <= '\u309F') && !text.Contains('数', StringComparison.Ordinal)
        && !text.Contains("結果", StringComparison.Ordinal) && !text.Contains("合計", StringComparison.Ordinal);

    /// <summary>True when every space-separated part names an organisational unit (…部, …局, 保健所 …), e.g. <c>地域振興部 経済部</c>.</summary>
    public static bool LooksLikeDepartment(string text)
    {
        if (text.Length is 0 or > 40 || text.Contains('。', StringComparison.Ordinal) || text.Contains('、', StringComparison.Ordinal))
        {
            return false;
        }

        string joined = Department(text);
        return joined.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(part => DepartmentSuffix().IsMatch(part) && part.Length <= 16);
    }

    /// <summary>A department cell with line-wrap spaces removed: <c>観光スポーツ 交流部</c> → <c>観光スポーツ交流部</c>;
    /// several departments stay separated by one space (<c>地域振興部 経済部</c>).</summary>
    public static string Department(string text)
    {
        string[] parts = CollapseSpaces(text.Trim()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>();
        var pending = new StringBuilder();
        foreach (string part in parts)
        {
            pending.Append(part);
            if (DepartmentSuffix().IsMatch(part))
            {
                result.Add(pending.ToString());
                pending.Clear();
            }
        }

        if (pending.Length > 0)
        {
            result.Add(pending.ToString());
        }

        return string.Join(' ', result);
    }

    /// <summary>An evaluation cell (継続発展, 継続 発展, 継続, 見直し) as one word, or null.</summary>
    public static string? Evaluation(string text)
    {
        string compact = Spaces().Replace(text, string.Empty);
        return compact is "継続発展" or "継続" or "見直し" or "拡充" or "廃止" or "終了" ? compact : null;
    }

    /// <summary>An indicator name in a form two documents share: NFKC, no markup, no brackets' qualifiers such as
    /// (市民アンケート結果) or (各年度件数), no punctuation or spaces.</summary>
    public static string NormalizeIndicator(string name)
    {
        string text = Markup.Strip(name).Normalize(NormalizationForm.FormKC);
        text = SplitUnit(text).Name;
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

    [GeneratedRegex(@"^(?:#{1,6}\s*|\*\*|[-・]\s+)+")]
    private static partial Regex HeadingPrefix();

    [GeneratedRegex(@"[ \u3000\u00A0]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[(（][0-9０-９]{1,2}[)）]$")]
    private static partial Regex ParenNumber();

    [GeneratedRegex(@"\s?[(（](?<unit>[^()（）]{1,6})[)）]\s*$")]
    private static partial Regex TrailingUnit();

    [GeneratedRegex(@"(?:部|局|室|課|所|委員会|センター|本部|事務局)$")]
    private static partial Regex DepartmentSuffix();

    // Bracketed qualifiers that one document writes and the other leaves out.
    [GeneratedRegex(@"[(（【][^()（）【】]*[)）】]")]
    private static partial Regex Qualifier();
}
