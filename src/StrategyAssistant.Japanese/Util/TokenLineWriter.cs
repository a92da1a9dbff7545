using StrategyAssistant.Japanese.Dict;

namespace StrategyAssistant.Japanese.Util;

/// <summary>
/// One tokenizer writing lines in the tokenizer TSV of <see cref="TokenizeFormatter"/>: per token <c>surface, start, end,
/// posInc, posLen, partOfSpeech, baseForm, reading, pronunciation, inflectionType, inflectionForm</c> (<c>*</c> for null),
/// then <c>EOS</c>. Nothing is allocated per line or per token: the line is read through one reused reader, the tokenizer
/// reuses its tokens, and the fields are read from the token itself (the values its attributes would report), not
/// through the attributes. Not thread-safe.
/// </summary>
internal sealed class TokenLineWriter : IDisposable
{
    private const string Null = "*";

    private readonly SegmentReader _reader = new();
    private readonly JapaneseTokenizer _tokenizer;

    public TokenLineWriter(JapaneseTokenizerMode mode, UserDictionary? userDictionary, bool discardPunctuation) =>
        _tokenizer = new JapaneseTokenizer(_reader, userDictionary, discardPunctuation, mode) { ReuseTokens = true };

    /// <summary>Appends the tokens of <paramref name="chars"/>[start, start+length) and <c>EOS</c> to <paramref name="output"/>.</summary>
    public void Write<TOutput>(char[] chars, int start, int length, ref TOutput output)
        where TOutput : struct, ITokenOutput
    {
        _reader.Set(chars, start, length);
        _tokenizer.SetReader(_reader);
        _tokenizer.Reset();
        while (_tokenizer.TryNextToken(out Token? token, out int positionIncrement, out int positionLength))
        {
            int position = token.Position;
            output.Append(token.SurfaceForm.AsSpan(token.Offset, token.Length));
            output.Append('\t');
            output.Append(_tokenizer.ReportedOffset(position));
            output.Append('\t');
            output.Append(_tokenizer.ReportedOffset(position + token.Length));
            output.Append('\t');
            output.Append(positionIncrement);
            output.Append('\t');
            output.Append(positionLength);
            output.Append('\t');
            if (token.Dictionary is TokenInfoDictionary known)
            {
                // Known words (nearly all): the same fields straight from the dictionary.
                output.AppendKnownFeatures(known, token.WordId);
                output.Append('\n');
                continue;
            }

            output.Append(token.GetPartOfSpeech() ?? Null);
            output.Append('\t');
            output.Append(token.GetBaseForm() ?? Null);
            output.Append('\t');
            output.Append(token.GetReading() ?? Null);
            output.Append('\t');
            output.Append(token.GetPronunciation() ?? Null);
            output.Append('\t');
            output.Append(token.GetInflectionType() ?? Null);
            output.Append('\t');
            output.Append(token.GetInflectionForm() ?? Null);
            output.Append('\n');
        }

        _tokenizer.End();
        _tokenizer.Dispose();
        output.Append("EOS\n");
    }

    public void Dispose() => _tokenizer.Dispose();
}
