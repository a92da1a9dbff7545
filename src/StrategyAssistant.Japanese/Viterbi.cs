using StrategyAssistant.Japanese.Dict;

namespace StrategyAssistant.Japanese;

/// <summary>
/// The lattice of one input and its forward (Viterbi) search: at each position, arcs for every dictionary, user and
/// unknown word starting there, each with its least-cost predecessor (Kuromoji's tie-breaking: the first least-cost arc).
/// When only one arc is alive at the frontier, or the unresolved span grows too long, the path so far is handed to the
/// <see cref="Backtracer"/>, which turns it into tokens.
/// </summary>
internal sealed class Viterbi
{
    private const int MaxUnknownWordLength = 1024;
    private const int MaxBacktraceGap = 1024;

    private readonly TokenInfoDictionary _dictionary;
    private readonly UnknownDictionary _unkDictionary;
    private readonly ConnectionCosts _costs;
    private readonly UserDictionary? _userDictionary;
    private readonly CharacterDefinition _characterDefinition;
    private readonly CharTrie _trie;
    private readonly CharTrie? _userTrie;
    private readonly bool _searchMode;
    private readonly bool _extendedMode;

    private readonly PositionArray _positions = new();
    private readonly Backtracer _output;

    // Best predecessor per left id of the position being expanded: every arc from one position with the same left id has
    // the same best predecessor, and the words starting at a position (all prefixes, all entries) share few left ids. An
    // entry is valid when its stamp is the current one; the stamp moves on whenever the position (or its arcs) change.
    // One table per thread, not per tokenizer (a tokenizer per question would allocate 16 KB): stamps come from the
    // thread's counter, so tokenizers used in turn on one thread never take each other's entries, and an expansion never
    // yields to another tokenizer before it ends.
    [ThreadStatic]
    private static BestPredecessor[]? t_best;
    [ThreadStatic]
    private static int t_stamp;
    private BestPredecessor[] _best = [];
    private int _stamp;

    // Predecessor search cache: arcs from one position with the same left id share the best predecessor.
    private Position? _cachedFrom;
    private int _cachedCount;

    private char[] _buffer = [];
    private int _length;

    // Parsing state.
    private int _pos;
    private int _lastBackTracePos;
    private int _unknownWordEndIndex;
    private bool _end;

    public Viterbi(SystemDictionary system, UserDictionary? userDictionary, JapaneseTokenizerMode mode, bool discardPunctuation)
    {
        _dictionary = system.TokenInfo;
        _unkDictionary = system.Unknown;
        _costs = system.ConnectionCosts;
        _characterDefinition = system.CharacterDefinition;
        _trie = _dictionary.Trie;
        _userDictionary = userDictionary;
        _userTrie = userDictionary?.Trie;
        _searchMode = mode is JapaneseTokenizerMode.SEARCH or JapaneseTokenizerMode.EXTENDED;
        _extendedMode = mode == JapaneseTokenizerMode.EXTENDED;
        _output = new Backtracer(this, system, userDictionary, outputCompounds: mode == JapaneseTokenizerMode.SEARCH, _extendedMode, discardPunctuation);
    }

    /// <summary>The tokens of the resolved path and the token pool.</summary>
    public Backtracer Output => _output;

    /// <summary>The input (valid up to <see cref="Reset"/>'s length).</summary>
    public char[] Buffer => _buffer;

    /// <summary>The next position to expand; the input's length once <see cref="IsEnd"/>.</summary>
    public int Pos => _pos;

    /// <summary>True when the whole input has been expanded and backtraced.</summary>
    public bool IsEnd => _end;

    /// <summary>Everything before this position has been turned into tokens.</summary>
    public int LastBackTracePos
    {
        get => _lastBackTracePos;
        set => _lastBackTracePos = value;
    }

    public PositionArray Positions => _positions;

    public ConnectionCosts Costs => _costs;

