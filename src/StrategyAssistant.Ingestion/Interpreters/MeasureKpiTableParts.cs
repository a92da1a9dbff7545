using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>The measure-table header: 具体的な施策 / 基準値(年) / KPI(年) columns.</summary>
internal sealed record MeasureTableHeader(int Measure, int Baseline, int Target, FiscalPeriod? BaselineYear, FiscalPeriod? TargetYear)
{
    public static bool TryRead(string[] cells, out MeasureTableHeader header)
    {
        header = null!;
        Vocabulary.NotationHeaders words = Vocabulary.StrategyVocabulary.Default.Notations;
        if (cells.Length < 3 || !words.StartsWith("measure-table", "measure", cells[0]))
        {
            return false;
        }

        int baseline = Array.FindIndex(cells, c => words.StartsWith("measure-table", "baseline", c));
        int target = Array.FindIndex(cells, c => words.StartsWith("measure-table", "target", c));
        if (baseline < 0 || target < 0)
        {
            return false;
        }

        header = new MeasureTableHeader(0, baseline, target, FiscalYearParser.Parse(cells[baseline]), FiscalYearParser.Parse(cells[target]));
        return true;
    }
}

/// <summary>A 事業 of a measure table while its rows are read.</summary>
internal sealed class MeasureTableProject
{
    public required int Line { get; init; }

    public int LastLine { get; set; }

    public required string Number { get; init; }

    public required string Name { get; init; }

    public Goal? Goal { get; init; }

    public List<string> Direction { get; } = [];

    public List<string> Kpis { get; } = [];

    public ProjectRecord Build(LayoutLines document) => new()
    {
        Id = $"{document.File}:{Line}",
        City = document.City,
        Source = document.Cite(Line, Math.Max(Line, LastLine), CellText.Clean(document.Line(Line))),
        Goal = Goal,
        Number = Number,
        Name = Name,
        Description = Direction.Count == 0 ? null : string.Join("\n", Direction),
        Kpis = [.. Kpis.Select(CellText.IndicatorName).Distinct(StringComparer.Ordinal)],
    };
}

/// <summary>The cells of a measure-table row: the indicator both value cells start with, and the values after it.</summary>
internal static partial class MeasureKpiCells
{
    /// <summary>The indicator both cells start with (<c>登録者数 24名</c> / <c>登録者数 50名</c>), else the words before the
    /// baseline's first number (<c>移住者数 16人</c> / <c>5年間で30人</c>).</summary>
    public static (string Indicator, string Baseline, string Target) SplitIndicator(string baseCell, string targetCell)
    {
        int common = 0;
        while (common < baseCell.Length && common < targetCell.Length && baseCell[common] == targetCell[common])
        {
            common++;
        }

        // Back off to the last space so a shared leading digit (253 / 250) or word part stays with the value.
        if (common < baseCell.Length || common < targetCell.Length)
        {
            int space = baseCell.LastIndexOf(' ', Math.Max(0, Math.Min(common, baseCell.Length - 1)));
            common = space;
        }
        else
        {
            common = baseCell.LastIndexOf(' ');
        }

        if (common >= 2)
        {
            return (baseCell[..common].Trim(), baseCell[common..].Trim(), targetCell[common..].Trim());
        }

        System.Text.RegularExpressions.Match m = FirstNumber().Match(baseCell);
        if (m.Success && m.Index > 0)
        {
            return (baseCell[..m.Index].Trim(), baseCell[m.Index..].Trim(), targetCell);
        }

        System.Text.RegularExpressions.Match none = NoBaseline().Match(baseCell);
        if (none.Success && none.Index > 0)
        {
            return (baseCell[..none.Index].Trim(), baseCell[none.Index..].Trim(), targetCell);
        }

        return (string.Empty, baseCell, targetCell);
    }

    [GeneratedRegex(@"(?<=\s)[△▲\-−]?\d")]
    private static partial Regex FirstNumber();

    [GeneratedRegex(@"(?<=\s)(?:基準値なし|未策定|なし|—|-)$")]
    private static partial Regex NoBaseline();
}
