using StrategyAssistant.Documents;

namespace StrategyAssistant.Hosting;

/// <summary>How every host names a citation for a person: the city and the document's title (not its file name), the
/// place in the original: the page and the line on it for a PDF (「〇〇市 KPI一覧 p.12, 5行目」), the cell for a sheet
/// (「〇〇町 KPI進捗 KPI!C12」), the lines for a text document (「〇〇市 第2期総合戦略（施策・KPI） 118行」).</summary>
public static class SourceLabel
{
    /// <summary>The document as a person would name it: the title, prefixed with the city unless the title already names it.</summary>
    public static string Document(string? city, string? title, string file)
    {
        string name = string.IsNullOrWhiteSpace(title) ? file : title.Trim();
        return string.IsNullOrWhiteSpace(city) || name.Contains(city.Trim(), StringComparison.Ordinal) ? name : $"{city.Trim()} {name}";
    }

    /// <summary>「118行」 or 「118–120行」, preceded by 「p.12」 when <paramref name="page"/> is known (positive).</summary>
    public static string Lines(int line, int lineEnd, int? page = null)
    {
        string lines = lineEnd > line ? $"{line}–{lineEnd}行" : $"{line}行";
        return page is > 0 ? $"p.{page} {lines}" : lines;
    }

    /// <summary>The whole label: the document, then where in it (<see cref="Citation.Location"/>).</summary>
    public static string Of(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return $"{Document(citation.City, citation.Title, citation.File)} {LinesOf(citation)}";
    }

    /// <summary>The location part of <paramref name="citation"/>'s label: 「p.12, 5行目」, 「KPI!C12」 or 「118行」 (the viewer link
    /// still opens the document's line).</summary>
    public static string LinesOf(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return citation.Location;
    }

    /// <summary>The document viewer's id for a corpus file: its name without the extension (letters, digits, '_', '-', '.').</summary>
    public static string DocumentId(string file) => Path.GetFileNameWithoutExtension(file);

    /// <summary>The viewer's relative URL for a citation: <c>documents/{id}?line=118&amp;end=120#L118</c> (relative to the host's
    /// base), with <c>&amp;page=12</c> when the source is a PDF page, so the viewer can open the original there.</summary>
    public static string ViewerPath(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        string end = citation.LineEnd > citation.Line ? $"&end={citation.LineEnd}" : string.Empty;
        string page = citation.Page is > 0 ? $"&page={citation.Page.Value}" : string.Empty;
        return $"documents/{Uri.EscapeDataString(DocumentId(citation.File))}?line={citation.Line}{end}{page}#L{citation.Line}";
    }
}
