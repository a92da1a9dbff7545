using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads a table whose header names value roles (基準値 / 現状値 / 目標値 / 実績値) into KPI records, in any column
/// order: years from the header cell, the header's second line, the caption or the cell itself; a label on one line with
/// its values on the next joined by alignment; a value spilling onto the next line appended to its cell.</summary>
public sealed partial class KpiTableInterpreter
{
    public bool Claims(LayoutTable table) =>
        table.Columns.Any(c => TableFinder.IsValueRole(c.Role))
        && table.Columns.Any(c => c.Role is ColumnRole.Target or ColumnRole.Baseline or ColumnRole.Kind)
        && !table.Columns.Any(c => c.Role is ColumnRole.Budget);

    public void Read(LayoutTable table, InterpretContext context)
    {
        int indicator = Column(table, ColumnRole.Indicator);
        FigureSection tableLevel = TableLevel(table, indicator, context.Vocabulary);
        var run = new List<TableRow>();
        Measure? measureAbove = null;
        void ReadRun()
        {
            foreach ((TableRow row, TableRow? yearlyTargets) in ByKind(table, JoinRows(table, run, indicator), indicator, context.Vocabulary))
            {
                string label = row.Text(indicator);
                if (label.Length == 0 || !label.Any(CellText.IsJapanese))
                {
                    continue;
                }

                FigureSection rowLevel = RowLevel(table, row, context.Vocabulary);
                bool goalLevel = rowLevel == FigureSection.GoalTargets
                    || (rowLevel == FigureSection.None && (tableLevel == FigureSection.GoalTargets
                        || (tableLevel == FigureSection.None && context.Headings.Section == FigureSection.GoalTargets)));
                KpiRecord? record = Record(table, row, label, goalLevel, context, yearlyTargets);
                if (record is not null)
                {
                    context.Kpis.Add(TableRowPath.Apply(record, table, row, goalLevel, ref measureAbove, context));
                }
            }

            run.Clear();
        }

        for (int i = 0; i < table.Rows.Count; i++)
        {
            if (TableRowPath.HeadingText(table, i, indicator, context) is { } heading)
            {
                // （数値目標） / （重要業績評価指標） / ①企業誘致の促進 as a row of the table: the rows under it are of that kind.
                ReadRun();
                context.Headings.ObserveText(heading, table.Rows[i].Line);
                measureAbove = null;
                continue;
            }

            run.Add(table.Rows[i]);
        }

        ReadRun();
    }

    /// <summary>The level a table's own header gives: an indicator column headed 数値目標 is goal-level, one headed KPI (KPI項目,
    /// 重要業績評価指標) measure-level, as is a caption that names 数値目標; None when the header leaves it to the headings.</summary>
    private static FigureSection TableLevel(LayoutTable table, int indicator, StrategyVocabulary vocabulary)
    {
        string header = indicator < 0 ? string.Empty : StrategyVocabulary.Fold(table.Columns[indicator].Header);
        if (vocabulary.GoalTargetMarkers.Any(m => header.Contains(StrategyVocabulary.Fold(m), StringComparison.Ordinal))
            || (table.Caption is not null && vocabulary.GoalTargetMarkers.Any(m => table.Caption.Text.Contains(m, StringComparison.Ordinal))))
        {
            return FigureSection.GoalTargets;
        }

        return header.Length > 0 && vocabulary.KpiMarkers.Any(m => header.Contains(StrategyVocabulary.Fold(m), StringComparison.OrdinalIgnoreCase))
            ? FigureSection.MeasureKpis
            : FigureSection.None;
    }

