using StrategyAssistant.Documents;

namespace StrategyAssistant.Records;

/// <summary>A count a document states on a line of its own, with that line: a basic goal's number of projects with and
/// without 再掲 (<see cref="StatedCountKind.GoalProjects"/>), or the counts of a goal's section (小計(事業数:16、KPI数:15)).</summary>
public sealed record StatedCount
{
    public required string City { get; init; }

    public required int GoalNumber { get; init; }

    public required StatedCountKind Kind { get; init; }

    /// <summary>The line that states the count.</summary>
    public required Citation Source { get; init; }

    /// <summary>What is counted and the number, as written (事業数 16, KPI数 15).</summary>
    public IReadOnlyList<CountedItem> Items { get; init; } = [];
}

public enum StatedCountKind
{
    /// <summary>The line stating how many projects a goal's list has (with 再掲) and how many without.</summary>
    GoalProjects,

    /// <summary>A line of a goal's section naming counts (事業数:16、KPI数:15).</summary>
    Section,
}

/// <summary>One stated count: what is counted (事業数, KPI数) and the number as written.</summary>
public sealed record CountedItem(string What, string Number);
