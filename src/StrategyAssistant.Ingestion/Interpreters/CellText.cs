using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>The one cell-text module of the interpreters: cleaning lines and cells, marks (ア, ①, (1)), indicator names,
/// units in names, departments, evaluation words, role words before a value. Value cells are read by <see cref="CellValue"/>,
/// names compared by <see cref="NameSimilarity"/>.</summary>
public static partial class CellText
{
    /// <summary>Katakana marks in the order documents number their measures.</summary>
    private const string KatakanaMarks = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";

    /// <summary>An indicator as written, without leading bullets or numbering (○, ・, ①, (1), 1.) and PDF gaps.</summary>
    public static string Indicator(string text) =>
        IndicatorName(LeadingMark().Replace(text.Trim(), string.Empty)).Trim();

    /// <summary>The unit an indicator's name states in a trailing parenthesis (…（人）, …(%)).</summary>
    public static string? UnitOfName(string indicator, StrategyVocabulary vocabulary) => vocabulary.UnitIn(indicator);

    /// <summary>A value cell read with its year and unit defaults; the citation names the cell (sheet address when there is one).</summary>
    public static KpiValue Value(string text, Citation source, FiscalPeriod? year, string? unit, Citation? periodSource) =>
        CellValue.Value(text, source, year, unit) with { PeriodSource = periodSource };

    /// <summary>True when a cell holds a figure: a number with at most a unit, not a year alone.</summary>
    public static bool HasFigure(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        string withoutYears = text;
        foreach (FiscalYearParser.Match m in FiscalYearParser.FindAll(text).Reverse())
        {
            withoutYears = withoutYears.Remove(m.Index, m.Length);
        }

        return withoutYears.Any(c => c is >= '0' and <= '9' or >= '０' and <= '９') || KanjiNumerals.Contains(withoutYears);
    }

    /// <summary>A cell that continues the cell above (a note in parentheses, a year on its own).</summary>
    public static bool IsContinuation(string text) =>
        text.Length > 0 && (text[0] is '(' or '（' || (CellValue.HeaderYear(text) is not null && !HasFigure(text)));

    /// <summary>The cells of a tab-separated line, markup removed and trimmed (empty cells kept, so positions hold).</summary>
    public static string[] Cells(string line) => line.Split('\t').Select(Clean).ToArray();

    /// <summary>A line or cell without HTML/Markdown remnants (also tags <see cref="Markup"/> leaves, such as &lt;ul style=…&gt;), trimmed.</summary>
    public static string Clean(string text)
    {
        string stripped = Markup.Strip(text);
        if (stripped.Contains('<', StringComparison.Ordinal))
        {
            stripped = AnyTag().Replace(stripped, " ");
        }

        // Spaces are kept as written, except the runs left where markup was removed.
        return (string.Equals(stripped, text, StringComparison.Ordinal) ? stripped : MultiSpace().Replace(stripped, " ")).Trim();
    }

    /// <summary>A line without markup, heading hashes, bold stars or list bullets, trimmed.</summary>
    public static string CleanLine(string line)
    {
        string text = Markup.Strip(line).Trim();
        text = HeadingPrefix().Replace(text, string.Empty);
        return text.Trim();
    }

    /// <summary>The tab-separated cells of a line, each without markup and trimmed (empty cells kept, so positions stay).</summary>
    public static string[] CollapsedCells(string line)
    {
        string[] cells = line.Split('\t');
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = CollapseSpaces(Markup.Strip(cells[i])).Trim();
        }

        return cells;
    }

    /// <summary>The non-empty cells of a line, in order.</summary>
    public static List<string> NonEmptyCells(string line) => [.. CollapsedCells(line).Where(c => c.Length > 0)];

    /// <summary>Runs of spaces (including full-width) as one space.</summary>
    public static string CollapseSpaces(string text) => Spaces().Replace(text, " ");

    /// <summary>True for a lone measure mark: ア, イ …, ①, ②, (1).</summary>
    public static bool IsMark(string text) =>
        text.Length == 1 && (KatakanaMarks.Contains(text[0], StringComparison.Ordinal) || IsCircled(text[0]))
        || ParenNumber().IsMatch(text);

    /// <summary>Splits <c>ア 安心して…</c>, <c>①スポーツ…</c> or <c>① 空港の利用拡大</c> into mark and title; null when there is no mark.</summary>
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

    /// <summary>Splits a leading mark (①, ア, (1), 1.) from a title.</summary>
    public static (string? Mark, string Title) SplitCircledMark(string text)
    {
        string t = text.Trim();
        if (t.Length > 0 && IsCircled(t[0]))
        {
            int end = 1;
            while (end < t.Length && IsCircled(t[end]))
            {
                end++;
            }

            return (t[..end], t[end..].Trim());
        }

        return (null, t);
    }

    /// <summary>The circled marks at the start of a footnote such as <c>①②住民基本台帳人口 (…)</c>.</summary>
    public static IReadOnlyList<char> LeadingCircled(string text)
    {
        var marks = new List<char>();
        foreach (char c in text.TrimStart())
        {
            if (!IsCircled(c))
            {
                break;
            }

            marks.Add(c);
        }

        return marks;
    }

    /// <summary>An indicator name as written, without spaces the PDF extraction put between two Japanese characters
    /// (新規林業従事者 数 → 新規林業従事者数) and without footnote marks (※4).</summary>
    public static string IndicatorName(string text)
    {
        string t = FootnoteRef().Replace(Clean(text), string.Empty).Trim();
        return JapaneseGap().Replace(t, string.Empty);
    }

    /// <summary>True for a character of Japanese script (kana, kanji, full-width punctuation and brackets).</summary>
    public static bool IsJapanese(char c) =>
        c is (>= '\u3000' and <= '\u30FF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uFF00' and <= '\uFF65') or '～' or '・';

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

    /// <summary>An evaluation cell (継続発展, 継続 発展, 継続, 見直し: the vocabulary's evaluation words) as one word, or null.</summary>
    public static string? Evaluation(string text)
    {
        string compact = Spaces().Replace(text, string.Empty);
        return StrategyVocabulary.Default.EvaluationWords.Contains(compact, StringComparer.Ordinal) ? compact : null;
    }

    /// <summary>True for a cell holding an evaluation word or a piece of one that a narrow column wrapped onto its own
    /// line (継続 | 発展 of 継続発展): the word's head or tail, at least two characters.</summary>
    public static bool IsEvaluationPiece(string text)
    {
        string compact = Spaces().Replace(text, string.Empty);
        return Evaluation(compact) is not null
            || (compact.Length >= 2 && StrategyVocabulary.Default.EvaluationWords.Any(w => w.Length > compact.Length
                && (w.StartsWith(compact, StringComparison.Ordinal) || w.EndsWith(compact, StringComparison.Ordinal))));
    }

    [GeneratedRegex(@"^(?:[○〇●・◆◇■□◎★☆\-－※]\s*|[①-⑳]\s*|[（(][0-9０-９]{1,2}[)）]\s*|[0-9０-９]{1,2}[.．]\s+)+")]
    private static partial Regex LeadingMark();

    [GeneratedRegex(@"<[A-Za-z/][^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"[ \u00A0]{2,}")]
    private static partial Regex MultiSpace();

    [GeneratedRegex(@"※\s?\d+")]
    private static partial Regex FootnoteRef();

    [GeneratedRegex(@"(?<=[\u3040-\u30FF\u4E00-\u9FFF])\s+(?=[\u3040-\u30FF\u4E00-\u9FFF])")]
    private static partial Regex JapaneseGap();

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
}
