using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>One row of an assessment sheet, read by what its cells hold: a measure label (mark, title, commentary,
/// evaluation, department) and/or a KPI cell with its values.</summary>
internal static class AssessmentRowReader
{
    public static void ReadRow(AssessmentSheetState s, int n, List<(string Text, int Column)> cells)
    {
        string? mark = null, title = null, indicator = null, evaluation = null, department = null;
        bool noIndicator = false;
        var longBefore = new List<string>();
        var longAfter = new List<string>();
        var headerCells = new List<(string Text, int Column)>();
        foreach ((string text, int column) in cells)
        {
            if (AssessmentSheetInterpreter.HeaderRole(text) is not null)
            {
                headerCells.Add((text, column));
            }
            else if (evaluation is null && CellText.Evaluation(text) is { } e)
            {
                evaluation = e;
            }
            else if (department is null && CellText.LooksLikeDepartment(text))
            {
                department = CellText.Department(text);
            }
            else if (text is "—" or "－" or "-" or "―")
            {
                noIndicator |= indicator is null && title is not null;
            }
            else if (CellText.IsMark(text) && title is null && indicator is null)
            {
                mark = text;
            }
            else if (title is null && indicator is null && text.Length <= 60 && !text.Contains('。', StringComparison.Ordinal) && CellText.SplitMark(text) is { } split)
            {
                mark = split.Mark;
                title = split.Title;
            }
            else if (indicator is null && AssessmentSheetInterpreter.IsIndicatorCell(text))
            {
                indicator = text;
            }
            else if (title is null && indicator is null && text.Length <= 60 && !text.Contains('。', StringComparison.Ordinal))
            {
                title = text;
            }
            else
            {
                (evaluation is null ? longBefore : longAfter).Add(text);
            }
        }

        bool hasLabel = title is not null || longBefore.Count > 0 || longAfter.Count > 0 || evaluation is not null || department is not null;
        if (!hasLabel && indicator is null)
        {
            return;
        }

        bool strayMark = false;
        if (hasLabel)
        {
            var label = new SheetLabel { Mark = mark, Title = title, Line = n, Goal = s.Goal, Evaluation = evaluation, Department = department };
            if (mark is { Length: 1 } && CellText.IsCircled(mark[0]))
            {
                label.Parent = s.Parent;
            }
            else
            {
                if (mark is null && noIndicator && title is not null)
                {
                    // A measure heading row without its mark (its sub-measures follow): the mark after the previous one.
                    string? previousMark = s.Labels.LastOrDefault(l => l.Goal == s.Goal && l.Mark is { Length: 1 } m && !CellText.IsCircled(m[0]))?.Mark;
                    label.Mark = previousMark is null ? (s.Labels.Any(l => l.Goal == s.Goal) ? null : "ア") : CellText.NextMark(previousMark);
                }

                s.Parent = label;
            }

            if (evaluation is not null)
            {
                label.Assessment = longBefore.ElementAtOrDefault(0);
                label.Outlook = longBefore.Count > 1 ? string.Join(" ", longBefore.Skip(1)) : null;
                label.Viewpoint = longAfter.Count > 0 ? string.Join(" ", longAfter) : null;
            }
            else
            {
                List<string> all = [.. longBefore, .. longAfter];
                label.Assessment = all.ElementAtOrDefault(0);
                label.Outlook = all.ElementAtOrDefault(1);
                label.Viewpoint = all.Count > 2 ? string.Join(" ", all.Skip(2)) : null;
            }

            s.Labels.Add(label);
            s.SheetLabel = label;
        }
        else
        {
            strayMark = mark is not null;
        }

        s.PendingValues = null;
        if (indicator is null || s.SheetLabel is null && !hasLabel)
        {
            if (indicator is not null)
            {
                // An indicator before any measure: keep it with no measure.
                s.SheetLabel = new SheetLabel { Line = n, Goal = s.Goal };
            }
            else
            {
                return;
            }
        }

        (string name, string? unit) = CellText.SplitUnit(indicator);
        var draft = new SheetDraft { SheetLabel = s.SheetLabel!, OwnsLabel = hasLabel, Indicator = name, Unit = unit, Line = n, Cell = indicator };
        s.Drafts.Add(draft);
        if (headerCells.Count >= 2)
        {
            draft.SheetHeader = AssessmentSheetState.ToHeader(n, headerCells);
            s.PendingValues = draft;
        }

        if (strayMark)
        {
            s.Notes.Add(new DataQualityNote(
                s.Document.City,
                "shifted-row",
                $"{n}行目の「{mark}」は施策名・評価・担当部のない指標行（{name}）に置かれている。施策の見出しではなく、直前の施策 {AssessmentSheetState.Describe(s.SheetLabel!)} の指標として読んだ。",
                [s.Document.Cite(n, n, string.Join(" ", cells.Select(c => c.Text)))])
            {
                Subjects = [name, .. AssessmentSheetState.Subjects(s.SheetLabel!)],
            });
        }
    }

    /// <summary>Where a goal's measure marks repeat (ウ, ウ, エ, エ) the label column (mark, title, commentary) has drifted against the
    /// indicator rows: the marks still group the indicators, the titles keep their order, and a title left over goes with the
    /// indicator rows that follow without a label, under the next mark.</summary>
}
