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

    /// <summary>The line number of each line of <see cref="Text"/> where they do not run on from the first line without a gap
    /// (blank lines dropped from the text); null when line <c>i</c> of the text is document line <see cref="Line"/> + i.</summary>
    public IReadOnlyList<int>? TextLines { get; init; }

    /// <summary>Where each line of <see cref="Text"/> stands in the original file (the PDF page and line on it, the sheet's row
    /// and cells), in the order of <see cref="NumberedLines"/>; null for a text file.</summary>
    public IReadOnlyList<SourceLocation?>? Locations { get; init; }

    /// <summary>Each text line's document line number with its location in the original (none for a text file).</summary>
    public IEnumerable<(int Line, SourceLocation? Location)> NumberedLocations()
    {
        if (Locations is not { Count: > 0 } locations)
        {
            yield break;
        }

        int i = 0;
        foreach ((int line, _) in NumberedLines())
        {
            yield return (line, i < locations.Count ? locations[i] : null);
            i++;
        }
    }

    /// <summary>The passage's text lines with their document line numbers, so a sentence is quoted and cited without the document.</summary>
    public IEnumerable<(int Line, string Text)> NumberedLines()
    {
        if (Text.Length == 0)
        {
            yield break;
        }

        int i = 0;
        foreach (string line in Text.Split('\n'))
        {
            yield return (TextLines is { } lines && i < lines.Count ? lines[i] : Line + i, line);
            i++;
        }
    }
}
