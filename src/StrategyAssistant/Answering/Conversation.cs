namespace StrategyAssistant.Answering;

/// <summary>Carries the subject of a conversation from one question to the next: a follow-up that names no topic
/// (「その実績は？」) reuses the previous topic, one that names no city (「予算は？」) the previous city, and one that names
/// only a city (「砂川市は？」) the previous topic and ask.</summary>
public sealed class Conversation
{
    private readonly QuestionReader _reader;
    private ConversationState _state = ConversationState.Empty;

    public Conversation(IEnumerable<string> cities) => _reader = new QuestionReader(cities);

    /// <summary>The question to answer: <paramref name="input"/> completed with what it leaves out from the previous one.</summary>
    public string Resolve(string input)
    {
        (string question, _state) = Resolve(_state, input);
        return question;
    }

    /// <summary>Resolves <paramref name="input"/> against <paramref name="state"/> (kept by the host, e.g. per conversation
    /// id) and returns the question to answer with the state to keep for the next one.</summary>
    public (string Question, ConversationState Next) Resolve(ConversationState? state, string input)
    {
        string text = QuestionText.Normalize(input);
        if (text.Length == 0)
        {
            return (text, state ?? ConversationState.Empty);
        }

        Question current = _reader.Read(text);
        if (state?.Subject is not { Length: > 0 } subject)
        {
            return (text, new ConversationState(text));
        }

        Question previous = _reader.Read(subject);
        var parts = new List<string>();
        bool noTopic = current.Topic.Count(c => c is < '\u3041' or > '\u309F') < 2;
        if (current.Cities.Count == 0 && current.OtherPlaces.Count == 0)
        {
            parts.AddRange(previous.Cities);
        }

        if (noTopic)
        {
            parts.Add(previous.Topic);
            if (current.Asked.Count == 0)
            {
                // 「砂川市は？」: the same ask about another city.
                parts.Add(string.Join(' ', previous.Asked.Select(AskWord)));
            }
        }

        parts.Add(text);
        string resolved = string.Join(' ', parts.Where(p => p.Length > 0));
        return (resolved, new ConversationState(resolved));
    }

    public void Reset() => _state = ConversationState.Empty;

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
