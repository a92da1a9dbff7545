using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using StrategyAssistant.Japanese.Dict;
using StrategyAssistant.Japanese.TokenAttributes;

namespace StrategyAssistant.Japanese;

/// <summary>
/// Kuromoji-compatible Japanese morphological tokenizer over IPADIC: a Viterbi lattice of dictionary, user and
/// unknown words with streaming commits, Kuromoji's tie-breaking, SEARCH-mode decompounding and punctuation rules.
/// </summary>
public sealed class JapaneseTokenizer : Tokenizer
{
    /// <summary>The default mode (SEARCH).</summary>
    public static readonly JapaneseTokenizerMode DEFAULT_MODE = JapaneseTokenizerMode.SEARCH;

    private const int SearchModeKanjiLength = 2;
    private const int SearchModeOtherLength = 7;
    private const int SearchModeKanjiPenalty = 3000;
    private const int SearchModeOtherPenalty = 1700;
    private const int MaxUnknownWordLength = 1024;
    private const int MaxBacktraceGap = 1024;

    private static readonly bool[] s_punctuation = BuildPunctuationTable();

    private readonly ICharTermAttribute _termAtt;
    private readonly IOffsetAttribute _offsetAtt;
    private readonly IPositionIncrementAttribute _posIncAtt;
    private readonly IPositionLengthAttribute _posLengthAtt;
    private readonly IBaseFormAttribute _baseFormAtt;
    private readonly IPartOfSpeechAttribute _posAtt;
    private readonly IReadingAttribute _readingAtt;
    private readonly IInflectionAttribute _inflectionAtt;

    private readonly TokenInfoDictionary _dictionary;
    private readonly UnknownDictionary _unkDictionary;
    private readonly ConnectionCosts _costs;
    private readonly UserDictionary? _userDictionary;
    private readonly CharacterDefinition _characterDefinition;
    private readonly CharTrie _trie;
    private readonly CharTrie? _userTrie;

    private readonly bool _discardPunctuation;
    private readonly bool _searchMode;
    private readonly bool _extendedMode;
    private readonly bool _outputCompounds;

    private readonly PositionArray _positions = new();
    private readonly List<Token> _pending = [];

    // Tokens handed out since the current Parse began, for reuse when ReuseTokens is set (see NewToken).
    private readonly List<Token> _tokenPool = [];
    private int _tokenPoolUsed;

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

    private char[] _buffer = new char[256];
    private int _length;

    // Parsing state.
    private int _pos;
    private int _lastBackTracePos;
    private int _lastTokenPos;
    private int _unknownWordEndIndex;
    private bool _end;

    /// <summary>Creates a tokenizer with the default attribute factory.</summary>
    public JapaneseTokenizer(TextReader input, UserDictionary? userDictionary, bool discardPunctuation, JapaneseTokenizerMode mode)
        : this(AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY, input, userDictionary, discardPunctuation, mode)
    {
    }

    /// <summary>Creates a tokenizer.</summary>
    public JapaneseTokenizer(AttributeFactory factory, TextReader input, UserDictionary? userDictionary, bool discardPunctuation, JapaneseTokenizerMode mode)
        : base(factory, input)
    {
        _termAtt = AddAttribute<ICharTermAttribute>();
        _offsetAtt = AddAttribute<IOffsetAttribute>();
        _posIncAtt = AddAttribute<IPositionIncrementAttribute>();
        _posLengthAtt = AddAttribute<IPositionLengthAttribute>();
        _baseFormAtt = AddAttribute<IBaseFormAttribute>();
        _posAtt = AddAttribute<IPartOfSpeechAttribute>();
        _readingAtt = AddAttribute<IReadingAttribute>();
        _inflectionAtt = AddAttribute<IInflectionAttribute>();

        SystemDictionary system = SystemDictionary.Instance;
        _dictionary = system.TokenInfo;
        _unkDictionary = system.Unknown;
        _costs = system.ConnectionCosts;
        _characterDefinition = system.CharacterDefinition;
        _trie = _dictionary.Trie;
        _userDictionary = userDictionary;
        _userTrie = userDictionary?.Trie;

        _discardPunctuation = discardPunctuation;
        Mode = mode;
        switch (mode)
        {
            case JapaneseTokenizerMode.SEARCH:
                _searchMode = true;
                _outputCompounds = true;
                break;
            case JapaneseTokenizerMode.EXTENDED:
                _searchMode = true;
                _extendedMode = true;
                break;
            default:
                break;
        }

        ResetState();
    }

