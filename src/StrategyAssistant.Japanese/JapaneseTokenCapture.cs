using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using StrategyAssistant.Japanese.Dict;
using StrategyAssistant.Japanese.TokenAttributes;

namespace StrategyAssistant.Japanese;

/// <summary>
/// One tokenization of a text, replayable into several filter chains: an index that writes a text into a base-form field
/// and a reading field tokenizes it once (<see cref="JapaneseAnalyzer.GetTokenStream(JapaneseTokenCapture)"/>,
/// <see cref="JapaneseReadingAnalyzer.GetTokenStream(JapaneseTokenCapture)"/>). A replay sets the attributes exactly as
/// <see cref="JapaneseTokenizer"/> set them, token for token and at <c>End</c>, so the filters give the same terms.
/// </summary>
public sealed class JapaneseTokenCapture
{
    private readonly Entry[] _tokens;
    private readonly char[] _text;

    private JapaneseTokenCapture(Entry[] tokens, char[] text, UserDictionary? userDictionary, bool discardPunctuation, JapaneseTokenizerMode mode)
    {
        _tokens = tokens;
        _text = text;
        UserDictionary = userDictionary;
        DiscardPunctuation = discardPunctuation;
        Mode = mode;
    }

    /// <summary>Number of tokens.</summary>
    public int Count => _tokens.Length;

    /// <summary>The tokenizer's user dictionary (an analyzer replays only a capture of its own tokenizer's settings).</summary>
    public UserDictionary? UserDictionary { get; }

    /// <summary>Whether the tokenizer discarded punctuation.</summary>
    public bool DiscardPunctuation { get; }

    /// <summary>The tokenizer's mode.</summary>
    public JapaneseTokenizerMode Mode { get; }

    /// <summary>Tokenizes <paramref name="text"/> with a tokenizer of these settings (one per thread, reused).</summary>
    public static JapaneseTokenCapture Tokenize(string text, UserDictionary? userDictionary, bool discardPunctuation, JapaneseTokenizerMode mode)
    {
        ArgumentNullException.ThrowIfNull(text);
        JapaneseTokenizer tokenizer = TokenizerCache.Get(userDictionary, discardPunctuation, mode);
        // Tokens point into this copy, not into the tokenizer's buffer, which the next text overwrites.
        char[] chars = text.ToCharArray();
        var tokens = new List<Entry>();
        IPositionIncrementAttribute increment = tokenizer.GetAttribute<IPositionIncrementAttribute>();
        IPositionLengthAttribute length = tokenizer.GetAttribute<IPositionLengthAttribute>();
        IOffsetAttribute offset = tokenizer.GetAttribute<IOffsetAttribute>();
        tokenizer.SetReader(new StringReader(text));
        try
        {
            tokenizer.Reset();
            while (tokenizer.IncrementToken())
            {
                Token token = tokenizer.CurrentToken!;
                var copy = new Token(token.WordId, chars, token.Position, token.Length, token.Type, token.Position, token.Dictionary)
                {
                    PositionLength = token.PositionLength,
                };
                tokens.Add(new Entry(copy, increment.PositionIncrement, length.PositionLength, offset.StartOffset, offset.EndOffset));
            }

            tokenizer.End();
            tokens.Add(new Entry(null, increment.PositionIncrement, length.PositionLength, offset.StartOffset, offset.EndOffset));
        }
        finally
        {
            tokenizer.Dispose();
        }

        return new JapaneseTokenCapture([.. tokens], chars, userDictionary, discardPunctuation, mode);
    }

    /// <summary>True when this capture came from a tokenizer with these settings.</summary>
    public bool IsFrom(UserDictionary? userDictionary, bool discardPunctuation, JapaneseTokenizerMode mode) =>
        ReferenceEquals(UserDictionary, userDictionary) && DiscardPunctuation == discardPunctuation && Mode == mode;

    /// <summary>A token stream that plays the tokens back with the tokenizer's attributes (the source of a filter chain).</summary>
    public TokenStream Replay() => new TokenReplay { Capture = this };

    // The last entry is the state after End (Token null).
    private readonly record struct Entry(Token? Token, int Increment, int PositionLength, int Start, int End);

    /// <summary>Plays a capture back, with the tokenizer's attributes in the tokenizer's order. Reusable: an analyzer keeps
    /// one with its filters per thread and sets the next capture before the chain is reset.</summary>
    internal sealed class TokenReplay : TokenStream
    {
        private readonly ICharTermAttribute _termAtt;
        private readonly IOffsetAttribute _offsetAtt;
        private readonly IPositionIncrementAttribute _posIncAtt;
        private readonly IPositionLengthAttribute _posLengthAtt;
        private readonly IBaseFormAttribute _baseFormAtt;
        private readonly IPartOfSpeechAttribute _posAtt;
        private readonly IReadingAttribute _readingAtt;
        private readonly IInflectionAttribute _inflectionAtt;
        private int _next;

        public JapaneseTokenCapture? Capture { get; set; }

        public TokenReplay()
        {
            _termAtt = AddAttribute<ICharTermAttribute>();
            _offsetAtt = AddAttribute<IOffsetAttribute>();
            _posIncAtt = AddAttribute<IPositionIncrementAttribute>();
            _posLengthAtt = AddAttribute<IPositionLengthAttribute>();
            _baseFormAtt = AddAttribute<IBaseFormAttribute>();
            _posAtt = AddAttribute<IPartOfSpeechAttribute>();
            _readingAtt = AddAttribute<IReadingAttribute>();
            _inflectionAtt = AddAttribute<IInflectionAttribute>();
        }

        public override bool IncrementToken()
        {
            Entry[] tokens = Capture!._tokens;
            if (_next >= tokens.Length - 1)
            {
                return false;
            }

            Entry entry = tokens[_next++];
            Token token = entry.Token!;
            ClearAttributes();
            _termAtt.CopyBuffer(Capture._text, token.Position, token.Length);
            _offsetAtt.SetOffset(entry.Start, entry.End);
            _baseFormAtt.SetToken(token);
            _posAtt.SetToken(token);
            _readingAtt.SetToken(token);
            _inflectionAtt.SetToken(token);
            _posIncAtt.PositionIncrement = entry.Increment;
            _posLengthAtt.PositionLength = entry.PositionLength;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }

        public override void End()
        {
            base.End();
            Entry end = Capture!._tokens[^1];
            _posIncAtt.PositionIncrement = end.Increment;
            _posLengthAtt.PositionLength = end.PositionLength;
            _offsetAtt.SetOffset(end.Start, end.End);
        }
    }

    /// <summary>One tokenizer per thread and setting (the analyzers' components are reused the same way).</summary>
    private static class TokenizerCache
    {
        [ThreadStatic]
        private static List<JapaneseTokenizer>? t_tokenizers;

        public static JapaneseTokenizer Get(UserDictionary? userDictionary, bool discardPunctuation, JapaneseTokenizerMode mode)
        {
            List<JapaneseTokenizer> tokenizers = t_tokenizers ??= [];
            foreach (JapaneseTokenizer known in tokenizers)
            {
                if (known.Matches(userDictionary, discardPunctuation, mode))
                {
                    return known;
                }
            }

            var tokenizer = new JapaneseTokenizer(TextReader.Null, userDictionary, discardPunctuation, mode) { ReuseTokens = true };
            // The constructor's reader is pending until the first Reset; SetReader needs a tokenizer without one.
            tokenizer.Dispose();
            if (tokenizers.Count == 8)
            {
                tokenizers.RemoveAt(0);
            }

            tokenizers.Add(tokenizer);
            return tokenizer;
        }
    }
}
