namespace StrategyAssistant.Answering;

/// <summary>Carries the subject of a conversation from one question to the next: a follow-up that names no topic
/// (「その実績は？」) reuses the previous topic, one that names no city (「予算は？」) the previous city, and one that names
/// only a city (「砂川市は？」) the previous topic and ask.</summary>
public sealed class Conversation
{
    private readonly QuestionReader _reader;
    private Question? _previous;

    public Conversation(IEnumerable<string> cities) => _reader = new QuestionReader(cities);

    /// <summary>The question to answer: <paramref name="input"/> completed with what it leaves out from the previous one.</summary>
    public string Resolve(string input)
    {
        string text = QuestionText.Normalize(input);
        Question current = _reader.Read(text);
        if (_previous is null || text.Length == 0)
        {
            _previous = text.Length == 0 ? _previous : current;
            return text;
        }

        var parts = new List<string>();
        bool noTopic = current.Topic.Count(c => c is < '\u3041' or > '\u309F') < 2;
        if (current.Cities.Count == 0 && current.OtherPlaces.Count == 0)
        {
            parts.AddRange(_previous.Cities);
        }

        if (noTopic)
        {
            parts.Add(_previous.Topic);
            if (current.Asked.Count == 0)
            {
                // 「砂川市は？」: the same ask about another city.
                parts.Add(string.Join(' ', _previous.Asked.Select(AskWord)));
            }
        }

        parts.Add(text);
        string resolved = string.Join(' ', parts.Where(p => p.Length > 0));
        _previous = _reader.Read(resolved);
        return resolved;
    }

    public void Reset() => _previous = null;

    private static string AskWord(AskedValue value) => value switch
    {
        AskedValue.Baseline => "基準値",
        AskedValue.Target => "目標値",
        AskedValue.Actual => "実績値",
        AskedValue.Status => "状況",
        AskedValue.Department => "担当部",
        AskedValue.Budget => "予算",
        AskedValue.Projects => "どの事業",
        AskedValue.Evaluation => "評価",
        AskedValue.Policy => "方針",
        AskedValue.Total => "合計",
        AskedValue.Count => "事業数",
        AskedValue.Compare => "比較",
        _ => string.Empty,
    };
}