    private static KpiRecord? Record(LayoutTable table, TableRow row, string label, bool goalLevel, InterpretContext context, TableRow? yearlyTargets)
    {
        LayoutDocument document = context.Document;
        int unitAt = Column(table, ColumnRole.Unit);
        string? nameUnit = unitAt >= 0 && row.Text(unitAt).Trim() is { Length: > 0 } rowUnit ? rowUnit : CellText.UnitOfName(label, context.Vocabulary);
        KpiValue? ValueAt(int column)
        {
            TableColumn c = table.Columns[column];
            LayoutCell? cell = row[column];
            if (cell is null || cell.Text.Length == 0)
            {
                return null;
            }

            int line = LineOf(row, cell, document);
            Citation source = document.Cite(line, LastLineOf(row, cell, line, document), cell.Text, cell.Address);
            Citation? periodSource = c.Year is null ? null : HeaderCitation(table, c, document);
            FiscalPeriod? year = c.Year;
            if (year is null && YearCell(table, row, c.Role) is { } yearCell && FiscalYearParser.Parse(yearCell.Text) is { } rowYear)
            {
                // 基準値 | 基準年: the year stands in its own cell of the row.
                int yearLine = LineOf(row, yearCell, document);
                year = rowYear;
                periodSource = document.Cite(yearLine, yearLine, yearCell.Text, yearCell.Address);
            }

            return CellText.Value(cell.Text, source, year, c.Unit ?? nameUnit, periodSource);
        }

        var values = ValueColumns(table).Select(i => (table.Columns[i].Role, Value: ValueAt(i))).Where(v => v.Value is not null).ToList();
        if (!values.Any(v => v.Value!.Number is not null || CellText.HasFigure(v.Value.Text)))
        {
            return null;
        }

        bool hasBaselineColumn = table.Columns.Any(c => c.Role == ColumnRole.Baseline);
        KpiValue? Pick(ColumnRole role) => Latest(values.Where(v => v.Role == role).Select(v => v.Value!));
        KpiValue? baseline = Pick(ColumnRole.Baseline) ?? (hasBaselineColumn ? null : Pick(ColumnRole.Current));
        KpiValue? actual = Pick(ColumnRole.Actual) ?? (hasBaselineColumn ? Pick(ColumnRole.Current) : null);
        KpiValue? target = Pick(ColumnRole.Target);
        var series = values.Where(v => v.Role == ColumnRole.Actual && v.Value!.Period is { IsSingleYear: true })
            .Select(v => new YearlyValue(v.Value!.Period!.Start, null, v.Value))
            .ToList();
        if (yearlyTargets is not null)
        {
            var yearly = YearlyTargets(table, yearlyTargets, nameUnit, context);
            target ??= Latest(yearly);
            series = [.. series.Select(s => s with { Target = yearly.FirstOrDefault(t => t.Period?.Start == s.Year) })
                .Concat(yearly.Where(t => !series.Any(s => s.Year == t.Period!.Start)).Select(t => new YearlyValue(t.Period!.Start, t, null)))
                .OrderBy(s => s.Year.Year)];
        }
        string? status = Text(row, table, ColumnRole.Status);
        string? evaluation = Text(row, table, ColumnRole.Evaluation);
        int statusAt = Column(table, status is not null ? ColumnRole.Status : ColumnRole.Evaluation);
        int achievementAt = Column(table, ColumnRole.Achievement);
        KpiRecord record = context.Kpi(row.Line, row.LineEnd, label, baseline, target, actual, goalLevel) with
        {
            Series = series.Count > 1 ? series : [],
            Status = status,
            StatusMeaning = statusAt < 0 || row[statusAt] is not { } statusCell ? null
                : context.Legend.Meaning(status ?? evaluation, row.Line, document.Cite(LineOf(row, statusCell, document), LineOf(row, statusCell, document), statusCell.Text, statusCell.Address)),
            Achievement = achievementAt < 0 ? null : ValueAt(achievementAt),
            Evaluation = evaluation,
            Department = Text(row, table, ColumnRole.Department),
            Note = table.Footnotes.Count == 0 ? null : string.Join(" ", table.Footnotes.Select(f => f.Text)),
        };
        return MissingReasons.Apply(record, context, table, row, label);
    }

    /// <summary>The yearly targets of a 目標 row, each with its column's year.</summary>
    private static List<KpiValue> YearlyTargets(LayoutTable table, TableRow targets, string? nameUnit, InterpretContext context)
    {
        var list = new List<KpiValue>();
        for (int i = 0; i < table.Columns.Count; i++)
        {
            TableColumn c = table.Columns[i];
            if (targets[i] is { Text.Length: > 0 } cell && c.Year is { IsSingleYear: true })
            {
                int line = LineOf(targets, cell, context.Document);
                list.Add(CellText.Value(cell.Text, context.Document.Cite(line, line, cell.Text, cell.Address), c.Year, c.Unit ?? nameUnit,
                    HeaderCitation(table, c, context.Document)));
            }
        }

        return list;
    }

