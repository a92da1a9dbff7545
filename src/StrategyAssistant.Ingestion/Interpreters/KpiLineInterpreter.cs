using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads KPI lines written with an arrow between the baseline and the target, in either direction:
/// <c>指標：基準値 → 目標値</c>, <c>指標：目標値（R6年度）←基準値（R1年度）</c>, <c>指標 ／基準(年)→目標(期間)</c>, the indicator in
/// a cell before <c>基準 → 目標（年度）</c> or on the line above, and a target that spills onto the next line. Role words before
/// a value (基準値16人 → 目標値40人) override the arrow's direction.</summary>
public sealed class KpiLineInterpreter
{
    private const int MaxValueLength = 40;

    /// <summary>Reads the line at <paramref name="index"/>; returns the last line it consumed, or -1 when it is not a KPI line.</summary>
    public int TryRead(int index, InterpretContext context)
    {
        LayoutDocument document = context.Document;
        LayoutLine line = document.Lines[index];
        string text = line.Separation == CellSeparation.None ? line.Text : string.Join('\t', line.Cells.Select(c => c.Text).Where(t => t.Length > 0));
        (int at, string arrow, bool forward) = FindArrow(text, context.Vocabulary);
        if (at < 0)
        {
            return -1;
        }

        string left = text[..at];
        string right = text[(at + arrow.Length)..].Trim();
        int lastLine = index;
        if (right.Length == 0 && index + 1 < document.Lines.Count && !document.Lines[index + 1].IsBlank)
        {
            // The target spilled onto the next line.
            right = document.Lines[index + 1].Text.Trim();
            lastLine = index + 1;
        }

        int split = left.LastIndexOfAny(['：', ':', '／', '\t']);
        if (split < 0)
        {
            split = RoleWordAt(left, context.Vocabulary);
        }

        string indicator = split < 0 ? string.Empty : left[..split].Trim();
        string? project = null;
        int cell = indicator.LastIndexOf('\t');
        if (cell >= 0)
        {
            // Cells before the indicator's: the project (事業) it belongs to, when one names it.
            project = indicator[..cell].Split('\t').Select(c => c.Trim()).LastOrDefault(c => c.Length > 0);
            indicator = indicator[(cell + 1)..].Trim();
        }

        string first = (split < 0 ? left : left[(split + 1)..]).Trim();
        int firstLine = index;
        if (indicator.Length == 0)
        {
            // The label stands on the line above (its values on this one).
            int above = index - 1;
            if (above < 0 || document.Lines[above].IsBlank || FindArrow(document.Lines[above].Text, context.Vocabulary).At >= 0 || document.Lines[above].Cells.Count > 1)
            {
                return -1;
            }

            indicator = document.Lines[above].Text.Trim();
            firstLine = above;
        }

        indicator = CellText.Indicator(CellTextNotations.StripLevelWord(CellText.Indicator(indicator), context.Vocabulary, out FigureSection level));
        if (indicator.Length == 0 || !indicator.Any(CellText.IsJapanese) || first.Length > MaxValueLength || right.Length > MaxValueLength)
        {
            return -1;
        }

        // 3,300億円（R6）　直近実績 3,184億円（R2）: a role word after the target opens the latest actual.
        string? latest = null;
        if (RoleWordAt(right, context.Vocabulary) is var latestAt and > 0
            && CellTextNotations.SplitRoleWord(right[(latestAt + 1)..], context.Vocabulary) is { Role: ColumnRole.Actual or ColumnRole.Current } tail)
        {
            latest = tail.Value;
            right = right[..latestAt].Trim();
        }

        (ColumnRole firstRole, string firstValue) = CellTextNotations.SplitRoleWord(first, context.Vocabulary);
        (ColumnRole rightRole, string rightValue) = CellTextNotations.SplitRoleWord(right, context.Vocabulary);
        bool firstIsTarget = firstRole == ColumnRole.Target || rightRole == ColumnRole.Baseline || (firstRole == ColumnRole.None && rightRole == ColumnRole.None && !forward);
        if (!CellText.HasFigure(firstValue) && !CellText.HasFigure(rightValue))
        {
            return -1;
        }

        string? nameUnit = CellText.UnitOfName(indicator, context.Vocabulary);
        Citation here = document.Cite(index + 1, index + 1);
        Citation there = document.Cite(lastLine + 1, lastLine + 1);
        KpiValue a = CellText.Value(firstValue, here, null, nameUnit, null);
        KpiValue b = CellText.Value(rightValue, there, null, nameUnit ?? a.Unit, null);
        KpiValue baseline = firstIsTarget ? b : a;
        KpiValue target = firstIsTarget ? a : b;
        bool goalLevel = level == FigureSection.GoalTargets || (level == FigureSection.None && context.Headings.Section == FigureSection.GoalTargets);
        KpiValue? actual = latest is null ? null : CellText.Value(latest, there, null, nameUnit ?? a.Unit, null);
        KpiRecord record = context.Kpi(firstLine + 1, lastLine + 1, indicator, baseline, target, actual, goalLevel);
        context.Kpis.Add(MissingReasons.Apply(project is null || goalLevel ? record : record with { Project = project }, context));
        return lastLine;
    }

    /// <summary>漁業生産額　現状 八億二千万円: with no colon, the space before a role word that opens a value ends the indicator;
    /// -1 when there is none.</summary>
    private static int RoleWordAt(string left, StrategyVocabulary vocabulary)
    {
        for (int i = left.Length - 1; i > 0; i--)
        {
            if (left[i] is ' ' or '\u3000' or '\t' && left[..i].Trim().Length > 0 && left[(i + 1)..].Trim().Length > 0
                && !char.IsWhiteSpace(left[i + 1]) && left[(i + 1)..].Trim().Split([' ', '\u3000', '\t'], 2) is [var word, _]
                && TableFinder.IsValueRole(vocabulary.RoleOf(word)))
            {
                return i;
            }
        }

        return -1;
    }

    private static (int At, string Arrow, bool Forward) FindArrow(string text, StrategyVocabulary vocabulary)
    {
        foreach ((IReadOnlyList<string> arrows, bool forward) in new[] { (vocabulary.ForwardArrows, true), (vocabulary.BackwardArrows, false) })
        {
            foreach (string arrow in arrows)
            {
                int at = text.IndexOf(arrow, StringComparison.Ordinal);
                if (at > 0 && text.IndexOf(arrow, at + arrow.Length, StringComparison.Ordinal) < 0)
                {
                    return (at, arrow, forward);
                }
            }
        }

        return (-1, string.Empty, false);
    }
}
