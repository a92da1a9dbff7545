namespace StrategyAssistant.Documents;

/// <summary>Where a figure or passage stands: document file, title, city, 1-based line range and the quoted text; for a PDF
/// also the page and the line on it, for a spreadsheet the cell (<c>KPI!C12</c>).</summary>
public sealed record Citation(string File, string Title, string City, int Line, int LineEnd, string Quote)
{
    /// <summary>The PDF page the cited lines stand on, or null for text and sheets.</summary>
    public int? Page { get; init; }

    /// <summary>The line on <see cref="Page"/> (1-based), or null.</summary>
    public int? PageLine { get; init; }

    /// <summary>The page the cited lines end on, when it is known (null: <see cref="Page"/>).</summary>
    public int? PageEnd { get; init; }

    /// <summary>The line on <see cref="PageEnd"/> the cited lines end on, or null (one line).</summary>
    public int? PageLineEnd { get; init; }

    /// <summary>The spreadsheet cell or range (sheet!A1, sheet!A12:F14), or null.</summary>
    public string? Cell { get; init; }

    /// <summary>Where to look, as a reader says it: 「p.12, 5行目」 (「p.12, 5–7行目」, 「p.12, 40行目–p.13, 2行目」) for a PDF page,
    /// 「KPI!C12」 for a sheet's cell, 「118行」 (「118–120行」) for a text document's lines.</summary>
    public string Location
    {
        get
        {
            if (Cell is { Length: > 0 } cell)
            {
                return cell;
            }

            if (Page is not { } page)
            {
                return Line >= LineEnd ? $"{Line}行" : $"{Line}–{LineEnd}行";
            }

            int first = PageLine ?? 1;
            int endPage = PageEnd ?? page;
            int last = PageLineEnd ?? first;
            return endPage != page ? $"p.{page}, {first}行目–p.{endPage}, {last}行目"
                : last > first ? $"p.{page}, {first}–{last}行目" : $"p.{page}, {first}行目";
        }
    }

    public bool Covers(string file, int line, int slack = 0) =>
        string.Equals(File, file, StringComparison.Ordinal) && line >= Line - slack && line <= LineEnd + slack;

    /// <summary><c>file:118</c> or <c>file:118-120</c>, with the page or cell in parentheses when the original has them.</summary>
    public override string ToString() => (Line == LineEnd ? $"{File}:{Line}" : $"{File}:{Line}-{LineEnd}") + (Page is null && Cell is null ? string.Empty : $" ({Location})");
}