    /// <summary>The row's cell in the year column that belongs to a value role (基準年 for 基準値/現状値, 目標年 for 目標値 …).</summary>
    private static LayoutCell? YearCell(LayoutTable table, TableRow row, ColumnRole valueRole)
    {
        ColumnRole yearRole = valueRole switch
        {
            ColumnRole.Baseline or ColumnRole.Current => ColumnRole.BaselineYear,
            ColumnRole.Target => ColumnRole.TargetYear,
            ColumnRole.Actual => ColumnRole.ActualYear,
            _ => ColumnRole.None,
        };
        int at = yearRole == ColumnRole.None ? -1 : Column(table, yearRole);
        return at < 0 || row[at] is not { Text.Length: > 0 } cell ? null : cell;
    }

    /// <summary>Of a role's cells (one per year in a per-year table), the latest year's that states something: a dash (－)
    /// states nothing; a word such as 未集計 or a range (10～15) does.</summary>
    private static KpiValue? Latest(IEnumerable<KpiValue> values) =>
        values.Where(v => v.Number is not null || v.Text.Length > 0)
            .OrderBy(v => v.Number is null && StatesNothing(v.Text) ? 0 : 1).ThenBy(v => v.Period?.End.Year ?? 0).ThenBy(v => v.Number is null ? 0 : 1).LastOrDefault();

    /// <summary>A dash, or only a footnote mark (※3: the footnote says why the cell is empty).</summary>
    private static bool StatesNothing(string text)
    {
        string t = text.Trim();
        return t is "－" or "―" or "ー" or "-" or "‐" or "—" or "−" || (t.Length > 0 && t[0] == '※' && t[1..].All(c => char.IsDigit(c)));
    }

    private static string? Text(TableRow row, LayoutTable table, ColumnRole role)
    {
        int at = Column(table, role);
        string text = at < 0 ? string.Empty : row.Text(at);
        return text.Length == 0 ? null : text;
    }

    private static IEnumerable<int> ValueColumns(LayoutTable table) =>
        Enumerable.Range(0, table.Columns.Count).Where(i => TableFinder.IsValueRole(table.Columns[i].Role));

    private static int Column(LayoutTable table, ColumnRole role) => table.Columns.ToList().FindIndex(c => c.Role == role);

    /// <summary>The header a column's year comes from: its cell, or both lines of a header written on two (目標値 over （R7）),
    /// quoted as written.</summary>
    private static Citation HeaderCitation(LayoutTable table, TableColumn column, LayoutDocument document) =>
        table.Header.Count > 1 && table.Header[^1].Number > column.HeaderLine
            && !document.Line(column.HeaderLine).Text.Contains(column.Header, StringComparison.Ordinal)
            ? document.Cite(column.HeaderLine, table.Header[^1].Number, null, HeaderAddress(table, column))
            : document.Cite(column.HeaderLine, column.HeaderLine, column.Header, HeaderAddress(table, column));

    private static string? HeaderAddress(LayoutTable table, TableColumn column) =>
        table.Header[0].Cells.FirstOrDefault(c => c.Text == column.Header)?.Address;

    /// <summary>The line a cell of a joined row stands on.</summary>
    private static int LineOf(TableRow row, LayoutCell cell, LayoutDocument document)
    {
        for (int n = row.Line; n <= row.LineEnd; n++)
        {
            if (document.Line(n).Cells.Any(c => ReferenceEquals(c, cell) || (c.Text.Length > 0 && cell.Text.StartsWith(c.Text, StringComparison.Ordinal) && c.Start == cell.Start)))
            {
                return n;
            }
        }

        return row.Line;
    }

    /// <summary>The last line of a value cut onto the lines below (5年間で / 20品): the last one whose cell under it holds a
    /// piece of the value's text.</summary>
    private static int LastLineOf(TableRow row, LayoutCell cell, int first, LayoutDocument document)
    {
        int last = first;
        for (int n = first + 1; n <= row.LineEnd; n++)
        {
            if (document.Line(n).Cells.Any(c => c.Text.Length > 0 && c.Start < cell.End && c.End > cell.Start && cell.Text.Contains(c.Text, StringComparison.Ordinal)))
            {
                last = n;
            }
        }

        return last;
    }

    private static TableRow Append(TableRow above, TableRow below, string glue = "")
    {
        var cells = above.Cells.ToArray();
        for (int i = 0; i < cells.Length; i++)
        {
            if (below[i] is { } add)
            {
                cells[i] = cells[i] is { } have ? have with { Text = have.Text + glue + add.Text } : add;
            }
        }

        return new TableRow(above.Line, below.LineEnd, cells);
    }

    private static bool Unbalanced(string text) =>
        text.Count(c => c is '(' or '（') > text.Count(c => c is ')' or '）');
}
