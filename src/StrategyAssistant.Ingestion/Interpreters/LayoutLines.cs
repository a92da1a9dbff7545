using StrategyAssistant.Records;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>A layout document's lines as the line-run interpreters read them: every layout line as its cells joined by
/// tabs (a text file's lines as written; a page's or sheet's cells with the empty cells put back by column alignment, see
/// <see cref="ColumnGrid"/>), numbered as citations count them. Citations carry the page or the sheet's cells of their lines;
/// a value's own cell is found afterwards (<see cref="CitationPlaces"/>).</summary>
public sealed class LayoutLines
{
    private readonly SourceDocument _text;

    public LayoutLines(LayoutDocument layout)
    {
        Layout = layout;
        _text = layout.ToSourceDocument();
    }

    public LayoutDocument Layout { get; }

    public string File => Layout.Info.File;

    public string City => Layout.Info.City;

    public int LineCount => _text.LineCount;

    public IReadOnlyList<string> Lines => _text.Lines;

    /// <summary>Line <paramref name="number"/> (1-based) as tab-separated cells.</summary>
    public string Line(int number) => _text.Line(number);

    public Citation Cite(int line, int lineEnd, string? quote = null) => _text.Cite(line, lineEnd, quote);

    public Citation Cite(int line) => _text.Cite(line);
}

/// <summary>An interpreter of one table or line notation that reads a document's runs of it in one pass (a header row
/// that its vocabulary recognises, then the rows under it). <see cref="Claims"/> looks for that header; a document with
/// none is left to the others.</summary>
public interface INotationInterpreter
{
    /// <summary>A short name for progress lines, logs and tests.</summary>
    string Name { get; }

    /// <summary>True when the document has a run of this notation (its header or marker lines).</summary>
    bool Claims(LayoutLines document);

    /// <summary>Reads every run of the notation; never throws on malformed input (it reads what it can).</summary>
    RecordSet Read(LayoutLines document);
}

/// <summary>Joins records across documents (e.g. an evaluation sheet's KPI with the same indicator in the strategy).</summary>
public interface IRecordLinker
{
    RecordSet Link(RecordSet records);
}
