namespace StrategyAssistant.Documents;

/// <summary>Where a figure or passage stands: document file, title, city, 1-based line range and the quoted text; for a PDF
/// also the page and the line on it, for a spreadsheet the cell (<c>KPI!C12</c>).</summary>
public sealed record Citation(string File, string Title, string City, int Line, int LineEnd, string Quote)
{
    /// <summary>The PDF page the cited lines stand on, or null for text and sheets.</summary>
    public int? Page { get; init; }

    /// <summary>The line on <see cref="Page"/> (1-based), or null.</summary>
    public int? PageLine { get; init; }

    /// <summary>The spreadsheet cell (sheet!A1), or null.</summary>
    public string? Cell { get; init; }

    /// <summary>Where to look, as a reader says it: 「p.12, 5行目」, 「KPI!C12」 or 「118行」.</summary>
    public string Location =>
        Cell ?? (Page is { } page ? $"p.{page}, {PageLine ?? 1}行目" : Line == LineEnd ? $"{Line}行" : $"{Line}-{LineEnd}行");

    public bool Covers(string file, int line, int slack = 0) =>
        string.Equals(File, file, StringComparison.Ordinal) && line >= Line - slack && line <= LineEnd + slack;

    public override string ToString() => Line == LineEnd ? $"{File}:{Line}" : $"{File}:{Line}-{LineEnd}";
}
