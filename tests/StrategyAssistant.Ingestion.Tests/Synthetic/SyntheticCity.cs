namespace StrategyAssistant.Ingestion.Tests.Synthetic;

/// <summary>How a synthetic document separates its cells in the text form.</summary>
public enum TextNotation
{
    Tabs,
    Spaces,
}

/// <summary>One KPI row a synthetic document must yield: figures, years (Western fiscal year) and unit.</summary>
public sealed record ExpectedKpi(
    string Indicator,
    decimal? Baseline,
    int? BaselineYear,
    decimal? Target,
    int? TargetYear,
    decimal? Actual = null,
    int? ActualYear = null,
    string? Unit = null,
    bool Goal = false);

/// <summary>A fictional city's document, one notation each: lines of cells (one cell = prose or a heading; a leading
/// empty cell = indentation), how the text form separates cells, and the records it must yield.</summary>
public sealed record SyntheticCity(string City, string File, string Title, TextNotation Notation, IReadOnlyList<string[]> Lines, IReadOnlyList<ExpectedKpi> Expected)
{
    /// <summary>The notes the document must yield (kind), besides its records.</summary>
    public IReadOnlyList<string> ExpectedNotes { get; init; } = [];

    /// <summary>False when the document's notation is a line form that has no table to put in a sheet.</summary>
    public bool HasSheetForm { get; init; } = true;

    public override string ToString() => City;
}