    /// <summary>The segmentation mode.</summary>
    public JapaneseTokenizerMode Mode { get; }

    /// <summary>
    /// Reuse <see cref="Token"/> objects from one parse to the next instead of allocating one per token. Only for a consumer
    /// that reads the token attributes before the next <see cref="IncrementToken"/> and never captures their state (a
    /// captured state refers to the token, which a later parse overwrites): <see cref="TokenizeFormatter"/>.
    /// </summary>
    internal bool ReuseTokens { get; set; }

    /// <summary>True when this tokenizer has these settings.</summary>
    internal bool Matches(UserDictionary? userDictionary, bool discardPunctuation, JapaneseTokenizerMode mode) =>
        ReferenceEquals(_userDictionary, userDictionary) && _discardPunctuation == discardPunctuation && Mode == mode;

    /// <summary>The token the attributes were last set from (valid until the next <see cref="IncrementToken"/>).</summary>
    internal Token? CurrentToken { get; private set; }

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

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        ReadInput();
        ResetState();
    }

    /// <inheritdoc/>
    public override void End()
    {
        base.End();
        int finalOffset = CorrectOffset(_pos);
        _offsetAtt.SetOffset(finalOffset, finalOffset);
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!TryNextToken(out Token? token, out int positionIncrement, out int positionLength))
        {
            return false;
        }

        int position = token.Position;
        ClearAttributes();
        _termAtt.CopyBuffer(token.SurfaceForm, token.Offset, token.Length);
        _offsetAtt.SetOffset(CorrectOffset(position), CorrectOffset(position + token.Length));
        _baseFormAtt.SetToken(token);
        _posAtt.SetToken(token);
        _readingAtt.SetToken(token);
        _inflectionAtt.SetToken(token);
        _posIncAtt.PositionIncrement = positionIncrement;
        _posLengthAtt.PositionLength = positionLength;
        return true;
    }

    /// <summary>
    /// The next token and its position increment and length, without setting any attribute: what
    /// <see cref="IncrementToken"/> sets them from (for <see cref="Util.TokenLineWriter"/>, which formats tokens itself).
    /// </summary>
    internal bool TryNextToken([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Token? token, out int positionIncrement, out int positionLength)
    {
        while (_pending.Count == 0)
        {
            if (_end)
            {
                token = null;
                positionIncrement = 0;
                positionLength = 0;
                return false;
            }

            // Every token of the previous parse has been handed out and consumed (Parse runs only when none is pending).
            _tokenPoolUsed = 0;
            Parse();
        }

        token = _pending[^1];
        _pending.RemoveAt(_pending.Count - 1);
        CurrentToken = token;

        int position = token.Position;
        if (position == _lastTokenPos)
        {
            positionIncrement = 0;
            positionLength = token.PositionLength;
        }
        else
        {
            positionIncrement = 1;
            positionLength = 1;
        }

        _lastTokenPos = position;
        return true;
    }

    /// <summary>An offset of the input as <see cref="IncrementToken"/> reports it (through any char filter).</summary>
    internal int ReportedOffset(int offset) => CorrectOffset(offset);

    /// <summary>
    /// True when a token starting with this character is punctuation (dropped when discarding punctuation):
    /// separators, control, format, punctuation and symbol categories.
    /// </summary>
    public static bool IsPunctuation(char ch) => s_punctuation[ch];

    private static bool[] BuildPunctuationTable()
    {
        var table = new bool[0x10000];
        for (int c = 0; c < table.Length; c++)
        {
            table[c] = ComputeIsPunctuation((char)c);
        }

        return table;
    }

    private static bool ComputeIsPunctuation(char ch)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(ch))
        {
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.DashPunctuation:
            case UnicodeCategory.OpenPunctuation:
            case UnicodeCategory.ClosePunctuation:
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.OtherPunctuation:
            case UnicodeCategory.MathSymbol:
            case UnicodeCategory.CurrencySymbol:
            case UnicodeCategory.ModifierSymbol:
            case UnicodeCategory.OtherSymbol:
            case UnicodeCategory.InitialQuotePunctuation:
            case UnicodeCategory.FinalQuotePunctuation:
                return true;
            default:
                return false;
        }
    }

    private void ReadInput()
    {
        _length = 0;
        while (true)
        {
            if (_length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            int read = m_input.Read(_buffer, _length, _buffer.Length - _length);
            if (read <= 0)
            {
                break;
            }

            _length += read;
        }
    }

    private void ResetState()
    {
        _positions.Reset();
        _cachedFrom = null;
        _unknownWordEndIndex = -1;
        _pos = 0;
        _end = false;
        _lastBackTracePos = 0;
        _lastTokenPos = -1;
        _pending.Clear();

        // Position 0 holds BOS.
        _positions.Get(0).Add(0, 0, -1, -1, -1, JapaneseTokenizerType.KNOWN);
    }

    private IDictionary GetDict(JapaneseTokenizerType type) => type switch
    {
        JapaneseTokenizerType.KNOWN => _dictionary,
        JapaneseTokenizerType.UNKNOWN => _unkDictionary,
        _ => _userDictionary!,
    };

    private int ComputePenalty(int pos, int length)
    {
        if (length > SearchModeKanjiLength)
        {
            bool allKanji = true;
            int endPos = pos + length;
            for (int p = pos; p < endPos; p++)
            {
                if (!_characterDefinition.IsKanji(_buffer[p]))
                {
                    allKanji = false;
                    break;
                }
            }

            if (allKanji)
            {
                return (length - SearchModeKanjiLength) * SearchModeKanjiPenalty;
            }

            if (length > SearchModeOtherLength)
            {
                return (length - SearchModeOtherLength) * SearchModeOtherPenalty;
            }
        }

        return 0;
    }

    private void Add(IDictionary dict, Position fromPosData, int endPos, int wordId, JapaneseTokenizerType type, bool addPenalty) =>
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
            leastCost += ComputePenalty(fromPosData.Pos, endPos - fromPosData.Pos);
        }

        _positions.Get(endPos).Add(leastCost, rightId, fromPosData.Pos, leastIdx, wordId, type);
    }

    private void Parse()
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
                Backtrace(posData, 0);
                posData.Costs[0] = 0;
                if (_pending.Count != 0)
                {
                    return;
                }
            }

            if (_pos - _lastBackTracePos >= MaxBacktraceGap)
            {
                // Force a backtrace of the least-cost partial path.
                int leastIdx = -1;
                int leastCost = int.MaxValue;
                Position? leastPosData = null;
                for (int pos2 = _pos; pos2 < _positions.NextPos; pos2++)
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

                for (int pos2 = _pos; pos2 < _positions.NextPos; pos2++)
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
                if (_pos != leastPosData.Pos)
                {
                    _pos = leastPosData.Pos;
                }

                if (_pending.Count != 0)
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

                    int ordinal = _trie.GetOutput(node);
                    if (ordinal >= 0)
                    {
                        int end = _dictionary.GetEndWordId(ordinal);
                        short[] leftIds = _dictionary.LeftIds;
                        short[] wordCosts = _dictionary.Costs;
                        for (int wordId = _dictionary.GetFirstWordId(ordinal); wordId < end; wordId++)
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
                bool isPunct = IsPunctuation(firstCharacter);
                int unknownWordLength = 1;
                if (_characterDefinition.IsGroup(firstCharacter))
                {
                    for (int posAhead = _pos + 1; unknownWordLength < MaxUnknownWordLength && posAhead < _length; posAhead++)
                    {
                        char ch = buffer[posAhead];
                        if (characterId == _characterDefinition.GetCharacterClass(ch) && IsPunctuation(ch) == isPunct)
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
                Backtrace(endPosData, leastIdx);
            }
        }
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
            _cachedFrom = null;
            Position posData = _positions.Get(pos);
            if (posData.Count == 0)
            {
                posData.ForwardCount = 0;
                continue;
            }

            if (pos == startPos)
            {
                // At the start only the best path's context is used, so the parts stay congruent with the compound.
                int rightId = startPos == 0 ? 0 : GetDict(posData.BackType[bestStartIdx]).GetRightId(posData.BackId[bestStartIdx]);
                int pathCost = posData.Costs[bestStartIdx];
                for (int f = 0; f < posData.ForwardCount; f++)
                {
                    JapaneseTokenizerType forwardType = posData.ForwardType[f];
                    IDictionary dict2 = GetDict(forwardType);
                    int wordId = posData.ForwardId[f];
                    int toPos = posData.ForwardPos[f];
                    int newCost = pathCost + dict2.GetWordCost(wordId) + _costs.Get(rightId, dict2.GetLeftId(wordId)) + ComputePenalty(pos, toPos - pos);
                    _positions.Get(toPos).Add(newCost, dict2.GetRightId(wordId), pos, bestStartIdx, wordId, forwardType);
                }
            }
            else
            {
                for (int f = 0; f < posData.ForwardCount; f++)
                {
                    JapaneseTokenizerType forwardType = posData.ForwardType[f];
                    Add(GetDict(forwardType), posData, posData.ForwardPos[f], posData.ForwardId[f], forwardType, true);
                }
            }

            posData.ForwardCount = 0;
        }

        _cachedFrom = null;
    }

    private void Backtrace(Position endPosData, int fromIdx)
    {
        int endPos = endPosData.Pos;
        if (endPos == _lastBackTracePos)
        {
            return;
        }

        char[] fragment = _buffer;
        int pos = endPos;
        int bestIdx = fromIdx;
        Token? altToken = null;

        // Left id of the token after the one being visited (we walk backwards).
        int lastLeftWordId = -1;
        int backCount = 0;

        while (pos > _lastBackTracePos)
        {
            Position posData = _positions.Get(pos);
            int backPos = posData.BackPos[bestIdx];
            int length = pos - backPos;
            JapaneseTokenizerType backType = posData.BackType[bestIdx];
            int backId = posData.BackId[bestIdx];
            int nextBestIdx = posData.BackIndex[bestIdx];

            if (_outputCompounds && altToken == null && backType != JapaneseTokenizerType.USER)
            {
                int penalty = ComputePenalty(backPos, pos - backPos);
                if (penalty > 0)
                {
                    int maxCost = posData.Costs[bestIdx] + penalty;
                    if (lastLeftWordId != -1)
                    {
                        maxCost += _costs.Get(GetDict(backType).GetRightId(backId), lastLeftWordId);
                    }

                    PruneAndRescore(backPos, pos, posData.BackIndex[bestIdx]);

                    int leastCost = int.MaxValue;
                    int leastIdx = -1;
                    for (int idx = 0; idx < posData.Count; idx++)
                    {
                        int cost = posData.Costs[idx];
                        if (lastLeftWordId != -1)
                        {
                            cost += _costs.Get(GetDict(posData.BackType[idx]).GetRightId(posData.BackId[idx]), lastLeftWordId);
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
                        altToken = NewToken(backId, fragment, backPos, length, backType, backPos, GetDict(backType));
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

            IDictionary dict = GetDict(backType);
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

                    if (!_discardPunctuation || !IsPunctuation(fragment[backPos + i]))
                    {
                        _pending.Add(NewToken(CharacterDefinition.NGRAM, fragment, backPos + i, charLen, JapaneseTokenizerType.UNKNOWN, backPos + i, _unkDictionary));
                        unigramCount++;
                    }
                }

                backCount += unigramCount;
            }
            else if (!_discardPunctuation || length == 0 || !IsPunctuation(fragment[backPos]))
            {
                _pending.Add(NewToken(backId, fragment, backPos, length, backType, backPos, dict));
                backCount++;
            }

            lastLeftWordId = dict.GetLeftId(backId);
            pos = backPos;
            bestIdx = nextBestIdx;
        }

        _lastBackTracePos = endPos;
        _positions.FreeBefore(endPos);
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
