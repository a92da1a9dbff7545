using System.Globalization;
using Lucene.Net.Analysis.TokenAttributes;
using StrategyAssistant.Japanese.Dict;
using StrategyAssistant.Japanese.TokenAttributes;

namespace StrategyAssistant.Japanese.Util;

/// <summary>
/// One tokenizer writing lines in the tokenizer TSV of <see cref="TokenizeFormatter"/>: per token <c>surface, start, end,
/// posInc, posLen, partOfSpeech, baseForm, reading, pronunciation, inflectionType, inflectionForm</c> (<c>*</c> for null),
/// then <c>EOS</c>. Nothing is allocated per line or per token: the line is read through one reused reader and the
/// tokenizer reuses its tokens (each token's attributes are read before the next is asked for). Not thread-safe.
/// </summary>
internal sealed class TokenLineWriter : IDisposable
{
    private const string Null = "*";

    private readonly SegmentReader _reader = new();
    private readonly JapaneseTokenizer _tokenizer;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _posInc;
    private readonly IPositionLengthAttribute _posLen;
    private readonly IPartOfSpeechAttribute _pos;
    private readonly IBaseFormAttribute _baseForm;
    private readonly IReadingAttribute _reading;
    private readonly IInflectionAttribute _inflection;

    public TokenLineWriter(JapaneseTokenizerMode mode, UserDictionary? userDictionary, bool discardPunctuation)
    {
        _tokenizer = new JapaneseTokenizer(_reader, userDictionary, discardPunctuation, mode) { ReuseTokens = true };
        _term = _tokenizer.GetAttribute<ICharTermAttribute>();
        _offset = _tokenizer.GetAttribute<IOffsetAttribute>();
        _posInc = _tokenizer.GetAttribute<IPositionIncrementAttribute>();
        _posLen = _tokenizer.GetAttribute<IPositionLengthAttribute>();
        _pos = _tokenizer.GetAttribute<IPartOfSpeechAttribute>();
        _baseForm = _tokenizer.GetAttribute<IBaseFormAttribute>();
        _reading = _tokenizer.GetAttribute<IReadingAttribute>();
        _inflection = _tokenizer.GetAttribute<IInflectionAttribute>();
    }

    /// <summary>Appends the tokens of <paramref name="chars"/>[start, start+length) and <c>EOS</c> to <paramref name="output"/>.</summary>
    public void Write(char[] chars, int start, int length, ref CharBuffer output)
    {
        _reader.Set(chars, start, length);
        _tokenizer.SetReader(_reader);
        _tokenizer.Reset();
        while (_tokenizer.IncrementToken())
        {
            output.Append(_term.Buffer.AsSpan(0, _term.Length));
            output.Append('\t');
            output.Append(_offset.StartOffset);
            output.Append('\t');
            output.Append(_offset.EndOffset);
            output.Append('\t');
            output.Append(_posInc.PositionIncrement);
            output.Append('\t');
            output.Append(_posLen.PositionLength);
            output.Append('\t');
            if (_tokenizer.CurrentToken is { Dictionary: TokenInfoDictionary known } token)
            {
                // Known words (nearly all): the same fields straight from the dictionary's string pool.
                known.AppendFeatures(token.WordId, ref output);
                output.Append('\n');
                continue;
            }

            output.Append(_pos.GetPartOfSpeech() ?? Null);
            output.Append('\t');
            output.Append(_baseForm.GetBaseForm() ?? Null);
            output.Append('\t');
            output.Append(_reading.GetReading() ?? Null);
            output.Append('\t');
            output.Append(_reading.GetPronunciation() ?? Null);
            output.Append('\t');
            output.Append(_inflection.GetInflectionType() ?? Null);
            output.Append('\t');
            output.Append(_inflection.GetInflectionForm() ?? Null);
            output.Append('\n');
        }

        _tokenizer.End();
        _tokenizer.Dispose();
        output.Append("EOS\n");
    }

    public void Dispose() => _tokenizer.Dispose();
}

/// <summary>A growable char buffer (reused: set <see cref="Length"/> to 0).</summary>
internal struct CharBuffer(char[] chars)
{
    public char[] Chars = chars;
    public int Length;

    public void Append(char c)
    {
        if (Length == Chars.Length)
        {
            Array.Resize(ref Chars, Chars.Length * 2);
        }

        Chars[Length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (Length + text.Length > Chars.Length)
        {
            Array.Resize(ref Chars, Math.Max(Chars.Length * 2, Length + text.Length));
        }

        text.CopyTo(Chars.AsSpan(Length));
        Length += text.Length;
    }

    public void Append(int value)
    {
        if (Length + 11 > Chars.Length)
        {
            Array.Resize(ref Chars, Chars.Length * 2);
        }

        value.TryFormat(Chars.AsSpan(Length), out int written, default, CultureInfo.InvariantCulture);
        Length += written;
    }
}