    /// <summary>Starts over on <paramref name="buffer"/>[0, length).</summary>
    public void Reset(char[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
        _positions.Reset();
        _cachedFrom = null;
        _unknownWordEndIndex = -1;
        _pos = 0;
        _end = false;
        _lastBackTracePos = 0;
        _output.Clear();

        // Position 0 holds BOS.
        _positions.Get(0).Add(0, 0, -1, -1, -1, JapaneseTokenizerType.KNOWN);
    }

    /// <summary>Forgets the cached best predecessors (the arcs of a position were rebuilt).</summary>
    public void InvalidateBestPredecessors() => _cachedFrom = null;

    internal IDictionary GetDict(JapaneseTokenizerType type) => type switch
    {
        JapaneseTokenizerType.KNOWN => _dictionary,
        JapaneseTokenizerType.UNKNOWN => _unkDictionary,
        _ => _userDictionary!,
    };

    /// <summary>Adds an arc for a word of <paramref name="dict"/> (see <see cref="AddArc"/>).</summary>
    internal void Add(IDictionary dict, Position fromPosData, int endPos, int wordId, JapaneseTokenizerType type, bool addPenalty) =>
        AddArc(fromPosData, endPos, wordId, dict.GetLeftId(wordId), dict.GetRightId(wordId), dict.GetWordCost(wordId), type, addPenalty);

    /// <summary>
    /// Adds an arc ending at <paramref name="endPos"/> whose predecessor is the first least-cost arc at the start position.
    /// </summary>
    private void AddArc(Position fromPosData, int endPos, int wordId, int leftId, int rightId, int wordCost, JapaneseTokenizerType type, bool addPenalty)
    {
        if (fromPosData != _cachedFrom || fromPosData.Count != _cachedCount)
        {
            _cachedFrom = fromPosData;
            _cachedCount = fromPosData.Count;
            NextStamp();
        }

        ref BestPredecessor best = ref _best[leftId];
        if (best.Stamp != _stamp)
        {
            int least = int.MaxValue;
            int leastAt = -1;
            int count = fromPosData.Count;
            ReadOnlySpan<int> costs = fromPosData.Costs.AsSpan(0, count);
            ReadOnlySpan<int> lastRight = fromPosData.LastRightId.AsSpan(0, count);
            ReadOnlySpan<short> row = _costs.GetRow(leftId);
            for (int idx = 0; idx < costs.Length; idx++)
            {
                int cost = costs[idx] + row[lastRight[idx]];
                if (cost < least)
                {
                    least = cost;
                    leastAt = idx;
                }
            }

            best = new BestPredecessor(_stamp, least, leastAt);
        }

        int leastCost = best.Cost;
        int leastIdx = best.Index;
        leastCost += wordCost;
        if (addPenalty && type != JapaneseTokenizerType.USER)
        {
            leastCost += SearchModePenalty.Compute(_buffer, _characterDefinition, fromPosData.Pos, endPos - fromPosData.Pos);
        }

        _positions.Get(endPos).Add(leastCost, rightId, fromPosData.Pos, leastIdx, wordId, type);
    }

    /// <summary>Expands the lattice from the current position until a backtrace has tokens to hand out or the input ends.</summary>
    public void Parse()
    {
        while (true)
        {
            if (_pos >= _length)
            {
                break;
            }

            Position posData = _positions.Get(_pos);
            bool isFrontier = _positions.NextPos == _pos + 1;
            if (posData.Count == 0)
            {
                _pos++;
                continue;
            }

            if (_pos > _lastBackTracePos && posData.Count == 1 && isFrontier)
            {
                // Only one arc is alive: the best path must come through it, so commit its prefix.
                _output.Backtrace(posData, 0);
                posData.Costs[0] = 0;
                if (_output.PendingCount != 0)
                {
                    return;
                }
            }

            if (_pos - _lastBackTracePos >= MaxBacktraceGap)
            {
                _pos = _output.ForceBacktrace(_pos);
                if (_output.PendingCount != 0)
                {
                    return;
                }

                continue;
            }

            bool anyMatches = false;
            char[] buffer = _buffer;
            _cachedFrom = null;

            if (_userTrie != null)
            {
                int node = CharTrie.Root;
                for (int posAhead = _pos; posAhead < _length; posAhead++)
                {
                    if (!_userTrie.TryStep(ref node, buffer[posAhead]))
                    {
                        break;
                    }

                    int phrase = _userTrie.GetOutput(node);
                    if (phrase >= 0)
                    {
                        Add(_userDictionary!, posData, posAhead + 1, phrase, JapaneseTokenizerType.USER, false);
                        anyMatches = true;
                    }
                }
            }

            if (!anyMatches)
            {
                int node = CharTrie.Root;
                for (int posAhead = _pos; posAhead < _length; posAhead++)
                {
                    if (!_trie.TryStep(ref node, buffer[posAhead]))
                    {
                        break;
                    }

                    // The node holds the surface's word ids: no table between the trie and the words.
                    ref readonly CharTrie.Node words = ref _trie.NodeAt(node);
                    if (words.OutputCount != 0)
                    {
                        int end = words.Output + words.OutputCount;
                        short[] leftIds = _dictionary.LeftIds;
                        short[] wordCosts = _dictionary.Costs;
                        for (int wordId = words.Output; wordId < end; wordId++)
                        {
                            // IPADIC has leftId == rightId for every entry.
                            int leftId = leftIds[wordId];
                            AddArc(posData, posAhead + 1, wordId, leftId, leftId, wordCosts[wordId], JapaneseTokenizerType.KNOWN, _extendedMode);
                            anyMatches = true;
                        }
                    }
                }
            }

            // NORMAL mode does not restart an unknown word inside the previous one.
            if (!_searchMode && _unknownWordEndIndex > posData.Pos)
            {
                _pos++;
                continue;
            }

            char firstCharacter = buffer[_pos];
            if (!anyMatches || _characterDefinition.IsInvoke(firstCharacter))
            {
                byte characterId = _characterDefinition.GetCharacterClass(firstCharacter);
                bool isPunct = Punctuation.Is(firstCharacter);
                int unknownWordLength = 1;
                if (_characterDefinition.IsGroup(firstCharacter))
                {
                    for (int posAhead = _pos + 1; unknownWordLength < MaxUnknownWordLength && posAhead < _length; posAhead++)
                    {
                        char ch = buffer[posAhead];
                        if (characterId == _characterDefinition.GetCharacterClass(ch) && Punctuation.Is(ch) == isPunct)
                        {
                            unknownWordLength++;
                        }
                        else
                        {
                            break;
                        }
                    }
                }

                int endWordId = _unkDictionary.GetEndWordId(characterId);
                for (int wordId = _unkDictionary.GetFirstWordId(characterId); wordId < endWordId; wordId++)
                {
                    Add(_unkDictionary, posData, posData.Pos + unknownWordLength, wordId, JapaneseTokenizerType.UNKNOWN, _extendedMode);
                }

                _unknownWordEndIndex = posData.Pos + unknownWordLength;
            }

            _pos++;
        }

        _end = true;
        if (_pos > 0)
        {
            Position endPosData = _positions.Get(_pos);
            int leastCost = int.MaxValue;
            int leastIdx = -1;
            for (int idx = 0; idx < endPosData.Count; idx++)
            {
                int cost = endPosData.Costs[idx] + _costs.Get(endPosData.LastRightId[idx], 0);
                if (cost < leastCost)
                {
                    leastCost = cost;
                    leastIdx = idx;
                }
            }

            if (leastIdx >= 0)
            {
                _output.Backtrace(endPosData, leastIdx);
            }
        }
    }

    private void NextStamp()
    {
        BestPredecessor[] table = t_best ??= new BestPredecessor[_costs.BackwardSize];
        if (++t_stamp == int.MaxValue)
        {
            Array.Clear(table);
            t_stamp = 1;
        }

        _best = table;
        _stamp = t_stamp;
    }

    private readonly record struct BestPredecessor(int Stamp, int Cost, int Index);
}
