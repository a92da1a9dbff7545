namespace StrategyAssistant.Documents;

/// <summary>A document's lines as ingestion's passages hold them (clean text, "" for a blank line), numbered as in the
/// document: what serving reads instead of the document itself, built from the passages alone.</summary>
public sealed class PassageLines
{
    private readonly string[] _lines;
    private readonly SourceLocation?[]? _locations;
    private readonly DocumentInfo _info;

    public PassageLines(DocumentInfo info, IEnumerable<Passage> passages)
    {
        _info = info;
        var numbered = passages.SelectMany(p => p.NumberedLines()).ToList();
        int count = passages.Select(p => p.LineEnd).DefaultIfEmpty(0).Max();
        _lines = new string[count];
        Array.Fill(_lines, string.Empty);
        foreach ((int line, string text) in numbered.Where(l => l.Line >= 1 && l.Line <= count))
        {
            _lines[line - 1] = text;
        }

        foreach ((int line, SourceLocation? location) in passages.SelectMany(p => p.NumberedLocations()))
        {
            if (location is not null && line >= 1 && line <= count)
            {
                (_locations ??= new SourceLocation?[count])[line - 1] = location;
            }
        }
    }

    /// <summary>Where 1-based line <paramref name="line"/> stands in the original file (PDF page, sheet cells), or null.</summary>
    public SourceLocation? Location(int line) => _locations is { } all && line >= 1 && line <= all.Length ? all[line - 1] : null;

    /// <summary><paramref name="citation"/> with the page or cells of its lines in the original, where it has none yet.</summary>
    public Citation Place(Citation citation) => _locations is null ? citation : SourceLocation.Place(citation, Location);

    public string File => _info.File;

    public string City => _info.City;

    /// <summary>How many lines the passages cover (all of the document: passages tile it).</summary>
    public int Count => _lines.Length;

    /// <summary>The clean text of 1-based line <paramref name="line"/>.</summary>
    public string Text(int line) => _lines[line - 1];

    /// <summary>A citation of lines <paramref name="line"/>..<paramref name="lineEnd"/> quoting <paramref name="quote"/> (or the lines' text).</summary>
    public Citation Cite(int line, int lineEnd, string? quote = null)
    {
        if (line < 1 || lineEnd < line || lineEnd > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(line), $"Lines {line}-{lineEnd} are outside {File} (1-{Count}).");
        }

        quote ??= string.Join(" ", Enumerable.Range(line, lineEnd - line + 1).Select(Text).Where(s => s.Length > 0));
        return Place(new Citation(_info.File, _info.Title, _info.City, line, lineEnd, quote));
    }

    public Citation Cite(int line) => Cite(line, line);
}
