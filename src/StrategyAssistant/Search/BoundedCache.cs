namespace StrategyAssistant.Search;

/// <summary>A thread-safe cache that keeps at most <see cref="Capacity"/> values, dropping the least recently used one first:
/// a long-running service that answers many distinct questions touches ever more entries of a large index, and without a
/// bound would end up holding every entry's analysis.</summary>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _nodes;
    private readonly LinkedList<(TKey Key, TValue Value)> _recent = new();
    private readonly Lock _lock = new();

    public BoundedCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _nodes = new Dictionary<TKey, LinkedListNode<(TKey, TValue)>>(Math.Min(capacity, 1024));
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _nodes.Count;
            }
        }
    }

    /// <summary>The cached value, or <paramref name="create"/>'s (computed outside the lock, so two callers may both compute it).</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        lock (_lock)
        {
            if (_nodes.TryGetValue(key, out LinkedListNode<(TKey Key, TValue Value)>? node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Value;
            }
        }

        TValue value = create(key);
        lock (_lock)
        {
            if (_nodes.TryGetValue(key, out LinkedListNode<(TKey Key, TValue Value)>? raced))
            {
                return raced.Value.Value;
            }

            _nodes[key] = _recent.AddFirst((key, value));
            if (_nodes.Count > Capacity)
            {
                LinkedListNode<(TKey Key, TValue Value)> oldest = _recent.Last!;
                _recent.RemoveLast();
                _nodes.Remove(oldest.Value.Key);
            }
        }

        return value;
    }
}
