using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using StrategyAssistant.Japanese.Dict;
using StrategyAssistant.Japanese.Util;

namespace StrategyAssistant.Japanese;

/// <summary>
/// Writes tokenizer and analyzer output in the TSV formats of the Kuromoji reference fixtures, one input line at a
/// time, with <c>EOS</c> after each line. Used by the CLI <c>tokenize</c> command.
/// </summary>
public static class TokenizeFormatter
{
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
    public static void WriteTokens(TextReader input, TextWriter output, JapaneseTokenizerMode mode, UserDictionary? userDictionary, bool discardPunctuation) =>
        WriteTokens(input, output, mode, userDictionary, discardPunctuation, threads: 1);

    /// <summary>
    /// As <see cref="WriteTokens(TextReader, TextWriter, JapaneseTokenizerMode, UserDictionary?, bool)"/> on up to
    /// <paramref name="threads"/> threads: chunks of whole lines are tokenized in parallel and written in input order, so
    /// the output is the same as on one thread.
    /// </summary>
    public static void WriteTokens(TextReader input, TextWriter output, JapaneseTokenizerMode mode, UserDictionary? userDictionary, bool discardPunctuation, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (threads > 1)
        {
            ParallelTokenWriter.Write(input, output, null, mode, userDictionary, discardPunctuation, threads);
            return;
        }

        using var writer = new TokenLineWriter(mode, userDictionary, discardPunctuation);
        var buffer = new CharBuffer(new char[4096]);
        var lines = new LineSource(input);
        while (lines.TryNext(out char[] chars, out int start, out int length))
        {
            buffer.Length = 0;
            writer.Write(chars, start, length, ref buffer);
            output.Write(buffer.Chars, 0, buffer.Length);
        }
    }

    /// <summary>
    /// As <see cref="WriteTokens(TextReader, TextWriter, JapaneseTokenizerMode, UserDictionary?, bool, int)"/> into a byte
    /// stream, as UTF-8 without a byte order mark (the bytes a UTF-8 writer over the stream would write), formatted as bytes
    /// straight away (known words' features are copied as bytes encoded once per word). With several threads the
    /// tokenizing threads format the bytes, so the writing thread only copies them.
    /// </summary>
    public static void WriteTokens(TextReader input, Stream output, JapaneseTokenizerMode mode, UserDictionary? userDictionary, bool discardPunctuation, int threads)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (threads > 1)
        {
            ParallelTokenWriter.Write(input, null, output, mode, userDictionary, discardPunctuation, threads);
            output.Flush();
            return;
        }

        using var writer = new TokenLineWriter(mode, userDictionary, discardPunctuation);
        var buffer = new Utf8Buffer(new byte[1 << 16]);
        var lines = new LineSource(input);
        while (lines.TryNext(out char[] chars, out int start, out int length))
        {
            writer.Write(chars, start, length, ref buffer);
            if (buffer.Length >= 1 << 15)
            {
                output.Write(buffer.Bytes, 0, buffer.Length);
                buffer.Length = 0;
            }
        }

        output.Write(buffer.Bytes, 0, buffer.Length);
        output.Flush();
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
}
