using System.Collections.Concurrent;

namespace StrategyAssistant.Bot.Protocol;

/// <summary>Conversations already welcomed, so a repeated "bot added" (reinstall, a second conversationUpdate, a
/// re-delivery) does not send the welcome again. Forgotten when the bot is removed. Bounded: the oldest are forgotten first.</summary>
public sealed class WelcomeLog
{
    private const int Capacity = 100_000;
    private readonly ConcurrentDictionary<string, byte> _welcomed = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>True the first time for <paramref name="conversationId"/>.</summary>
    public bool TryWelcome(string conversationId)
    {
        if (!_welcomed.TryAdd(conversationId, 0))
        {
            return false;
        }

        _order.Enqueue(conversationId);
        while (_order.Count > Capacity && _order.TryDequeue(out string? oldest))
        {
            _welcomed.TryRemove(oldest, out _);
        }

        return true;
    }

    public void Forget(string conversationId) => _welcomed.TryRemove(conversationId, out _);
}
