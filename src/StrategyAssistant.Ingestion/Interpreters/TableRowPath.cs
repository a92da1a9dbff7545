using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Where a table row stands in the heading path: rows that are headings themselves (（数値目標）, ①企業誘致の促進,
/// 基本目標１ …), goal and measure columns (基本目標 | 施策 | KPI …), and labels wrapped onto the next row.</summary>
internal static class TableRowPath
{
    /// <summary>The heading a row is — one filled cell, no figure, read as a heading by the tracker; a measure or project
    /// mark only when the row under it has a label of its own (else it is a label whose values follow) — or null.</summary>
    public static string? HeadingText(LayoutTable table, int index, int indicator, InterpretContext context)
    {
        TableRow row = table.Rows[index];
        var filled = row.Cells.Where(c => c is { Text.Length: > 0 }).Select(c => c!.Text.Trim()).Where(t => t.Length > 0).ToList();
        if (filled.Count == 2 && HeadingParser.Goal(filled[0]) is { Title.Length: 0 } && HeadingParser.Goal(filled[0] + " " + filled[1]) is not null)
        {
            // On a page a goal's number and title may come apart into two cells.
            return filled[0] + " " + filled[1];
        }

        if (filled.Count != 1 || CellText.HasFigure(filled[0]) && HeadingParser.Goal(filled[0]) is null)
        {
            return null;
        }

        HeadingKind kind = context.Headings.Classify(filled[0]);
        if (kind is HeadingKind.Measure or HeadingKind.Project)
        {
            bool nextHasLabel = index + 1 < table.Rows.Count && table.Rows[index + 1].Text(indicator).Length > 0;
            return nextHasLabel ? filled[0] : null;
        }

        return kind == HeadingKind.None ? null : filled[0];
    }

    /// <summary>True when <paramref name="row"/>'s label continues the label-only row above it: it opens with a parenthesis
    /// (（人）), the label above ends mid-phrase (…市民の), or on a page both start at the same position.</summary>
    public static bool ContinuesLabel(TableRow above, TableRow row, int indicator)
    {
        string label = row.Text(indicator).Trim();
        string upper = above.Text(indicator).Trim();
        if (label.Length == 0 || upper.Length == 0)
        {
            return false;
        }

        if (label[0] is '(' or '（' || upper[^1] is 'の' or 'を' or 'に' or 'や' or 'と' or '・' or '、' or 'る' or 'た')
        {
            return true;
        }

        LayoutCell a = above[indicator]!;
        LayoutCell b = row[indicator]!;
        double width = (a.End - a.Start) / Math.Max(1, a.Text.Length);
        return a.Address is null && b.Address is null && width > 0 && a.End - a.Start > 1 && Math.Abs(a.Start - b.Start) <= width / 2
            && label.Length <= 8;
    }

    /// <summary>The record with the goal and measure its row's own columns name (a blank measure cell: the one above).</summary>
    public static KpiRecord Apply(KpiRecord record, LayoutTable table, TableRow row, bool goalLevel, ref Measure? measureAbove, InterpretContext context)
    {
        int goalColumn = Column(table, ColumnRole.Goal);
        int measureColumn = Column(table, ColumnRole.Measure);
        string goalText = goalColumn < 0 ? string.Empty : row.Text(goalColumn).Trim();
        Goal? goal = goalText.Length == 0 ? null
            : GoalHeadings.Numeral(goalText) is { } number ? context.Headings.SeenGoal(number) ?? new Goal(number, string.Empty)
            : CellTextNotations.GoalCell(goalText);

        Measure? measure = measureColumn < 0 ? null : CellTextNotations.MeasureCell(row.Text(measureColumn));
        measure ??= measureColumn < 0 ? null : measureAbove;
        measureAbove = measure;
        int projectColumn = Column(table, ColumnRole.Project);
        string project = projectColumn < 0 || goalLevel ? string.Empty : row.Text(projectColumn).Trim();
        return record with
        {
            Project = project.Length > 0 ? project : record.Project,
            Goal = goal ?? record.Goal,
            Measure = goalLevel ? null : measure ?? record.Measure,
        };
    }

    private static int Column(LayoutTable table, ColumnRole role) => table.Columns.ToList().FindIndex(c => c.Role == role);
}
