namespace StrategyAssistant.Documents;

/// <summary>A retrievable piece of a document: an exact 1-based line range, its heading path (基本目標 → 施策 → 事業) and its clean text.</summary>
/// <param name="Id">Stable id: <c>file:line</c>.</param>
/// <param name="File">The document's file name.</param>
/// <param name="Line">The first line.</param>
/// <param name="LineEnd">The last line (blank lines after the text belong to the passage, so passages tile the document).</param>
/// <param name="HeadingPath">The headings the passage sits under, outermost first.</param>
/// <param name="Text">The lines' text without markup, joined by newlines (blank lines dropped).</param>
/// <param name="Context">Text that explains the passage but stands elsewhere (a table's header row), indexed but not quoted.</param>
public sealed record Passage(string Id, string File, int Line, int LineEnd, IReadOnlyList<string> HeadingPath, string Text, string? Context = null)
{
    public bool IsTable => Text.Contains('\t', StringComparison.Ordinal);
}
