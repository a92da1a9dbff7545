using StrategyAssistant.Documents;

namespace StrategyAssistant.Answering.Model;

/// <summary>The sources shown to a model in one request, numbered [1], [2] … in the order they were first shown.
/// The model cites these numbers; the answer's citations are exactly these sources.</summary>
public sealed class SourceRegistry
{
    private readonly List<Citation> _sources = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<Citation> Sources
    {
        get
        {
            lock (_lock)
            {
                return [.. _sources];
            }
        }
    }

    /// <summary>The number of <paramref name="citation"/>, registering it when new.</summary>
    public int Register(Citation citation)
    {
        lock (_lock)
        {
            int index = _sources.FindIndex(c => c.File == citation.File && c.Line == citation.Line && c.LineEnd == citation.LineEnd);
            if (index >= 0)
            {
                return index + 1;
            }

            _sources.Add(citation);
            return _sources.Count;
        }
    }
}
