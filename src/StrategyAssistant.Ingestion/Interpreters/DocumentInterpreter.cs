using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Reads a layout document of any layout into records: headings set the path (基本目標 → 施策 → 事業, 数値目標 or KPI),
/// tables are claimed by the interpreter their header roles fit, KPI lines are read by their arrows, project list items by
/// their fields' role words. Afterwards a goal's
/// 数値目標 and a measure's KPI for the same indicator with different figures get a data-quality note (both records stay).</summary>
public sealed class DocumentInterpreter
{
    private readonly StrategyVocabulary _vocabulary;
    private readonly TableFinder _tables;
    private readonly KpiTableInterpreter _kpiTables = new();
    private readonly ProjectTableInterpreter _projectTables = new();
    private readonly KpiLineInterpreter _kpiLines = new();
    private readonly RoleWordLineInterpreter _roleWordLines = new();
    private readonly ProjectLineInterpreter _projectLines = new();

    public DocumentInterpreter(StrategyVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        _tables = new TableFinder(vocabulary);
    }

    public RecordSet Read(LayoutDocument document)
    {
        var context = new InterpretContext(document, _vocabulary);
        for (int i = 0; i < document.Lines.Count; i++)
        {
            LayoutLine line = document.Lines[i];
            if (line.IsBlank || line.Continues)
            {
                continue;
            }

            // A project list item before headings: 「(1) …事業　企画課　5,600」 is no 施策 heading.
            if (_projectLines.TryRead(i, context) is var item and >= 0)
            {
                i = item;
                continue;
            }

            if (context.Headings.Observe(line))
            {
                continue;
            }

            if (_tables.TryRead(document, i, out int tableEnd) is { } table)
            {
                if (_kpiTables.Claims(table))
                {
                    _kpiTables.Read(table, context);
                }
                else if (_projectTables.Claims(table))
                {
                    _projectTables.Read(table, context);
                }

                i = tableEnd;
                continue;
            }

            int consumed = _kpiLines.TryRead(i, context);
            if (consumed < i)
            {
                consumed = _roleWordLines.TryRead(i, context);
            }

            if (consumed >= i)
            {
                i = consumed;
            }
        }

        NoteGoalAndMeasureDifferences(context);
        NoteDefects(context);
        return context.ToRecordSet();
    }

    /// <summary>A note for each line the reader found written wrongly: a CSV quote never closed is read as if it were not
    /// there, and the reader of the list should know.</summary>
    private static void NoteDefects(InterpretContext context)
    {
        foreach (LayoutLine line in context.Document.Lines.Where(l => l.Defect == Formats.DelimitedLines.StrayQuote))
        {
            context.Notes.Add(new DataQualityNote(context.Document.Info.City, line.Defect!,
                $"{line.Number}行目の引用符（\"）が閉じられていないため、引用符を除いてこの行だけを読みました。",
                [context.Document.Cite(line.Number, line.Number)]) { Subjects = [.. line.Cells.Take(1).Select(c => c.Text)] });
        }
    }

    private static void NoteGoalAndMeasureDifferences(InterpretContext context)
    {
        foreach (var group in context.Kpis.GroupBy(k => StrategyVocabulary.Fold(k.Indicator), StringComparer.Ordinal))
        {
            KpiRecord? goal = group.FirstOrDefault(k => k.IsGoalTarget);
            KpiRecord? measure = group.FirstOrDefault(k => !k.IsGoalTarget);
            if (goal is null || measure is null)
            {
                continue;
            }

            string Show(KpiRecord k) => $"基準値 {k.Baseline?.Text ?? "—"}、目標値 {k.Target?.Text ?? "—"}";
            if (!string.Equals(Show(goal), Show(measure), StringComparison.Ordinal))
            {
                context.Notes.Add(new DataQualityNote(goal.City, "goal-measure-differ",
                    $"「{goal.Indicator}」は基本目標の数値目標では{Show(goal)}、施策のKPIでは{Show(measure)}と記載されています（別の記録として扱います）。",
                    [goal.Source, measure.Source]) { Subjects = [goal.Indicator] });
            }
        }
    }
}
