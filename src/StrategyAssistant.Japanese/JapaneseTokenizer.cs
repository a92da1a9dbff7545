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

    /// <summary>
    /// True when a token starting with this character is punctuation (dropped when discarding punctuation):
    /// separators, control, format, punctuation and symbol categories.
    /// </summary>
    public static bool IsPunctuation(char ch) => Punctuation.Is(ch);

    private readonly ICharTermAttribute _termAtt;
    private readonly IOffsetAttribute _offsetAtt;
    private readonly IPositionIncrementAttribute _posIncAtt;
    private readonly IPositionLengthAttribute _posLengthAtt;
    private readonly IBaseFormAttribute _baseFormAtt;
    private readonly IPartOfSpeechAttribute _posAtt;
    private readonly IReadingAttribute _readingAtt;
    private readonly IInflectionAttribute _inflectionAtt;

    private readonly UserDictionary? _userDictionary;
    private readonly bool _discardPunctuation;
    private readonly Viterbi _lattice;
    private readonly Backtracer _output;

    private char[] _buffer = new char[256];
    private int _length;
    private int _lastTokenPos;

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

        _userDictionary = userDictionary;
        _discardPunctuation = discardPunctuation;
        Mode = mode;
        _lattice = new Viterbi(SystemDictionary.Instance, userDictionary, mode, discardPunctuation);
        _output = _lattice.Output;
        ResetState();
    }

    /// <summary>The segmentation mode.</summary>
    public JapaneseTokenizerMode Mode { get; }

    /// <summary>
    /// Reuse <see cref="Token"/> objects from one parse to the next instead of allocating one per token. Only for a consumer
    /// that reads the token attributes before the next <see cref="IncrementToken"/> and never captures their state (a
    /// captured state refers to the token, which a later parse overwrites): <see cref="TokenizeFormatter"/>.
    /// </summary>
    internal bool ReuseTokens
    {
        get => _output.ReuseTokens;
        set => _output.ReuseTokens = value;
    }

    /// <summary>True when this tokenizer has these settings.</summary>
    internal bool Matches(UserDictionary? userDictionary, bool discardPunctuation, JapaneseTokenizerMode mode) =>
        ReferenceEquals(_userDictionary, userDictionary) && _discardPunctuation == discardPunctuation && Mode == mode;

    /// <summary>The token the attributes were last set from (valid until the next <see cref="IncrementToken"/>).</summary>
    internal Token? CurrentToken { get; private set; }

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
        int finalOffset = CorrectOffset(_lattice.Pos);
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
        while (_output.PendingCount == 0)
        {
            if (_lattice.IsEnd)
            {
                token = null;
                positionIncrement = 0;
                positionLength = 0;
                return false;
            }

            // Every token of the previous parse has been handed out and consumed (Parse runs only when none is pending).
            _output.RecycleTokens();
            _lattice.Parse();
        }

        token = _output.Take();
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
        _lastTokenPos = -1;
        _lattice.Reset(_buffer, _length);
    }
}
