using System.Text.RegularExpressions;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Cell and line readings added for other cities' notations: goal cells in any numbering, a level word written
/// before an indicator (【数値目標】, ＫＰＩ, 数値目標：), value cells that state no figure (－, 算出不可, 調査中).</summary>
public static partial class CellTextNotations
{
    /// <summary>A goal cell of a table (1 しごとをつくる, Ⅱ 交流人口の拡大, 基本目標１ …): the goal, or null.</summary>
    public static Goal? GoalCell(string text)
    {
        if (HeadingParser.Goal(text) is { } heading)
        {
            return heading;
        }

        Match m = NumberedTitle().Match(text.Trim());
        return m.Success && GoalHeadings.Numeral(m.Groups["n"].Value) is { } number ? new Goal(number, m.Groups["title"].Value.Trim()) : null;
    }

    /// <summary>A measure cell of a table (①酪農経営の安定化, (1)雪冷熱エネルギーの活用, 施策1 …): its mark and title.</summary>
    public static Measure? MeasureCell(string text)
    {
        string t = text.Trim();
        if (t.Length == 0)
        {
            return null;
        }

        Match m = MeasureMark().Match(t);
        return m.Success && m.Groups["title"].Value.Trim().Length > 0
            ? new Measure(m.Groups["mark"].Value.Trim(), m.Groups["title"].Value.Trim())
            : new Measure(null, t);
    }

    /// <summary>A level word written before an indicator — 【数値目標】…, ＜KPI＞…, 数値目標：…, ＫＰＩ　… — removed; the level it
    /// names (goal-level 数値目標 or measure-level KPI), or None when there is no such word.</summary>
    public static string StripLevelWord(string text, StrategyVocabulary vocabulary, out FigureSection level)
    {
        level = FigureSection.None;
        string t = text.Trim();
        Match m = LevelPrefix().Match(t);
        if (!m.Success)
        {
            return t;
        }

        string word = StrategyVocabulary.Fold(m.Groups["word"].Value);
        if (vocabulary.GoalTargetMarkers.Any(w => string.Equals(StrategyVocabulary.Fold(w), word, StringComparison.Ordinal)))
        {
            level = FigureSection.GoalTargets;
        }
        else if (vocabulary.KpiMarkers.Any(w => string.Equals(StrategyVocabulary.Fold(w), word, StringComparison.Ordinal)))
        {
            level = FigureSection.MeasureKpis;
        }
        else
        {
            return t;
        }

        string rest = t[m.Length..].Trim();
        return rest.Length == 0 ? t : rest;
    }

    /// <summary>A role word at the start of a value part (基準値16人, 目標：40人) and the value after it.</summary>
    public static (ColumnRole Role, string Value) SplitRoleWord(string part, StrategyVocabulary vocabulary)
    {
        Match m = RoleWordPrefix().Match(part.Trim());
        if (m.Success)
        {
            ColumnRole role = vocabulary.RoleOf(m.Groups["word"].Value);
            if (TableFinder.IsValueRole(role))
            {
                return (role, m.Groups["rest"].Value.Trim());
            }
        }

        // 現状 年間四人, 目標 累計十人: a role word, a space, then a value that opens with a word (年間, 累計) or a kanji numeral.
        string[] pieces = part.Trim().Split([' ', '\u3000', '：', ':'], 2, StringSplitOptions.TrimEntries);
        if (pieces.Length == 2 && pieces[0].Length is > 0 and <= 5 && TableFinder.IsValueRole(vocabulary.RoleOf(pieces[0]))
            && (CellText.HasFigure(pieces[1]) || pieces[1][0] is '〇' or '一'))
        {
            return (vocabulary.RoleOf(pieces[0]), pieces[1]);
        }

        return (ColumnRole.None, part.Trim());
    }

    /// <summary>True for a cell that states no figure on purpose: －, ―, ー, -, 算出不可, 調査中, 未集計 … (the mark itself is kept
    /// verbatim as the value; its reason is looked for elsewhere).</summary>
    public static bool IsNoFigureMark(string text, StrategyVocabulary vocabulary)
    {
        string t = NoteTail().Replace(text.Trim(), string.Empty).Trim();
        return t.Length == 0 || t is "－" or "―" or "ー" or "-" or "‐" or "—" or "−" or "…" or "*" or "＊"
            || vocabulary.NoFigureWords.Any(w => string.Equals(StrategyVocabulary.Fold(w), StrategyVocabulary.Fold(t), StringComparison.Ordinal));
    }

    /// <summary>The parenthesis written after a no-figure mark: －（令和４年度は海水浴場を開設せず） → 令和４年度は海水浴場を開設せず.</summary>
    public static string? ParenthesisAfterMark(string text)
    {
        Match m = NoteTail().Match(text.Trim());
        return m.Success && m.Index > 0 ? m.Groups["note"].Value.Trim() : null;
    }

    [GeneratedRegex(@"^(?<n>[0-9０-９]{1,2}|[Ⅰ-Ⅻ])[\s.．、)）]*(?<title>\S.*)$")]
    private static partial Regex NumberedTitle();

    [GeneratedRegex(@"^(?<mark>施策\s*[0-9０-９]+(?:\s*[-－ー‐]\s*[（(]?[0-9０-９]+[)）]?)*|[①-⑳]|[（(][0-9０-９]{1,2}[)）]|[0-9０-９]{1,2}[-－][0-9０-９]{1,2}|[ア-コ](?=[\s　．.、]))[\s　．.、]*(?<title>.*)$")]
    private static partial Regex MeasureMark();

    [GeneratedRegex(@"^(?:[【\[［〔<＜《]\s*(?<word>[^】\]］〕>＞》]{2,12}?)\s*[】\]］〕>＞》]|(?<word>[^\s：:　]{2,12}?)\s*[：:]|(?<word>ＫＰＩ|KPI)[\s　]+)\s*")]
    private static partial Regex LevelPrefix();

    [GeneratedRegex(@"[（(](?<note>[^（）()]*)[)）]\s*$")]
    private static partial Regex NoteTail();

    [GeneratedRegex(@"^(?<word>[^\s0-9０-９：:（(△▲−\-]{1,4}?)(?:[：:]\s*|\s*)(?<rest>[△▲−\-]?[0-9０-９].*)$")]
    private static partial Regex RoleWordPrefix();
}
