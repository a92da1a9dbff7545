namespace StrategyAssistant.Japanese.Dict;

/// <summary>The connection-cost matrix from <c>matrix.def</c>.</summary>
public sealed class ConnectionCosts
{
    private readonly short[] _costs;
    private readonly int _forwardSize;

    internal ConnectionCosts(short[] costs, int forwardSize, int backwardSize)
    {
        if (costs.Length != forwardSize * backwardSize)
        {
            throw new InvalidDataException("Connection matrix size mismatch.");
        }

        _costs = costs;
        _forwardSize = forwardSize;
        BackwardSize = backwardSize;
    }

    internal short[] Costs => _costs;

    /// <summary>Row of costs for one left id, indexed by the previous word's right id.</summary>
    internal ReadOnlySpan<short> GetRow(int backwardId) => _costs.AsSpan(backwardId * _forwardSize, _forwardSize);

    /// <summary>The embedded IPADIC matrix.</summary>
    public static ConnectionCosts Instance => SystemDictionary.Instance.ConnectionCosts;

    /// <summary>Number of right ids of a previous word (first matrix.def column).</summary>
    public int ForwardSize => _forwardSize;

    /// <summary>Number of left ids of a following word (second matrix.def column).</summary>
    public int BackwardSize { get; }

    /// <summary>Cost of a word with left id <paramref name="backwardId"/> following one with right id <paramref name="forwardId"/>.</summary>
    public int Get(int forwardId, int backwardId) => _costs[(backwardId * _forwardSize) + forwardId];
}
