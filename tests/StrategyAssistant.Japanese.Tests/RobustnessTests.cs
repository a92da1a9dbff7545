using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Lucene.Net.Util;
using static StrategyAssistant.Japanese.Tests.Analysis;

namespace StrategyAssistant.Japanese.Tests;

/// <summary>Bad and random input: no exception, offsets within the input, tokens and discarded characters cover the input in order.</summary>
public sealed class RobustnessTests
{
    private static readonly Gen<string> s_piece = Gen.OneOf(
        Gen.Choose(0x3041, 0x3096).Select(Char),
        Gen.Choose(0x30A1, 0x30FC).Select(Char),
        Gen.Choose(0x4E00, 0x9FA5).Select(Char),
        Gen.Elements("子育て", "支援", "事業", "関西国際空港", "令和", "まちづくり", "推進", "協議会", "の", "は", "、", "。", "・", "ー"),
        Gen.Choose(0x20, 0x7E).Select(Char),
        Gen.Choose(0xFF01, 0xFF9F).Select(Char),
        Gen.Choose(0x0000, 0x001F).Select(Char),
        Gen.Choose(0xD800, 0xDFFF).Select(Char),
        Gen.Elements("😀", "👨‍👩‍👧", "𩬅", "🇯🇵", "\u200B", "\uFEFF", "\u3000", "々", "ゝ", "\uFFFF", "\uFFFE", "ε", "Ж"),
        Gen.Choose(0, 0xFFFF).Select(Char));

    private static readonly Arbitrary<string> s_text = s_piece.ListOf().Select(p => string.Concat(p)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Tokens_cover_the_input_in_every_mode() => Prop.ForAll(s_text, text =>
    {
        foreach (JapaneseTokenizerMode mode in Enum.GetValues<JapaneseTokenizerMode>())
        {
            CheckCoverage(text, mode, discardPunctuation: false);
            CheckCoverage(text, mode, discardPunctuation: true);
        }

        return true;
    });

    [Property(MaxTest = 100)]
    public Property Analyzers_never_throw_and_keep_offsets_in_range() => Prop.ForAll(s_text, text =>
    {
        using var analyzer = new JapaneseAnalyzer(LuceneVersion.LUCENE_48);
        using var reading = new JapaneseReadingAnalyzer(LuceneVersion.LUCENE_48);
        foreach (Tok t in Analyze(analyzer, text).Concat(Analyze(reading, text)))
        {
            Assert.InRange(t.Start, 0, text.Length);
            Assert.InRange(t.End, t.Start, text.Length);
        }

        return true;
    });

    [Theory]
    [InlineData("")]
    [InlineData("。、！？「」『』（）・…　 \t")]
    [InlineData("\0\0\u0001\u0007\u001F\u007F")]
    [InlineData("😀😀👍🏽 絵文字テスト 🇯🇵")]
    [InlineData("\uD800")]
    [InlineData("\uDC00あ\uD800")]
    [InlineData("abc\uD83Dxyz\uDE00漢字")]
    [InlineData("Lucene.Netで日本語を解析する。Привет мир! Γειά σου 123-456 ４５６")]
    [InlineData("\r\n\u2028\u2029")]
    public void Bad_input_is_tokenized_without_exception(string text)
    {
        foreach (JapaneseTokenizerMode mode in Enum.GetValues<JapaneseTokenizerMode>())
        {
            CheckCoverage(text, mode, discardPunctuation: false);
            CheckCoverage(text, mode, discardPunctuation: true);
        }
    }

    [Theory]
    [InlineData("地域の子育て支援事業を推進します。令和6年度から関西国際空港の利用促進を図る。")]
    [InlineData("あ")]
    [InlineData("漢")]
    [InlineData("ア")]
    public void One_megabyte_line(string unit)
    {
        var sb = new StringBuilder(1 << 20);
        while (sb.Length < 1 << 20)
        {
            sb.Append(unit);
        }

        string text = sb.ToString();
        CheckCoverage(text, JapaneseTokenizerMode.SEARCH, discardPunctuation: true);
    }

    [Fact]
    public void Formatter_survives_invalid_lines()
    {
        string input = string.Join('\n', "", "\uD800", "😀", "\0", new string('ー', 5000), "普通の文です。", "。。。");
        var output = new StringWriter();
        TokenizeFormatter.WriteTokens(new StringReader(input), output, JapaneseTokenizerMode.SEARCH);
        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Count(l => l == "EOS"));
        Assert.All(lines.Where(l => l != "EOS"), l => Assert.Equal(11, l.Split('\t').Length));
        Assert.Contains("普通\t0\t2\t1\t1\t名詞-形容動詞語幹\t*\tフツウ\tフツー\t*\t*", lines);

        var analyzed = new StringWriter();
        TokenizeFormatter.WriteAnalyzerTerms(new StringReader(input), analyzed);
        string[] terms = analyzed.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, terms.Count(l => l == "EOS"));
        Assert.Contains("普通\t0\t2\t1\t1", terms);
    }

    private static string Char(int c) => ((char)c).ToString();

    /// <summary>
    /// Checks offsets, surfaces and coverage: the non-compound tokens (posInc 0 marks a compound) tile the input
    /// except for gaps, and every gap starts with punctuation and exists only when punctuation is discarded.
    /// </summary>
    private static void CheckCoverage(string text, JapaneseTokenizerMode mode, bool discardPunctuation)
    {
        List<Tok> tokens = Tokenize(text, mode, discardPunctuation);
        Assert.Equal(text.Length, FinalOffset);
        int covered = 0;
        int lastStart = 0;
        foreach (Tok t in tokens)
        {
            Assert.InRange(t.Start, 0, text.Length);
            Assert.InRange(t.End, t.Start + 1, text.Length);
            Assert.Equal(text[t.Start..t.End], t.Term);
            Assert.True(t.Start >= lastStart, "tokens out of order");
            lastStart = t.Start;
            if (t.PosInc == 0)
            {
                Assert.True(t.End >= covered, "compound ends inside covered text");
                continue;
            }

            Assert.Equal(1, t.PosInc);
            if (t.Start != covered)
            {
                Assert.True(t.Start > covered, $"overlap at {t.Start} ({mode})");
                Assert.True(discardPunctuation, $"gap at {covered} without discarding punctuation ({mode})");
                Assert.True(JapaneseTokenizer.IsPunctuation(text[covered]), $"gap at {covered} starts with non-punctuation ({mode})");
            }

            covered = t.End;
        }

        if (covered != text.Length)
        {
            Assert.True(discardPunctuation, $"uncovered tail at {covered} ({mode})");
            Assert.True(JapaneseTokenizer.IsPunctuation(text[covered]), $"tail at {covered} starts with non-punctuation ({mode})");
        }
    }
}
