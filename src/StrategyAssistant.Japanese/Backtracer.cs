using StrategyAssistant.Japanese.Dict;

namespace StrategyAssistant.Japanese;

/// <summary>
/// Turns a resolved path of the <see cref="Viterbi"/> lattice into tokens: user-dictionary phrases into their segments,
/// EXTENDED-mode unknown words into unigrams, punctuation dropped when asked; in SEARCH mode a too-long word is
/// decompounded (the lattice under it rescored with penalties) and kept as a compound token spanning its parts.
/// </summary>
internal sealed class Backtracer
{
    private readonly Viterbi _lattice;
    private readonly PositionArray _positions;
    private readonly ConnectionCosts _costs;
    private readonly UnknownDictionary _unkDictionary;
    private readonly UserDictionary? _userDictionary;
    private readonly CharacterDefinition _characterDefinition;
    private readonly bool _outputCompounds;
    private readonly bool _extendedMode;
    private readonly bool _discardPunctuation;

    // Tokens to hand out, the next one last.
    private readonly List<Token> _pending = [];

    // Tokens handed out since the current Parse began, for reuse when ReuseTokens is set (see NewToken).
    private readonly List<Token> _tokenPool = [];
    private int _tokenPoolUsed;

    public Backtracer(Viterbi lattice, SystemDictionary system, UserDictionary? userDictionary, bool outputCompounds, bool extendedMode, bool discardPunctuation)
    {
        _lattice = lattice;
        _positions = lattice.Positions;
        _costs = system.ConnectionCosts;
        _unkDictionary = system.Unknown;
        _characterDefinition = system.CharacterDefinition;
        _userDictionary = userDictionary;
        _outputCompounds = outputCompounds;
        _extendedMode = extendedMode;
        _discardPunctuation = discardPunctuation;
    }

    /// <summary>See <see cref="JapaneseTokenizer.ReuseTokens"/>.</summary>
    public bool ReuseTokens { get; set; }

    public int PendingCount => _pending.Count;

    /// <summary>Removes and returns the next token.</summary>
    public Token Take()
    {
        Token token = _pending[^1];
        _pending.RemoveAt(_pending.Count - 1);
        return token;
    }

    /// <summary>Every token handed out so far has been consumed: the pool may give them out again.</summary>
    public void RecycleTokens() => _tokenPoolUsed = 0;

    public void Clear() => _pending.Clear();

    private Token NewToken(int wordId, char[] surface, int offset, int length, JapaneseTokenizerType type, int position, IDictionary dictionary)
    {
        if (!ReuseTokens)
        {
            return new Token(wordId, surface, offset, length, type, position, dictionary);
        }

        if (_tokenPoolUsed == _tokenPool.Count)
        {
            _tokenPool.Add(new Token(wordId, surface, offset, length, type, position, dictionary));
            return _tokenPool[_tokenPoolUsed++];
        }

        Token token = _tokenPool[_tokenPoolUsed++];
        token.Reuse(wordId, surface, offset, length, type, position, dictionary);
        return token;
    }

    /// <summary>
    /// The unresolved span starting before <paramref name="fromPos"/> grew too long: keeps only the least-cost arc at or after
    /// it (the first one on a tie), commits the path ending there and returns the position to go on from (that arc's).
    /// </summary>
    public int ForceBacktrace(int fromPos)
    {
        int leastIdx = -1;
        int leastCost = int.MaxValue;
        Position? leastPosData = null;
        for (int pos2 = fromPos; pos2 < _positions.NextPos; pos2++)
        {
            Position posData2 = _positions.Get(pos2);
            for (int idx = 0; idx < posData2.Count; idx++)
            {
                int cost = posData2.Costs[idx];
                if (cost < leastCost)
                {
                    leastCost = cost;
                    leastIdx = idx;
                    leastPosData = posData2;
                }
            }
        }

        for (int pos2 = fromPos; pos2 < _positions.NextPos; pos2++)
        {
            Position posData2 = _positions.Get(pos2);
            if (posData2 != leastPosData)
            {
                posData2.Reset();
            }
            else
            {
                if (leastIdx != 0)
                {
                    posData2.Costs[0] = posData2.Costs[leastIdx];
                    posData2.LastRightId[0] = posData2.LastRightId[leastIdx];
                    posData2.BackPos[0] = posData2.BackPos[leastIdx];
                    posData2.BackIndex[0] = posData2.BackIndex[leastIdx];
                    posData2.BackId[0] = posData2.BackId[leastIdx];
                    posData2.BackType[0] = posData2.BackType[leastIdx];
                }

                posData2.Count = 1;
            }
        }

        Backtrace(leastPosData!, 0);
        Array.Fill(leastPosData!.Costs, 0, 0, leastPosData.Count);
        return leastPosData.Pos;
    }

