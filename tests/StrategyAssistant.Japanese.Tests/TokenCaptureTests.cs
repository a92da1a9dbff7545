using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using StrategyAssistant.Japanese.Dict;
using StrategyAssistant.Japanese.TokenAttributes;

namespace StrategyAssistant.Japanese.Tests;

/// <summary>A captured tokenization replayed into an analyzer's filters gives what the analyzer gives the text: every
/// attribute of every token, and the state after End (final offset, position increment of the removed tail).</summary>
public sealed class TokenCaptureTests
{
    private const string UserEntries = "関西国際空港,関西 国際 空港,カンサイ コクサイ クウコウ,テスト名詞\n子育て支援センター,子育て支援センター,コソダテシエンセンター,カスタム名詞";

    public static TheoryData<JapaneseTokenizerMode, bool> Settings() => new()
    {
        { JapaneseTokenizerMode.SEARCH, false },
        { JapaneseTokenizerMode.NORMAL, false },
        { JapaneseTokenizerMode.EXTENDED, false },
        { JapaneseTokenizerMode.SEARCH, true },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Replay_into_both_analyzers_gives_what_each_analyzer_gives(JapaneseTokenizerMode mode, bool withUserDictionary)
    {
        UserDictionary? user = withUserDictionary ? new UserDictionary(new StringReader(UserEntries)) : null;
        using var baseForms = new JapaneseAnalyzer(LuceneVersion.LUCENE_48, user, mode, JapaneseAnalyzer.DefaultStopSet, JapaneseAnalyzer.DefaultStopTags);
        using var readings = new JapaneseReadingAnalyzer(LuceneVersion.LUCENE_48, user, mode, JapaneseAnalyzer.DefaultStopSet, JapaneseAnalyzer.DefaultStopTags);
        int tokens = 0;
        foreach (string text in Texts())
        {
            // One capture for both analyzers, as the index does; the other texts run in between on the same thread.
            JapaneseTokenCapture capture = baseForms.Capture(text);
            Assert.Equal(Describe(baseForms.GetTokenStream("f", text)), Describe(baseForms.GetTokenStream(capture)));
            Assert.Equal(Describe(readings.GetTokenStream("f", text)), Describe(readings.GetTokenStream(capture)));
            tokens += capture.Count;
        }

        Assert.True(tokens > 10_000, $"{tokens} tokens compared");
    }

    [Fact]
    public void A_capture_replays_the_same_tokens_after_other_texts_are_tokenized()
    {
        using var analyzer = new JapaneseAnalyzer(LuceneVersion.LUCENE_48);
        const string text = "地方創生の総合戦略を推進する。";
        JapaneseTokenCapture capture = analyzer.Capture(text);
        string expected = Describe(analyzer.GetTokenStream("f", text));
        // The tokenizer behind the capture is reused: its buffer now holds other text.
        analyzer.Capture("移住者数の目標値を達成した。");
        analyzer.Capture(new string('あ', 600));
        Assert.Equal(expected, Describe(analyzer.GetTokenStream(capture)));
        Assert.Equal(expected, Describe(analyzer.GetTokenStream(capture)));
    }

    [Fact]
    public void A_capture_of_other_settings_is_refused()
    {
        using var search = new JapaneseAnalyzer(LuceneVersion.LUCENE_48);
        using var normal = new JapaneseReadingAnalyzer(LuceneVersion.LUCENE_48, null, JapaneseTokenizerMode.NORMAL, JapaneseAnalyzer.DefaultStopSet, JapaneseAnalyzer.DefaultStopTags);
        JapaneseTokenCapture capture = search.Capture("子育て支援");
        Assert.True(capture.IsFrom(null, true, JapaneseTokenizerMode.SEARCH));
        Assert.Throws<ArgumentException>(() => normal.GetTokenStream(capture));
    }

    private static IEnumerable<string> Texts()
    {
        string[] sentences = Fixtures.Sentences()[..600];
        foreach (string sentence in sentences)
        {
            yield return sentence;
        }

        // Several lines in one text (passages), a trailing stop word and punctuation, an empty text.
        for (int i = 0; i + 5 <= sentences.Length; i += 50)
        {
            yield return string.Join('\n', sentences[i..(i + 5)]);
        }

        yield return "関西国際空港の子育て支援センターでは";
        yield return "。、「」";
        yield return string.Empty;
    }

    private static string Describe(TokenStream stream)
    {
        var text = new StringBuilder();
        using (stream)
        {
            ICharTermAttribute term = stream.AddAttribute<ICharTermAttribute>();
            IOffsetAttribute offset = stream.AddAttribute<IOffsetAttribute>();
            IPositionIncrementAttribute increment = stream.AddAttribute<IPositionIncrementAttribute>();
            IPositionLengthAttribute length = stream.AddAttribute<IPositionLengthAttribute>();
            IPartOfSpeechAttribute pos = stream.AddAttribute<IPartOfSpeechAttribute>();
            IBaseFormAttribute baseForm = stream.AddAttribute<IBaseFormAttribute>();
            IReadingAttribute reading = stream.AddAttribute<IReadingAttribute>();
            IInflectionAttribute inflection = stream.AddAttribute<IInflectionAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                text.Append($"{term}|{offset.StartOffset}-{offset.EndOffset}|+{increment.PositionIncrement}|{length.PositionLength}|{pos.GetPartOfSpeech()}|" +
                    $"{baseForm.GetBaseForm()}|{reading.GetReading()}|{reading.GetPronunciation()}|{inflection.GetInflectionType()}|{inflection.GetInflectionForm()}\n");
            }

            stream.End();
            text.Append($"END|{term}|{offset.StartOffset}-{offset.EndOffset}|+{increment.PositionIncrement}|{length.PositionLength}|{pos.GetPartOfSpeech()}");
        }

        return text.ToString();
    }
}
