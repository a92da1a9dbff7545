using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>The regions of a document a notation interpreter read: the blocks of lines (runs between blank lines: a table
/// with its header, a card) that hold its records. The header-role interpreters' records outside them are a notation the
/// claiming interpreter does not read (another table of the same document) and are kept beside its records.</summary>
internal sealed class ClaimedRegions
{
    private readonly int[] _block;
    private readonly HashSet<int> _claimed = [];

    private ClaimedRegions(LayoutDocument document, RecordSet read)
    {
        // Line n (1-based) is in block _block[n]; a blank line starts a new one.
        _block = new int[document.Lines.Count + 2];
        int block = 0;
        for (int n = 1; n <= document.Lines.Count; n++)
        {
            block += document.Line(n).IsBlank ? 1 : 0;
            _block[n] = block;
        }

        foreach ((int line, int lineEnd) in read.Kpis.Select(k => (k.Source.Line, k.Source.LineEnd))
            .Concat(read.Projects.Select(p => (p.Source.Line, p.Source.LineEnd)))
            .Concat(read.Totals.Select(t => (t.Source.Line, t.Source.LineEnd))))
        {
            for (int n = Math.Max(1, line); n <= Math.Min(document.Lines.Count, Math.Max(line, lineEnd)); n++)
            {
                _claimed.Add(_block[n]);
            }
        }
    }

    public static ClaimedRegions Of(LayoutDocument document, RecordSet read) => new(document, read);

    /// <summary>True when the cited lines stand in a block the notation read (any of them).</summary>
    public bool Covers(int line, int lineEnd)
    {
        for (int n = Math.Max(1, line); n <= Math.Min(_block.Length - 2, Math.Max(line, lineEnd)); n++)
        {
            if (_claimed.Contains(_block[n]))
            {
                return true;
            }
        }

        return false;
    }
}
