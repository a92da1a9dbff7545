using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>A 数値目標 or 施策名・事業名 header: the 区分 column, the year columns and the comment column.</summary>
internal sealed record ProgressHeader(bool GoalTargets, int Category, IReadOnlyList<(int Offset, FiscalYear Year)> Years, int TotalOffset, int CommentOffset, FiscalYear? ReportYear)
{
    public static bool TryRead(string[] cells, out ProgressHeader header)
    {
        header = null!;
        Vocabulary.NotationHeaders words = Vocabulary.StrategyVocabulary.Default.Notations;
        int category = Array.FindIndex(cells, c => words.Is("progress-table", "category", c));
        if (category < 0)
        {
            return false;
        }

        FiscalYearParser.Era era = cells.Any(c => c.Contains("平成", StringComparison.Ordinal)) && !cells.Any(c => c.Contains("令和", StringComparison.Ordinal))
            ? FiscalYearParser.Era.Heisei
            : FiscalYearParser.Era.Reiwa;
        var years = new List<(int, FiscalYear)>();
        int total = -1;
        int comment = -1;
        FiscalYear? report = null;
        for (int i = category + 1; i < cells.Length; i++)
        {
            if (CellValue.HeaderYear(cells[i], era) is { } year)
            {
                years.Add((i - category, year.Start));
            }
            else if (words.Contains("progress-table", "total", cells[i]))
            {
                total = i - category;
            }
            else if (cells[i].Length > 0)
            {
                comment = i - category;
                report = FiscalYearParser.Parse(cells[i], era)?.End;
            }
        }

        if (years.Count < 2)
        {
            return false;
        }

        bool goalTargets = words.Contains("progress-table", "goalTargets", cells[0]);
        header = new ProgressHeader(goalTargets, category, years, total, comment, report);
        return true;
    }

    public FiscalPeriod Span => new(Years[0].Year, Years[^1].Year, $"{Years[0].Year.ToJapanese()}～{Years[^1].Year.ToJapanese()}");
}

/// <summary>One KPI (or 施策名・事業名 row without one) being read: its 目標値 line, then its 実績値 line.</summary>
internal sealed class ProgressRow
{
    public required int Line { get; init; }

    public int LastLine { get; set; }

    public required string[] Before { get; init; }

    public required string[] TargetCells { get; init; }

    public string[]? ActualCells { get; set; }

    public required int ActualLine { get; set; }

    public string? Project { get; init; }

    public Goal? Goal { get; init; }

    public Measure? Measure { get; init; }
}

internal sealed class ProgressProject
{
    public required string Name { get; init; }

    public required int Line { get; init; }

    public int LastLine { get; set; }

    public Goal? Goal { get; init; }

    public Measure? Measure { get; init; }

    public List<string> Kpis { get; } = [];
}
