using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using StrategyAssistant.Japanese.TokenAttributes;
using StrategyAssistant.Japanese.Util;

namespace StrategyAssistant.Japanese.Tests;

/// <summary>The allocation-free, parallel <c>tokenize</c> path writes exactly what the plain tokenizer API yields.</summary>
public sealed class StreamingTokenizeTests
{
    [Theory]
    [InlineData(JapaneseTokenizerMode.NORMAL)]
    [InlineData(JapaneseTokenizerMode.SEARCH)]
    [InlineData(JapaneseTokenizerMode.EXTENDED)]
    public void Formatter_with_reused_tokens_writes_what_fresh_tokens_give(JapaneseTokenizerMode mode)
    {
        string[] sentences = Fixtures.Sentences()[..400];
        var writer = new StringWriter();
        TokenizeFormatter.WriteTokens(new StringReader(string.Join('\n', sentences)), writer, mode);
        var expected = new StringBuilder();
        foreach (string sentence in sentences)
        {
            expected.Append(Plain(sentence, mode));
        }

        Assert.Equal(expected.ToString(), writer.ToString());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Parallel_output_is_the_sequential_output(int threads)
    {
        string input = string.Join('\n', Fixtures.Sentences()) + "\r\n\r\n末尾の行";
        var sequential = new StringWriter();
        TokenizeFormatter.WriteTokens(new StringReader(input), sequential, JapaneseTokenizerMode.SEARCH, null, discardPunctuation: true, threads: 1);
        var parallel = new StringWriter();
        TokenizeFormatter.WriteTokens(new StringReader(input), parallel, JapaneseTokenizerMode.SEARCH, null, discardPunctuation: true, threads);
        Assert.Equal(sequential.ToString(), parallel.ToString());
        Assert.Contains("末尾", parallel.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Byte_output_is_the_text_output_in_UTF8(int threads)
    {
        string input = string.Join('\n', Fixtures.Sentences()[..300]) + "\n𠮷野家の𩸽\n";
        var text = new StringWriter();
        TokenizeFormatter.WriteTokens(new StringReader(input), text, JapaneseTokenizerMode.NORMAL, null, discardPunctuation: true, threads: 1);
        var bytes = new MemoryStream();
        TokenizeFormatter.WriteTokens(new StringReader(input), bytes, JapaneseTokenizerMode.NORMAL, null, discardPunctuation: true, threads);
        Assert.Equal(Encoding.UTF8.GetBytes(text.ToString()), bytes.ToArray());
        Assert.Contains("𩸽", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parallel_with_no_input_writes_nothing()
    {
        var output = new StringWriter();
        TokenizeFormatter.WriteTokens(new StringReader(string.Empty), output, JapaneseTokenizerMode.NORMAL, null, discardPunctuation: true, threads: 2);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Theory]
    [InlineData("a\r\nb\rc\n\nd")]
    [InlineData("\r")]
    [InlineData("\r\n\r\n")]
    [InlineData("x\r")]
    [InlineData("\n\n")]
    [InlineData("")]
    [InlineData("末尾に改行なし")]
    public void Lines_split_as_ReadLine_splits_them(string text)
    {
        Assert.Equal(ReadLines(new StringReader(text)), Split(new StringReader(text)));
        Assert.Equal(ReadLines(new StringReader(text)), Split(new TrickleReader(text)));
    }

    [Fact]
    public void Lines_split_as_ReadLine_across_buffer_boundaries()
    {
        // A carriage return as the last character of a full buffer, a line longer than the buffer, many short lines.
        string text = new string('あ', (1 << 15) - 1) + "\r\n次" + new string('い', 70_000) + "\r" + string.Concat(Enumerable.Repeat("う\n", 5000));
        Assert.Equal(ReadLines(new StringReader(text)), Split(new StringReader(text)));
        Assert.Equal(ReadLines(new StringReader(text)), Split(new TrickleReader(text)));
    }

    [Fact]
    public void Tokenizers_used_in_turn_on_one_thread_do_not_disturb_each_other()
    {
        string[] sentences = Fixtures.Sentences()[..60];
        string a = string.Concat(sentences[..30]);
        string b = string.Concat(sentences[30..]);
        List<string> aloneA = Terms(a);
        List<string> aloneB = Terms(b);

        using var ta = new JapaneseTokenizer(new StringReader(a), null, true, JapaneseTokenizerMode.SEARCH);
        using var tb = new JapaneseTokenizer(new StringReader(b), null, true, JapaneseTokenizerMode.NORMAL);
        var termA = ta.GetAttribute<ICharTermAttribute>();
        var termB = tb.GetAttribute<ICharTermAttribute>();
        ta.Reset();
        tb.Reset();
        var turnA = new List<string>();
        var turnB = new List<string>();
        bool moreA = true, moreB = true;
        while (moreA || moreB)
        {
            if (moreA && (moreA = ta.IncrementToken()))
            {
                turnA.Add(termA.ToString());
            }

            if (moreB && (moreB = tb.IncrementToken()))
            {
                turnB.Add(termB.ToString());
            }
        }

        Assert.Equal(aloneA, turnA);
        Assert.Equal(Terms(b, JapaneseTokenizerMode.NORMAL), turnB);
        Assert.NotEmpty(aloneB);
    }

    private static List<string> Terms(string text, JapaneseTokenizerMode mode = JapaneseTokenizerMode.SEARCH)
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader(text), null, true, mode);
        var term = tokenizer.GetAttribute<ICharTermAttribute>();
        tokenizer.Reset();
        var terms = new List<string>();
        while (tokenizer.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        tokenizer.End();
        return terms;
    }

    // The TSV of one line through the public attribute API with a fresh Token per token.
    private static string Plain(string line, JapaneseTokenizerMode mode)
    {
        var sb = new StringBuilder();
        using var tokenizer = new JapaneseTokenizer(new StringReader(line), null, true, mode);
        var term = tokenizer.GetAttribute<ICharTermAttribute>();
        var offset = tokenizer.GetAttribute<IOffsetAttribute>();
        var posInc = tokenizer.GetAttribute<IPositionIncrementAttribute>();
        var posLen = tokenizer.GetAttribute<IPositionLengthAttribute>();
        var pos = tokenizer.GetAttribute<IPartOfSpeechAttribute>();
        var baseForm = tokenizer.GetAttribute<IBaseFormAttribute>();
        var reading = tokenizer.GetAttribute<IReadingAttribute>();
        var inflection = tokenizer.GetAttribute<IInflectionAttribute>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
            sb.Append(CultureInfo.InvariantCulture, $"{term}\t{offset.StartOffset}\t{offset.EndOffset}\t{posInc.PositionIncrement}\t{posLen.PositionLength}\t");
            sb.Append(pos.GetPartOfSpeech() ?? "*").Append('\t').Append(baseForm.GetBaseForm() ?? "*").Append('\t');
            sb.Append(reading.GetReading() ?? "*").Append('\t').Append(reading.GetPronunciation() ?? "*").Append('\t');
            sb.Append(inflection.GetInflectionType() ?? "*").Append('\t').Append(inflection.GetInflectionForm() ?? "*").Append('\n');
        }

        tokenizer.End();
        return sb.Append("EOS\n").ToString();
    }

    private static List<string> ReadLines(TextReader reader)
    {
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static List<string> Split(TextReader reader)
    {
        var lines = new List<string>();
        var source = new LineSource(reader);
        while (source.TryNext(out char[] chars, out int start, out int length))
        {
            lines.Add(new string(chars, start, length));
        }

        return lines;
    }

    /// <summary>Hands out at most three characters per read, as a pipe may.</summary>
    private sealed class TrickleReader(string text) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            int n = Math.Min(Math.Min(count, 3), text.Length - _position);
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }
}
