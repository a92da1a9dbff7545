using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads a KPI line whose values each follow a role word, with no arrow:
/// <c>◇転入者数：基準 62人（2019年） 目標 80人（2025年） 直近 71人（2022年）</c>. The indicator is the text before the first
/// role word; each value is kept as written (its own year in it). Also a card: a title line naming the indicator (and its
/// evaluation), then lines of role-word values.</summary>
public sealed partial class RoleWordLineInterpreter
{
    /// <summary>Reads the line at <paramref name="index"/> (with a card's value lines under it); returns the last line it
    /// consumed, or -1 when it is not a KPI line.</summary>
    public int TryRead(int index, InterpretContext context)
    {
        LayoutDocument document = context.Document;
        string text = document.Lines[index].Text;
        var values = Values(text, index, context.Vocabulary);
        string indicator;
        string? evaluation = null;
        int last = index;
        string? department = null;
        if (values.Count == 0)
        {
            // A card: 「ＫＰＩ　指標　評価：Ｂ」, then lines that each begin with a role word and its value; a card of one field a
            // line (【達成度】【評価】【所管課】 under the values) also gives its evaluation and department.
            for (int j = index + 1; j < document.Lines.Count && j <= index + 3 && !document.Lines[j].IsBlank; j++)
            {
                var more = Values(document.Lines[j].Text, j, context.Vocabulary);
                if (more.Count == 0 || document.Lines[j].Text[..more[0].At].Trim().Length > 0)
                {
                    break;
                }

                values.AddRange(more);
                last = j;
            }

            (indicator, evaluation) = CardTitle(text, context.Vocabulary);
            if (values.Count > 0)
            {
                (last, evaluation, department) = CardFields(document, last + 1, evaluation, context.Vocabulary) is var f && f.Last >= 0 ? f : (last, evaluation, null);
            }
        }
        else
        {
            indicator = text[..values[0].At].Trim().TrimEnd('：', ':').Trim();
        }

        indicator = CellTextNotations.StripLevelWord(CellText.Indicator(indicator), context.Vocabulary, out FigureSection level);
        indicator = CellText.Indicator(indicator);
        if (values.Count < 2 || !values.Any(v => v.Role == ColumnRole.Target) || values.Select(v => v.Role).Distinct().Count() != values.Count
            || indicator.Length == 0 || !indicator.Any(CellText.IsJapanese))
        {
            return -1;
        }

        string? nameUnit = CellText.UnitOfName(indicator, context.Vocabulary);
        KpiValue? Pick(ColumnRole role) => values.Where(v => v.Role == role)
            .Select(v => CellText.Value(v.Value, document.Cite(v.Line + 1, v.Line + 1), null, nameUnit, null)).FirstOrDefault();
        bool hasBaseline = values.Any(v => v.Role == ColumnRole.Baseline);
        KpiValue? baseline = Pick(ColumnRole.Baseline) ?? Pick(ColumnRole.Current);
        KpiValue? actual = Pick(ColumnRole.Actual) ?? (hasBaseline ? Pick(ColumnRole.Current) : null);
        bool goalLevel = level == FigureSection.GoalTargets || (level == FigureSection.None && context.Headings.Section == FigureSection.GoalTargets);
        KpiRecord record = context.Kpi(index + 1, last + 1, indicator, baseline, Pick(ColumnRole.Target), actual, goalLevel) with
        {
            Evaluation = evaluation,
            Department = department,
            StatusMeaning = context.Legend.Meaning(evaluation, index + 1, document.Cite(index + 1, index + 1)),
        };
        context.Kpis.Add(MissingReasons.Apply(record, context));
        return last;
    }

    private static List<(ColumnRole Role, string Value, int At, int Line)> Values(string text, int line, StrategyVocabulary vocabulary)
    {
        var values = new List<(ColumnRole Role, string Value, int At, int Line)>();
        foreach (Match m in RoleValue(vocabulary).Matches(text))
        {
            ColumnRole role = vocabulary.RoleOf(m.Groups["word"].Value);
            if (TableFinder.IsValueRole(role))
            {
                values.Add((role, m.Groups["value"].Value, m.Index, line));
            }
        }

        return values;
    }

