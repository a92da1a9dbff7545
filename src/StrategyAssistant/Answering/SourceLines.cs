using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>The lines that give a value its year, a budget its year and a statement its row, as ingestion found them
/// (<see cref="ProvenancePass"/>): answering reads the records' stored citations, never a document line.</summary>
internal sealed class SourceLines
{
    private static string YearText(KpiValue value) => value.Period is null ? string.Empty : value.Period.Text.Trim('(', ')', '（', '）', ' ');

    /// <summary>The budget's year as the list's title or header writes it (令和6年度 … 関連事業一覧), with that line's citation.</summary>
    public (string Year, Citation? Source) BudgetYearOf(ProjectRecord project)
    {
        string year = project.BudgetYear?.Text.Trim() ?? string.Empty;
        if (year.Length == 0 || project.Source.Quote.Contains(year, StringComparison.Ordinal))
        {
            return (year, null);
        }

        return project.BudgetYearSource is { } title ? (year, title) : (string.Empty, null);
    }

    /// <summary>The year <paramref name="year"/> as the header row above a yearly value writes it (in any notation), and that
    /// header's citation; empty when no header row states it.</summary>
    public (string Year, Citation? Source) YearHeader(KpiValue value, FiscalYear year)
    {
        if (value.PeriodSource is not { } header)
        {
            return (string.Empty, null);
        }

        FiscalYearParser.Match? match = FiscalYearParser.FindAll(header.Quote, FiscalYearParser.Era.Reiwa)
            .Cast<FiscalYearParser.Match?>()
            .FirstOrDefault(m => m!.Value.Period.IsSingleYear && m.Value.Period.Start == year);
        return match is { } m ? (m.Period.Text.Trim(), header) : (string.Empty, null);
    }

    /// <summary>The year of a value as written, and the line that states it when that is not the value's own line (a column
    /// header such as 令和6年度目標値). A year no header row of the table states is not shown.</summary>
    public (string Year, Citation? Source) YearOf(KpiValue value, KpiRecord record)
    {
        string year = YearText(value);
        if (year.Length == 0 || value.Source.Quote.Contains(year, StringComparison.Ordinal) || record.Source.Quote.Contains(year, StringComparison.Ordinal))
        {
            return (year, null);
        }

        return value.PeriodSource is { } header && header.Quote.Contains(year, StringComparison.Ordinal) ? (year, header) : (string.Empty, null);
    }

    /// <summary>The line that states a measure's 担当部 (written once on the measure's first row for all its indicators): the
    /// row ingestion found, else the record's own lines.</summary>
    public Citation DepartmentLine(KpiRecord record) => record.DepartmentSource ?? record.Source;

    /// <summary>The line that states a measure's 評価, as <see cref="DepartmentLine"/>.</summary>
    public Citation EvaluationLine(KpiRecord record) => record.EvaluationSource ?? record.Source;
}
