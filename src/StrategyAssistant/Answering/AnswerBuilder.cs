using System.Text;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Answering;

/// <summary>Accumulates an answer's sentences, numbering each distinct citation once ([1], [2] …) and recording figures.</summary>
public sealed class AnswerBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<Citation> _citations = [];
    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];
    private readonly List<Derivation> _derivations = [];

    public IReadOnlyList<Citation> Citations => _citations;

    public bool IsEmpty => _text.Length == 0;

    /// <summary>The citation's number, adding it when new (same file and lines = same number).</summary>
    public int Cite(Citation citation)
    {
        // One entry per place: a sheet's cells of one row are cited apart (each figure its own cell); text and PDF lines as before.
        int index = _citations.FindIndex(c => c.File == citation.File && c.Line == citation.Line && c.LineEnd == citation.LineEnd && c.Cell == citation.Cell);
        if (index >= 0)
        {
            return index + 1;
        }

        _citations.Add(citation);
        return _citations.Count;
    }

    /// <summary>The marker for a citation: <c>[n]</c>.</summary>
    public string Mark(Citation citation) => $"[{Cite(citation)}]";

    public AnswerBuilder Line(string text)
    {
        if (_text.Length > 0)
        {
            _text.Append('\n');
        }

        _text.Append(text);
        return this;
    }

    /// <summary>Records a figure shown in the text, with its citation, and returns the marker to put after it.</summary>
    public string Figure(string value, string? unit, string? year, Citation citation, string? label)
    {
        int number = Cite(citation);
        if (!_figures.Any(f => f.Value == value && f.Citation == number && f.Label == label))
        {
            _figures.Add(new Figure(value, unit, year, number, label));
        }

        return $"[{number}]";
    }

    /// <summary>Records a figure the answer computes; its expression must stand in the text (<see cref="Line"/>).</summary>
    public AnswerBuilder Derive(Derivation derivation)
    {
        _derivations.Add(derivation);
        return this;
    }

    public AnswerBuilder Note(string note)
    {
        if (!_notes.Contains(note))
        {
            _notes.Add(note);
        }

        return this;
    }

    public Answer Build(string question, bool found = true) => new()
    {
        Question = question,
        Text = _text.ToString(),
        Citations = [.. _citations],
        Figures = [.. _figures],
        Derivations = [.. _derivations],
        Notes = [.. _notes],
        Found = found,
        Mode = AnswerMode.Offline,
    };
}