    /// <summary>The bracketed field lines under a card's values (【達成度】60％, 【評価】○, 【所管課】産業振興課, 【備考】…) up to the
    /// blank line: the evaluation and department they give and the last line read (-1 when there are none).</summary>
    private static (int Last, string? Evaluation, string? Department) CardFields(LayoutDocument document, int from, string? evaluation, StrategyVocabulary vocabulary)
    {
        int last = -1;
        string? department = null;
        for (int j = from; j < document.Lines.Count && j <= from + 5 && !document.Lines[j].IsBlank; j++)
        {
            Match field = LabelledTitle().Match(document.Lines[j].Text.Trim());
            if (!field.Success)
            {
                break;
            }

            string value = document.Lines[j].Text.Trim()[field.Length..].Trim();
            switch (vocabulary.RoleOf(field.Groups["word"].Value))
            {
                case ColumnRole.Evaluation when value.Length > 0:
                    evaluation ??= value;
                    break;
                case ColumnRole.Department when vocabulary.IsDepartment(value):
                    department = value;
                    break;
                case ColumnRole.Indicator:
                    // The next card's title.
                    return (last, evaluation, department);
            }

            last = j;
        }

        return (last, evaluation, department);
    }

    /// <summary>A card's title line: a leading label word (ＫＰＩ) dropped, 「評価：Ｂ（概ね順調）」 taken as the evaluation.</summary>
    private static (string Indicator, string? Evaluation) CardTitle(string text, StrategyVocabulary vocabulary)
    {
        string trimmed = text.Trim();
        Match labelled = LabelledTitle().Match(trimmed);
        if (labelled.Success && vocabulary.RoleOf(labelled.Groups["word"].Value) == ColumnRole.Indicator
            && CellTextNotations.StripLevelWord(trimmed, vocabulary, out FigureSection level) is not null && level == FigureSection.None)
        {
            // 【指標名】移住者数: the bracketed label names what follows.
            trimmed = trimmed[labelled.Length..].Trim();
        }

        var parts = Gaps().Split(trimmed).Where(p => p.Length > 0).ToList();
        if (parts.Count > 1 && vocabulary.RoleOf(parts[0]) == ColumnRole.Indicator)
        {
            parts.RemoveAt(0);
        }

        string? evaluation = null;
        for (int i = parts.Count - 1; i > 0; i--)
        {
            int colon = parts[i].IndexOfAny(['：', ':']);
            if (colon > 0 && vocabulary.RoleOf(parts[i][..colon]) is ColumnRole.Evaluation or ColumnRole.Status)
            {
                evaluation = parts[i][(colon + 1)..].Trim();
                parts.RemoveAt(i);
            }
        }

        return (parts.Count == 1 ? parts[0] : string.Empty, evaluation);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> s_roleValue = new(StringComparer.Ordinal);

    // A role word (after a space, a colon or the line's start; or in brackets: 【基準値】) and the value written after it up to
    // the next space: a figure, a dash, or a word the vocabulary says stands for no figure (調査中, 算出不可 …).
    private static Regex RoleValue(StrategyVocabulary vocabulary) => s_roleValue.GetOrAdd(vocabulary.Version, _ =>
        new Regex(@"(?:[【［\[]\s*(?<word>[^\s：:0-9０-９（(）)【】［］\[\]]{1,5})\s*[】］\]]|(?<word>[^\s：:0-9０-９（(）)【】]{1,4}))[：:]?\s*(?<value>(?:" + string.Concat(vocabulary.FigurePrefixes.Select(w => Regex.Escape(w) + "|")) + @")[△▲−\-]?[0-9０-９][^\s]*|(?:" + string.Join("|", vocabulary.FigurePrefixes.Concat(vocabulary.SpanPrefixes).Select(Regex.Escape)) + @")?[〇一二三四五六七八九十百千][^\s]*|[－―](?:[（(][^）)]*[）)])?"
            + string.Concat(vocabulary.NoFigureWords.Select(w => "|" + Regex.Escape(w) + @"(?:[（(][^）)]*[）)])?")) + ")", RegexOptions.CultureInvariant | RegexOptions.Compiled));

    // Two or more spaces or ideographic spaces: the gaps between a line's cells.
    [GeneratedRegex(@"\s{2,}|\u3000+")]
    private static partial Regex Gaps();

    [GeneratedRegex(@"^[【［\[]\s*(?<word>[^】］\]]{1,8})\s*[】］\]][：:]?\s*")]
    private static partial Regex LabelledTitle();
}
