namespace StrategyAssistant.Documents;

/// <summary>A corpus document: its manifest entry and its lines exactly as stored (1-based numbering via <see cref="Line"/>).</summary>
public sealed class SourceDocument
{
    public SourceDocument(DocumentInfo info, IReadOnlyList<string> lines)
    {
        Info = info;
        Lines = lines;
    }

    public DocumentInfo Info { get; }

    /// <summary>The raw lines; index 0 is line 1.</summary>
    public IReadOnlyList<string> Lines { get; }

    public string File => Info.File;

    public string City => Info.City;

    public int LineCount => Lines.Count;

    /// <summary>Where each line stands in the original file (index 0 is line 1): the PDF page and line on it, or the sheet's
    /// row and cells; null for a text file (and null entries for blank lines). Citations of the document carry them.</summary>
    public IReadOnlyList<SourceLocation?>? Locations { get; init; }

    /// <summary>Where 1-based line <paramref name="lineNumber"/> stands in the original, or null.</summary>
    public SourceLocation? Location(int lineNumber) =>
        Locations is { } all && lineNumber >= 1 && lineNumber <= all.Count ? all[lineNumber - 1] : null;

    /// <summary>This document with the locations its passages carry (a document taken from a snapshot keeps only its lines).</summary>
    public SourceDocument WithLocationsOf(IEnumerable<Passage> passages)
    {
        if (Locations is not null)
        {
            return this;
        }

        var locations = new SourceLocation?[LineCount];
        bool any = false;
        foreach (Passage passage in passages)
        {
            foreach ((int line, SourceLocation? location) in passage.NumberedLocations())
            {
                if (location is not null && line >= 1 && line <= LineCount)
                {
                    locations[line - 1] = location;
                    any = true;
                }
            }
        }

        return any ? new SourceDocument(Info, Lines) { Locations = locations } : this;
    }

    /// <summary>The raw text of 1-based line <paramref name="lineNumber"/>.</summary>
    public string Line(int lineNumber) => Lines[lineNumber - 1];

    /// <summary>A citation of lines <paramref name="line"/>..<paramref name="lineEnd"/> quoting <paramref name="quote"/> (or the lines' clean text).</summary>
    public Citation Cite(int line, int lineEnd, string? quote = null)
    {
        if (line < 1 || lineEnd < line || lineEnd > LineCount)
        {
            throw new ArgumentOutOfRangeException(nameof(line), $"Lines {line}-{lineEnd} are outside {File} (1-{LineCount}).");
        }

        quote ??= string.Join(" ", Enumerable.Range(line, lineEnd - line + 1).Select(n => Markup.Strip(Line(n)).Trim()).Where(s => s.Length > 0));
        var citation = new Citation(Info.File, Info.Title, Info.City, line, lineEnd, quote);
        return Locations is null ? citation : SourceLocation.Place(citation, Location);
    }

    /// <summary>A citation of one line.</summary>
    public Citation Cite(int line) => Cite(line, line);

    /// <summary>Reads a document from disk, keeping every line (including a trailing empty one) so numbering matches <c>sed -n Np</c>.</summary>
    public static SourceDocument Load(DocumentInfo info, string path)
    {
        string text = System.IO.File.ReadAllText(path, System.Text.Encoding.UTF8);
        return FromText(info, text);
    }

    /// <summary>Lines split at CR LF, CR or LF; format characters (zero-width space, joiners, BOM, soft hyphen) removed.</summary>
    public static SourceDocument FromText(DocumentInfo info, string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                lines.Add(WithoutFormatCharacters(text[start..i]));
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            // A final newline ends the last line; it does not start another.
            lines.Add(WithoutFormatCharacters(text[start..]));
        }

        return new SourceDocument(info, lines);
    }

    private static string WithoutFormatCharacters(string line) =>
        line.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            ? new string(line.Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray())
            : line;
}
