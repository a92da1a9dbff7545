using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using StrategyAssistant.Japanese.Dict;
using StrategyAssistant.Japanese.TokenAttributes;
using StrategyAssistant.Japanese.Util;

namespace StrategyAssistant.Japanese;

/// <summary>
/// Writes tokenizer and analyzer output in the TSV formats of the Kuromoji reference fixtures, one input line at a
/// time, with <c>EOS</c> after each line. Used by the CLI <c>tokenize</c> command.
/// </summary>
public static class TokenizeFormatter
{
    private const string Null = "*";

    private static void WriteInt(TextWriter output, int value)
    {
        Span<char> digits = stackalloc char[12];
        value.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture);
        output.Write(digits[..written]);
    }

    /// <summary>
    /// Tokenizes each line of <paramref name="input"/> (punctuation discarded) and writes
    /// <c>surface, start, end, posInc, posLen, partOfSpeech, baseForm, reading, pronunciation, inflectionType, inflectionForm</c>
    /// per token (<c>*</c> for null) and <c>EOS</c> after each line.
    /// </summary>
    public static void WriteTokens(TextReader input, TextWriter output, JapaneseTokenizerMode mode) =>
        WriteTokens(input, output, mode, userDictionary: null, discardPunctuation: true);

    /// <summary>As <see cref="WriteTokens(TextReader, TextWriter, JapaneseTokenizerMode)"/> with a user dictionary and punctuation option.</summary>
    public static void WriteTokens(TextReader input, TextWriter output, JapaneseTokenizerMode mode, UserDictionary? userDictionary, bool discardPunctuation)
    {
        // Nothing is allocated per line or per token: lines are segments of one buffer read through one reader, and the
        // tokenizer reuses its tokens (this loop reads each token's attributes before asking for the next).
        var reader = new SegmentReader();
        using var tokenizer = new JapaneseTokenizer(reader, userDictionary, discardPunctuation, mode) { ReuseTokens = true };
        var term = tokenizer.GetAttribute<ICharTermAttribute>();
        var offset = tokenizer.GetAttribute<IOffsetAttribute>();
        var posInc = tokenizer.GetAttribute<IPositionIncrementAttribute>();
        var posLen = tokenizer.GetAttribute<IPositionLengthAttribute>();
        var pos = tokenizer.GetAttribute<IPartOfSpeechAttribute>();
        var baseForm = tokenizer.GetAttribute<IBaseFormAttribute>();
        var reading = tokenizer.GetAttribute<IReadingAttribute>();
        var inflection = tokenizer.GetAttribute<IInflectionAttribute>();
        char[] lineBuffer = new char[4096];
        var lines = new LineSource(input);
        while (lines.TryNext(out char[] chars, out int start, out int length))
        {
            reader.Set(chars, start, length);
            tokenizer.SetReader(reader);
            tokenizer.Reset();
            var buffer = new LineBuffer(lineBuffer);
            while (tokenizer.IncrementToken())
            {
                buffer.Append(term.Buffer.AsSpan(0, term.Length));
                buffer.Append('\t');
                buffer.Append(offset.StartOffset);
                buffer.Append('\t');
                buffer.Append(offset.EndOffset);
                buffer.Append('\t');
                buffer.Append(posInc.PositionIncrement);
                buffer.Append('\t');
                buffer.Append(posLen.PositionLength);
                buffer.Append('\t');
                buffer.Append(pos.GetPartOfSpeech() ?? Null);
                buffer.Append('\t');
                buffer.Append(baseForm.GetBaseForm() ?? Null);
                buffer.Append('\t');
                buffer.Append(reading.GetReading() ?? Null);
                buffer.Append('\t');
                buffer.Append(reading.GetPronunciation() ?? Null);
                buffer.Append('\t');
                buffer.Append(inflection.GetInflectionType() ?? Null);
                buffer.Append('\t');
                buffer.Append(inflection.GetInflectionForm() ?? Null);
                buffer.Append('\n');
            }

            lineBuffer = buffer.Chars;
            output.Write(lineBuffer, 0, buffer.Length);
            tokenizer.End();
            tokenizer.Dispose();
            output.Write("EOS\n");
        }
    }

    /// <summary>
    /// Runs the default <see cref="JapaneseAnalyzer"/> over each line and writes <c>term, start, end, posInc, posLen</c>
    /// per term and <c>EOS</c> after each line.
    /// </summary>
    public static void WriteAnalyzerTerms(TextReader input, TextWriter output)
    {
        using var analyzer = new JapaneseAnalyzer(LuceneVersion.LUCENE_48);
        WriteAnalyzerTerms(input, output, analyzer);
    }

    /// <summary>As <see cref="WriteAnalyzerTerms(TextReader, TextWriter)"/> with any analyzer.</summary>
    public static void WriteAnalyzerTerms(TextReader input, TextWriter output, Analyzer analyzer)
    {
        string? line;
        while ((line = input.ReadLine()) != null)
        {
            using (TokenStream stream = analyzer.GetTokenStream("text", new StringReader(line)))
            {
                var term = stream.AddAttribute<ICharTermAttribute>();
                var offset = stream.AddAttribute<IOffsetAttribute>();
                var posInc = stream.AddAttribute<IPositionIncrementAttribute>();
                var posLen = stream.AddAttribute<IPositionLengthAttribute>();
                stream.Reset();
                while (stream.IncrementToken())
                {
                    output.Write(term.Buffer, 0, term.Length);
                    output.Write('\t');
                    WriteInt(output, offset.StartOffset);
                    output.Write('\t');
                    WriteInt(output, offset.EndOffset);
                    output.Write('\t');
                    WriteInt(output, posInc.PositionIncrement);
                    output.Write('\t');
                    WriteInt(output, posLen.PositionLength);
                    output.Write('\n');
                }

                stream.End();
            }

            output.Write("EOS\n");
        }
    }

    /// <summary>Accumulates one input line's output in a reusable char array (one write per input line).</summary>
    private struct LineBuffer(char[] chars)
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
}
