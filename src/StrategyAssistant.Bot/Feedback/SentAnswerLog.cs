using StrategyAssistant.Answering;

namespace StrategyAssistant.Bot.Feedback;

/// <summary>The answers the bot sent, by (conversation, sent message id), so feedback can be stored with its question,
/// answer and citations. Bounded: the oldest are forgotten first.</summary>
public sealed class SentAnswerLog
{
    private readonly int _capacity;
    private readonly Dictionary<(string Conversation, string MessageId), Answer> _byMessage = [];
    private readonly Dictionary<string, Answer> _latestByConversation = new(StringComparer.Ordinal);
    private readonly Queue<(string, string)> _order = new();
    private readonly Lock _lock = new();

    public SentAnswerLog(int capacity = 10_000)
    {
        _capacity = capacity;
    }

    public void Record(string conversationId, string? messageId, Answer answer)
    {
        lock (_lock)
        {
            _latestByConversation[conversationId] = answer;
            if (string.IsNullOrEmpty(messageId))
            {
                return;
            }

            if (_byMessage.TryAdd((conversationId, messageId), answer))
            {
                _order.Enqueue((conversationId, messageId));
                while (_order.Count > _capacity)
                {
                    _byMessage.Remove(_order.Dequeue());
                }
            }
        }
    }

    public (Answer? Answer, string MatchedBy) Find(string? conversationId, string? messageId)
    {
        if (conversationId is null)
        {
            return (null, "unknown");
        }

        lock (_lock)
        {
            if (messageId is not null && _byMessage.TryGetValue((conversationId, messageId), out Answer? answer))
            {
                return (answer, "message-id");
            }

            return _latestByConversation.TryGetValue(conversationId, out answer) ? (answer, "conversation-latest") : (null, "unknown");
        }
    }

    /// <summary>Forgets a conversation (the bot was removed from it).</summary>
    public void Forget(string conversationId)
    {
        lock (_lock)
        {
            _latestByConversation.Remove(conversationId);
        }
    }
}