    /// <summary>Turns the best path ending at <paramref name="endPosData"/>'s arc <paramref name="fromIdx"/> back to the last
    /// backtrace into pending tokens (in reverse order: the last token first).</summary>
    public void Backtrace(Position endPosData, int fromIdx)
    {
        int endPos = endPosData.Pos;
        if (endPos == _lattice.LastBackTracePos)
        {
            return;
        }

        char[] fragment = _lattice.Buffer;
        int pos = endPos;
        int bestIdx = fromIdx;
        Token? altToken = null;

        // Left id of the token after the one being visited (we walk backwards).
        int lastLeftWordId = -1;
        int backCount = 0;

        while (pos > _lattice.LastBackTracePos)
        {
            Position posData = _positions.Get(pos);
            int backPos = posData.BackPos[bestIdx];
            int length = pos - backPos;
            JapaneseTokenizerType backType = posData.BackType[bestIdx];
            int backId = posData.BackId[bestIdx];
            int nextBestIdx = posData.BackIndex[bestIdx];

            if (_outputCompounds && altToken == null && backType != JapaneseTokenizerType.USER)
            {
                int penalty = SearchModePenalty.Compute(_lattice.Buffer, _characterDefinition, backPos, pos - backPos);
                if (penalty > 0)
                {
                    int maxCost = posData.Costs[bestIdx] + penalty;
                    if (lastLeftWordId != -1)
                    {
                        maxCost += _costs.Get(_lattice.GetDict(backType).GetRightId(backId), lastLeftWordId);
                    }

                    PruneAndRescore(backPos, pos, posData.BackIndex[bestIdx]);

                    int leastCost = int.MaxValue;
                    int leastIdx = -1;
                    for (int idx = 0; idx < posData.Count; idx++)
                    {
                        int cost = posData.Costs[idx];
                        if (lastLeftWordId != -1)
                        {
                            cost += _costs.Get(_lattice.GetDict(posData.BackType[idx]).GetRightId(posData.BackId[idx]), lastLeftWordId);
                        }

                        if (cost < leastCost)
                        {
                            leastCost = cost;
                            leastIdx = idx;
                        }
                    }

                    if (leastIdx != -1 && leastCost <= maxCost && posData.BackPos[leastIdx] != backPos)
                    {
                        // Keep the compound to emit when the alternative path reaches its start.
                        altToken = NewToken(backId, fragment, backPos, length, backType, backPos, _lattice.GetDict(backType));
                        bestIdx = leastIdx;
                        nextBestIdx = posData.BackIndex[bestIdx];
                        backPos = posData.BackPos[bestIdx];
                        length = pos - backPos;
                        backType = posData.BackType[bestIdx];
                        backId = posData.BackId[bestIdx];
                        backCount = 0;
                    }
                }
            }

            if (altToken != null && altToken.Position >= backPos)
            {
                if (backCount > 0)
                {
                    backCount++;
                    altToken.PositionLength = backCount;
                    _pending.Add(altToken);
                }

                altToken = null;
            }

            IDictionary dict = _lattice.GetDict(backType);
            if (backType == JapaneseTokenizerType.USER)
            {
                int[] segmentation = _userDictionary!.LookupSegmentation(backId);
                int wordId = segmentation[0];
                int current = 0;
                int first = _pending.Count;
                for (int j = 1; j < segmentation.Length; j++)
                {
                    int len = segmentation[j];
                    _pending.Add(NewToken(wordId + j - 1, fragment, backPos + current, len, JapaneseTokenizerType.USER, backPos + current, dict));
                    current += len;
                }

                _pending.Reverse(first, _pending.Count - first);
                backCount += segmentation.Length - 1;
            }
            else if (_extendedMode && backType == JapaneseTokenizerType.UNKNOWN)
            {
                // EXTENDED: unknown words become unigrams (a surrogate pair stays one unigram).
                int unigramCount = 0;
                for (int i = length - 1; i >= 0; i--)
                {
                    int charLen = 1;
                    if (i > 0 && char.IsLowSurrogate(fragment[backPos + i]) && char.IsHighSurrogate(fragment[backPos + i - 1]))
                    {
                        i--;
                        charLen = 2;
                    }

                    if (!_discardPunctuation || !Punctuation.Is(fragment[backPos + i]))
                    {
                        _pending.Add(NewToken(CharacterDefinition.NGRAM, fragment, backPos + i, charLen, JapaneseTokenizerType.UNKNOWN, backPos + i, _unkDictionary));
                        unigramCount++;
                    }
                }

                backCount += unigramCount;
            }
            else if (!_discardPunctuation || length == 0 || !Punctuation.Is(fragment[backPos]))
            {
                _pending.Add(NewToken(backId, fragment, backPos, length, backType, backPos, dict));
                backCount++;
            }

            lastLeftWordId = dict.GetLeftId(backId);
            pos = backPos;
            bestIdx = nextBestIdx;
        }

        _lattice.LastBackTracePos = endPos;
        _positions.FreeBefore(endPos);
    }

