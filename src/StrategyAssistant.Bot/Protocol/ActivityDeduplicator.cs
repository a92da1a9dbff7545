using Microsoft.Extensions.Options;

namespace StrategyAssistant.Bot.Protocol;

/// <summary>Remembers (conversation id, activity id) pairs for a window so that a re-delivered activity is processed once.</summary>
public sealed class ActivityDeduplicator
{
    private readonly Dictionary<(string, string), DateTimeOffset> _seen = [];
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private DateTimeOffset _nextSweep;

    public ActivityDeduplicator(IOptions<BotOptions> options, TimeProvider time)
    {
        _time = time;
        _window = options.Value.DeduplicationWindow;
        _nextSweep = time.GetUtcNow() + _window;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>True the first time the pair is seen within the window; false for a repeat.</summary>
    public bool TryBegin(string conversationId, string activityId)
    {
        DateTimeOffset now = _time.GetUtcNow();
        lock (_lock)
        {
            if (now >= _nextSweep)
            {
                foreach (KeyValuePair<(string, string), DateTimeOffset> pair in _seen.Where(p => p.Value <= now).ToList())
                {
                    _seen.Remove(pair.Key);
                }

                _nextSweep = now + TimeSpan.FromTicks(Math.Max(_window.Ticks / 4, TimeSpan.TicksPerSecond));
            }

            if (_seen.TryGetValue((conversationId, activityId), out DateTimeOffset expires) && expires > now)
            {
                return false;
            }

            _seen[(conversationId, activityId)] = now + _window;
            return true;
        }
    }

    /// <summary>Forgets a pair whose processing could not be started (so a re-delivery is processed).</summary>
    public void Abandon(string conversationId, string activityId)
    {
        lock (_lock)
        {
            _seen.Remove((conversationId, activityId));
        }
    }
}
