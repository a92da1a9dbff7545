using System.Collections.Concurrent;

namespace StrategyAssistant.Stores;

/// <summary>Which inbound activities (conversation id, activity id) have been handled or are being handled, so that a
/// re-delivered activity is processed once, also when it reaches another instance.</summary>
public interface IActivityLog
{
    /// <summary>Claims the activity: true when the caller should process it (first delivery, a released claim, or a claim whose
    /// lease ran out because its instance died); false when it was handled or is being handled elsewhere.</summary>
    Task<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed activity as handled: call only once its effects are durable (reply sent, state written).</summary>
    Task CompleteAsync(string conversationId, string activityId, CancellationToken cancellationToken = default);

    /// <summary>Releases a claim whose processing failed, so that a re-delivery is processed.</summary>
    Task AbandonAsync(string conversationId, string activityId, CancellationToken cancellationToken = default);
}

/// <summary>The activity log in this process's memory (one instance, nothing survives a restart).</summary>
public sealed class InMemoryActivityLog : IActivityLog
{
    private readonly ConcurrentDictionary<(string, string), Entry> _entries = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private readonly TimeSpan _lease;
    private long _nextSweepTicks;

    public InMemoryActivityLog(TimeProvider time, TimeSpan retention, TimeSpan lease)
    {
        _time = time;
        _retention = retention;
        _lease = lease;
        _nextSweepTicks = (time.GetUtcNow() + retention).UtcTicks;
    }

    public int Count => _entries.Count;

    public Task<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = _time.GetUtcNow();
        Sweep(now);
        var claim = new Entry(false, now + _lease, now + _retention);
        while (true)
        {
            if (_entries.TryAdd((conversationId, activityId), claim))
            {
                return Task.FromResult(true);
            }

            if (!_entries.TryGetValue((conversationId, activityId), out Entry? existing))
            {
                continue;
            }

            bool reclaimable = existing.ExpiresAt <= now || (!existing.Done && existing.ClaimedUntil <= now);
            if (!reclaimable)
            {
                return Task.FromResult(false);
            }

            if (_entries.TryUpdate((conversationId, activityId), claim, existing))
            {
                return Task.FromResult(true);
            }
        }
    }

    public Task CompleteAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = _time.GetUtcNow();
        _entries[(conversationId, activityId)] = new Entry(true, now, now + _retention);
        return Task.CompletedTask;
    }

    public Task AbandonAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        if (_entries.TryGetValue((conversationId, activityId), out Entry? existing) && !existing.Done)
        {
            _entries.TryRemove(new KeyValuePair<(string, string), Entry>((conversationId, activityId), existing));
        }

        return Task.CompletedTask;
    }

    private void Sweep(DateTimeOffset now)
    {
        long next = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, now.UtcTicks + Math.Max(_retention.Ticks / 4, TimeSpan.TicksPerSecond), next) != next)
        {
            return;
        }

        foreach (KeyValuePair<(string, string), Entry> pair in _entries)
        {
            if (pair.Value.ExpiresAt <= now)
            {
                _entries.TryRemove(pair);
            }
        }
    }

    private sealed record Entry(bool Done, DateTimeOffset ClaimedUntil, DateTimeOffset ExpiresAt);
}
