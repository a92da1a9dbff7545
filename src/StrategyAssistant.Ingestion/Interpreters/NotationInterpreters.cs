using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>The registry of the notation interpreters that read a document in one pass, and of the cross-document linkers.
/// A reader for a new notation is one new file here and one line in <see cref="All"/>.</summary>
public static class NotationInterpreters
{
    public static IReadOnlyList<INotationInterpreter> All { get; } =
    [
        new AssessmentSheetInterpreter(),
        new KpiArrowBlockInterpreter(),
        new BudgetListInterpreter(),
        new YearColumnProgressInterpreter(),
        new MeasureKpiTableInterpreter(),
        new StatusKpiTableInterpreter(),
    ];

    public static IReadOnlyList<IRecordLinker> Linkers { get; } =
    [
        new EvaluationStrategyLinker(),
    ];

    /// <summary>Runs every linker over the records of the whole corpus.</summary>
    public static RecordSet Link(RecordSet records)
    {
        foreach (IRecordLinker linker in Linkers)
        {
            records = linker.Link(records);
        }

        return records;
    }
}