    private void PruneAndRescore(int startPos, int endPos, int bestStartIdx)
    {
        // Walk backwards building forward arcs, keeping only arcs that start at or after startPos.
        for (int pos = endPos; pos > startPos; pos--)
        {
            Position posData = _positions.Get(pos);
            for (int arcIdx = 0; arcIdx < posData.Count; arcIdx++)
            {
                int backPos = posData.BackPos[arcIdx];
                if (backPos >= startPos)
                {
                    _positions.Get(backPos).AddForward(pos, arcIdx, posData.BackId[arcIdx], posData.BackType[arcIdx]);
                }
            }

            if (pos != startPos)
            {
                posData.Count = 0;
            }
        }

        // Walk forward, rescoring with penalties.
        for (int pos = startPos; pos < endPos; pos++)
        {
            _lattice.InvalidateBestPredecessors();
            Position posData = _positions.Get(pos);
            if (posData.Count == 0)
            {
                posData.ForwardCount = 0;
                continue;
            }

            if (pos == startPos)
            {
                // At the start only the best path's context is used, so the parts stay congruent with the compound.
                int rightId = startPos == 0 ? 0 : _lattice.GetDict(posData.BackType[bestStartIdx]).GetRightId(posData.BackId[bestStartIdx]);
                int pathCost = posData.Costs[bestStartIdx];
                for (int f = 0; f < posData.ForwardCount; f++)
                {
                    JapaneseTokenizerType forwardType = posData.ForwardType[f];
                    IDictionary dict2 = _lattice.GetDict(forwardType);
                    int wordId = posData.ForwardId[f];
                    int toPos = posData.ForwardPos[f];
                    int newCost = pathCost + dict2.GetWordCost(wordId) + _costs.Get(rightId, dict2.GetLeftId(wordId)) + SearchModePenalty.Compute(_lattice.Buffer, _characterDefinition, pos, toPos - pos);
                    _positions.Get(toPos).Add(newCost, dict2.GetRightId(wordId), pos, bestStartIdx, wordId, forwardType);
                }
            }
            else
            {
                for (int f = 0; f < posData.ForwardCount; f++)
                {
                    JapaneseTokenizerType forwardType = posData.ForwardType[f];
                    _lattice.Add(_lattice.GetDict(forwardType), posData, posData.ForwardPos[f], posData.ForwardId[f], forwardType, true);
                }
            }

            posData.ForwardCount = 0;
        }

        _lattice.InvalidateBestPredecessors();
    }
}
