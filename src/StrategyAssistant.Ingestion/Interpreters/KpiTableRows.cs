using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>The rows of a KPI table as records see them: joined labels, notes and spilled values, and one row per indicator in
/// a table of 計画 / 実績 rows.</summary>
public sealed partial class KpiTableInterpreter
{
    /// <summary>Rows as records see them: a label-only row joined to the value row under it that has no label (or whose label
    /// continues it: （人）, a wrapped name); a row of notes only (（令和6年度）) appended to the row above; a label that closes a
    /// parenthesis left open above, appended to it.</summary>
    internal static List<TableRow> JoinRows(LayoutTable table, IReadOnlyList<TableRow> tableRows, int indicator)
    {
        var rows = new List<TableRow>();
        TableRow? pendingLabel = null;
        foreach (TableRow row in tableRows)
        {
            bool hasLabel = row.Text(indicator).Length > 0;
            bool hasFigure = ValueColumns(table).Any(i => CellText.HasFigure(row.Text(i)));
            bool onlyNotes = !hasLabel && Enumerable.Range(0, row.Cells.Count).All(i => row[i] is null || CellText.IsContinuation(row[i]!.Text));
            if (onlyNotes && rows.Count > 0 && pendingLabel is null && rows[^1].LineEnd == row.Line - 1)
            {
                rows[^1] = Append(rows[^1], row);
                continue;
            }

            if (!hasLabel && hasFigure && pendingLabel is null && rows.Count > 0 && rows[^1].LineEnd == row.Line - 1 && Spills(table, rows[^1], row))
            {
                // 5年間で / 20品: a value cut after its span words goes on in the same column of the next line.
                rows[^1] = Append(rows[^1], row, glue: string.Empty);
                continue;
            }

            if (hasLabel && !hasFigure)
            {
                if (pendingLabel is null && rows.Count > 0 && Unbalanced(rows[^1].Text(indicator)) && rows[^1].LineEnd == row.Line - 1)
                {
                    rows[^1] = Append(rows[^1], row, glue: string.Empty);
                    continue;
                }

                pendingLabel = pendingLabel is not null && (Unbalanced(pendingLabel.Text(indicator)) || TableRowPath.ContinuesLabel(pendingLabel, row, indicator))
                    ? Append(pendingLabel, row, glue: string.Empty)
                    : row;
                continue;
            }

            if (hasFigure && pendingLabel is not null && (!hasLabel || TableRowPath.ContinuesLabel(pendingLabel, row, indicator)))
            {
                var cells = row.Cells.ToArray();
                cells[indicator] = hasLabel ? pendingLabel[indicator]! with { Text = pendingLabel.Text(indicator) + row.Text(indicator) } : pendingLabel[indicator];
                for (int i = 0; i < cells.Length; i++)
                {
                    cells[i] ??= pendingLabel[i];
                }

                rows.Add(new TableRow(pendingLabel.Line, row.LineEnd, cells));
                pendingLabel = null;
                continue;
            }

            pendingLabel = null;
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>True when a row without a label goes on the row above: the above has a value cut short (its text ends in a
    /// particle: 5年間で, 年間に), and each cell of this row stands in that column or in one the above left blank. Not in a
    /// table of 区分 rows, where a row without a label is the indicator's next kind.</summary>
    private static bool Spills(LayoutTable table, TableRow above, TableRow row)
    {
        if (Column(table, ColumnRole.Kind) >= 0)
        {
            return false;
        }

        static bool CutShort(string text) => text.Length > 1 && text.Any(char.IsDigit) && text[^1] is >= '\u3040' and <= '\u309F';
        var filled = Enumerable.Range(0, row.Cells.Count).Where(i => row.Text(i).Length > 0).ToList();
        return filled.Any(i => CutShort(above.Text(i))) && filled.All(i => above.Text(i).Length == 0 || CutShort(above.Text(i)));
    }

    /// <summary>The level a row's 区分 cell names (数値目標 → goal, KPI → measure), or None.</summary>
    private static FigureSection RowLevel(LayoutTable table, TableRow row, StrategyVocabulary vocabulary)
    {
        int kind = Column(table, ColumnRole.Kind);
        string word = kind < 0 ? string.Empty : StrategyVocabulary.Fold(row.Text(kind));
        if (word.Length == 0)
        {
            return FigureSection.None;
        }

        return vocabulary.GoalTargetMarkers.Any(m => string.Equals(StrategyVocabulary.Fold(m), word, StringComparison.Ordinal)) ? FigureSection.GoalTargets
            : vocabulary.KpiMarkers.Any(m => string.Equals(StrategyVocabulary.Fold(m), word, StringComparison.OrdinalIgnoreCase)) ? FigureSection.MeasureKpis
            : FigureSection.None;
    }

    /// <summary>In a table with a 区分 column (計画 / 実績 rows under one indicator), one row per indicator: the year columns
    /// from its 実績 row, every other column from the first of its rows that fills it.</summary>
    private static IEnumerable<(TableRow Row, TableRow? YearlyTargets)> ByKind(LayoutTable table, List<TableRow> rows, int indicator, StrategyVocabulary vocabulary)
    {
        int kind = Column(table, ColumnRole.Kind);
        if (kind < 0 || !rows.Any(r => TableFinder.IsValueRole(vocabulary.RoleOf(r.Text(kind)))))
        {
            // No 区分 column, or one whose cells name a level (数値目標 / KPI), not a row's kind: a row per indicator already.
            return rows.Select(r => (r, (TableRow?)null));
        }

        var merged = new List<(TableRow, TableRow?)>();
        var group = new List<TableRow>();
        void Flush()
        {
            if (group.Count == 0)
            {
                return;
            }

            var cells = new LayoutCell?[table.Columns.Count];
            for (int i = 0; i < cells.Length; i++)
            {
                bool yearly = table.Columns[i].Role == ColumnRole.Actual;
                cells[i] = group.Where(r => !yearly || vocabulary.RoleOf(r.Text(kind)) == ColumnRole.Actual)
                    .Select(r => r[i]).FirstOrDefault(c => c is { Text.Length: > 0 });
            }

            // A 目標 row (区分 目標 / 実績): its year cells are the yearly targets.
            TableRow? targets = group.FirstOrDefault(r => vocabulary.RoleOf(r.Text(kind)) == ColumnRole.Target) is { } t
                ? new TableRow(t.Line, t.LineEnd, [.. Enumerable.Range(0, cells.Length).Select(i => table.Columns[i].Role == ColumnRole.Actual ? t[i] : null)])
                : null;
            merged.Add((new TableRow(group[0].Line, group[^1].LineEnd, cells), targets));
            group.Clear();
        }

        foreach (TableRow row in rows)
        {
            if (row.Text(indicator).Length > 0)
            {
                Flush();
            }

            group.Add(row);
        }

        Flush();
        return merged;
    }
}
