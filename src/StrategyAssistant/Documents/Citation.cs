namespace StrategyAssistant.Documents;

/// <summary>Where a figure or passage stands: document file, title, city, 1-based line range and the quoted text.</summary>
public sealed record Citation(string File, string Title, string City, int Line, int LineEnd, string Quote)
{
    public bool Covers(string file, int line, int slack = 0) =>
        string.Equals(File, file, StringComparison.Ordinal) && line >= Line - slack && line <= LineEnd + slack;

    public override string ToString() => Line == LineEnd ? $"{File}:{Line}" : $"{File}:{Line}-{LineEnd}";
}
