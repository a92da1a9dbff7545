namespace StrategyAssistant.Ingestion.Vocabulary;

/// <summary>The header words by which the notation interpreters (evaluation-sheet, project-list, measure-table …) recognise
/// their tables, from the vocabulary's <c>notationHeaders</c>: per notation, named slots of words (the department column's
/// 担当 / 所管 / 部局 …). A slot the code asks for and the file lacks is a broken vocabulary, said at once.</summary>
public sealed class NotationHeaders
{
    private readonly Dictionary<string, Dictionary<string, List<string>>> _words;

    internal NotationHeaders(Dictionary<string, Dictionary<string, List<string>>>? words)
    {
        _words = words ?? [];
    }

    /// <summary>The words of one slot of a notation's header.</summary>
    public IReadOnlyList<string> Words(string notation, string slot) =>
        _words.TryGetValue(notation, out var slots) && slots.TryGetValue(slot, out var words)
            ? words
            : throw new InvalidDataException($"Vocabulary: notationHeaders has no '{notation}.{slot}'.");

    /// <summary>True when the cell is one of the slot's words.</summary>
    public bool Is(string notation, string slot, string cell) =>
        Words(notation, slot).Any(w => string.Equals(cell, w, StringComparison.Ordinal));

    /// <summary>True when the cell contains one of the slot's words.</summary>
    public bool Contains(string notation, string slot, string cell) =>
        Words(notation, slot).Any(w => cell.Contains(w, StringComparison.Ordinal));

    /// <summary>True when the cell begins with one of the slot's words (Latin letters in any case).</summary>
    public bool StartsWith(string notation, string slot, string cell) =>
        Words(notation, slot).Any(w => cell.StartsWith(w, StringComparison.OrdinalIgnoreCase));
}
