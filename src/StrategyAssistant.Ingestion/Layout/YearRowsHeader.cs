using StrategyAssistant.Ingestion.Vocabulary;

namespace StrategyAssistant.Ingestion.Layout;

/// <summary>A per-year table without a 区分 column: a header of the indicator and years only (指標名 | R3 | R4 | R5 | R6), each
/// indicator's 目標 and 実績 rows written in the indicator's own column under it (「新規創業件数」 ⏎ 「　目標 3 3 4 5」 ⏎
/// 「　実績 2 4 3」). Read as the 区分 table it is: the year columns hold actuals, and a column of kinds that no cell of the
/// document stands in takes the kind words out of the indicator column.</summary>
internal static class YearRowsHeader
{
    // How far under the header the first kind word must stand (the indicator's own line comes first).
    private const int Lookahead = 3;

    /// <summary>The columns of such a header, with a column of kinds at the end; null when the line is not one.</summary>
    public static List<TableColumn>? Columns(LayoutLine header, IReadOnlyList<LayoutLine> lines, int index, StrategyVocabulary vocabulary)
    {
        var cells = header.Cells.Where(c => c.Text.Length > 0).ToList();
        int years = cells.Count(c => HeaderYear.IsOnlyYear(c.Text, vocabulary));
        if (years < 2 || cells.Count - years != 1 || vocabulary.RoleOf(cells[0].Text) is not (ColumnRole.Indicator or ColumnRole.None)
            || HeaderYear.IsOnlyYear(cells[0].Text, vocabulary)
            || !lines.Skip(index + 1).Take(Lookahead).Any(l => l.Cells.FirstOrDefault(c => c.Text.Length > 0) is { } first && IsKind(first.Text, vocabulary)))
        {
            return null;
        }

        var columns = new List<TableColumn>();
        for (int i = 0; i < header.Cells.Count; i++)
        {
            LayoutCell cell = header.Cells[i];
            ColumnRole role = cell.Text.Length == 0 ? ColumnRole.None
                : HeaderYear.IsOnlyYear(cell.Text, vocabulary) ? ColumnRole.Actual
                : ColumnRole.Indicator;
            columns.Add(new TableColumn(i, cell.Text, role, cell.Start, cell.End, HeaderYear.Of(cell.Text, vocabulary), vocabulary.UnitIn(cell.Text), header.Number));
        }

        double right = double.MaxValue / 4;
        columns.Add(new TableColumn(KindIndex, string.Empty, ColumnRole.Kind, right, right, null, null, header.Number));
        return columns;
    }

    /// <summary>Rows with each kind word (目標, 実績 …) moved from the indicator column into the column of kinds, when the
    /// table has that column; else the rows as they are.</summary>
    public static IReadOnlyList<TableRow> MoveKinds(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows, StrategyVocabulary vocabulary)
    {
        int kind = columns.ToList().FindIndex(c => c.Index == KindIndex);
        int indicator = columns.ToList().FindIndex(c => c.Role == ColumnRole.Indicator);
        if (kind < 0 || indicator < 0)
        {
            return rows;
        }

        return [.. rows.Select(row =>
        {
            if (row[indicator] is not { } label || !IsKind(label.Text, vocabulary))
            {
                return row;
            }

            var cells = row.Cells.ToArray();
            cells[kind] = label;
            cells[indicator] = null;
            return row with { Cells = cells };
        })];
    }

    // The column of kinds stands in no line: no cell's index or position maps to it.
    private const int KindIndex = -2;

    private static bool IsKind(string text, StrategyVocabulary vocabulary) =>
        vocabulary.RoleOf(text.Trim()) is ColumnRole.Target or ColumnRole.Actual;
}
