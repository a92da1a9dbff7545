namespace StrategyAssistant.Japanese;

/// <summary>All arcs ending at one input position of the lattice.</summary>
internal sealed class Position
{
    public int Pos;
    public int Count;
    public int[] Costs = new int[8];
    public int[] LastRightId = new int[8];
    public int[] BackPos = new int[8];
    public int[] BackIndex = new int[8];
    public int[] BackId = new int[8];
    public JapaneseTokenizerType[] BackType = new JapaneseTokenizerType[8];

    // Only used while finding the second-best segmentation under a too-long token.
    public int ForwardCount;
    public int[] ForwardPos = new int[8];
    public int[] ForwardId = new int[8];
    public int[] ForwardIndex = new int[8];
    public JapaneseTokenizerType[] ForwardType = new JapaneseTokenizerType[8];

    public void Add(int cost, int lastRightId, int backPos, int backIndex, int backId, JapaneseTokenizerType backType)
    {
        if (Count == Costs.Length)
        {
            int size = Count * 2;
            Array.Resize(ref Costs, size);
            Array.Resize(ref LastRightId, size);
            Array.Resize(ref BackPos, size);
            Array.Resize(ref BackIndex, size);
            Array.Resize(ref BackId, size);
            Array.Resize(ref BackType, size);
        }

        Costs[Count] = cost;
        LastRightId[Count] = lastRightId;
        BackPos[Count] = backPos;
        BackIndex[Count] = backIndex;
        BackId[Count] = backId;
        BackType[Count] = backType;
        Count++;
    }

    public void AddForward(int forwardPos, int forwardIndex, int forwardId, JapaneseTokenizerType forwardType)
    {
        if (ForwardCount == ForwardPos.Length)
        {
            int size = ForwardCount * 2;
            Array.Resize(ref ForwardPos, size);
            Array.Resize(ref ForwardId, size);
            Array.Resize(ref ForwardIndex, size);
            Array.Resize(ref ForwardType, size);
        }

        ForwardPos[ForwardCount] = forwardPos;
        ForwardIndex[ForwardCount] = forwardIndex;
        ForwardId[ForwardCount] = forwardId;
        ForwardType[ForwardCount] = forwardType;
        ForwardCount++;
    }

    public void Reset()
    {
        Count = 0;
        ForwardCount = 0;
    }
}

/// <summary>A rolling window of <see cref="Position"/>s addressed by absolute input position.</summary>
internal sealed class PositionArray
{
    private Position[] _positions = CreatePositions(8);
    private int _nextWrite;
    private int _nextPos;
    private int _count;

    /// <summary>One past the highest position handed out so far.</summary>
    public int NextPos => _nextPos;

    public void Reset()
    {
        _nextWrite--;
        while (_count > 0)
        {
            if (_nextWrite == -1)
            {
                _nextWrite = _positions.Length - 1;
            }

            _positions[_nextWrite--].Reset();
            _count--;
        }

        _nextWrite = 0;
        _nextPos = 0;
        _count = 0;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public Position Get(int pos)
    {
        if (pos < _nextPos)
        {
            int i = _nextWrite - (_nextPos - pos);
            return _positions[i < 0 ? i + _positions.Length : i];
        }

        return GetSlow(pos);
    }

    private Position GetSlow(int pos)
    {
        while (pos >= _nextPos)
        {
            if (_count == _positions.Length)
            {
                var grown = CreatePositions(_positions.Length * 2);
                int oldLength = _positions.Length;

                // Oldest first: [nextWrite, end) then [0, nextWrite).
                Array.Copy(_positions, _nextWrite, grown, 0, oldLength - _nextWrite);
                Array.Copy(_positions, 0, grown, oldLength - _nextWrite, _nextWrite);
                _positions = grown;
                _nextWrite = _count;
            }

            if (_nextWrite == _positions.Length)
            {
                _nextWrite = 0;
            }

            _positions[_nextWrite++].Pos = _nextPos++;
            _count++;
        }

        int index = _nextWrite - (_nextPos - pos);
        if (index < 0)
        {
            index += _positions.Length;
        }

        return _positions[index];
    }

    public void FreeBefore(int pos)
    {
        int toFree = _count - (_nextPos - pos);
        int index = _nextWrite - _count;
        if (index < 0)
        {
            index += _positions.Length;
        }

        for (int i = 0; i < toFree; i++)
        {
            if (index == _positions.Length)
            {
                index = 0;
            }

            _positions[index].Reset();
            index++;
        }

        _count -= toFree;
    }

    private static Position[] CreatePositions(int size)
    {
        var positions = new Position[size];
        for (int i = 0; i < size; i++)
        {
            positions[i] = new Position();
        }

        return positions;
    }
}
