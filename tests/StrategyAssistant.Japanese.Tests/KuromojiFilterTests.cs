using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using StrategyAssistant.Japanese.Dict;
using StrategyAssistant.Japanese.Util;
using static StrategyAssistant.Japanese.Tests.Analysis;

namespace StrategyAssistant.Japanese.Tests;

/// <summary>Kuromoji's analyzer, filter, user dictionary and utility test cases (spec §4).</summary>
public sealed class KuromojiFilterTests
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    [Fact]
    public void Analyzer_default_chain()
    {
        using var analyzer = new JapaneseAnalyzer(Version);
        var tokens = Analyze(analyzer, "多くの学生が試験に落ちた。");
        Assert.Equal("多く|学生|試験|落ちる", Terms(tokens));
        Assert.Equal([0, 3, 6, 9], tokens.Select(t => t.Start));
        Assert.Equal([2, 5, 8, 11], tokens.Select(t => t.End));
        Assert.Equal([1, 2, 2, 2], tokens.Select(t => t.PosInc));
    }

    [Theory]
    [InlineData("シニアソフトウェアエンジニア", "シニア|シニアソフトウェアエンジニア|ソフトウェア|エンジニア", "1,0,1,1", "1,3,1,1")]
    [InlineData("シニアプロジェクトマネージャー", "シニア|シニアプロジェクトマネージャ|プロジェクト|マネージャ", "1,0,1,1", "1,3,1,1")]
    [InlineData("関西国際空港", "関西|関西国際空港|国際|空港", "1,0,1,1", "1,3,1,1")]
    [InlineData("コニカミノルタホールディングス", "コニカ|コニカミノルタホールディングス|ミノルタ|ホールディングス", "1,0,1,1", "1,3,1,1")]
    [InlineData("成田空港", "成田|成田空港|空港", "1,0,1", "1,2,1")]
    [InlineData("京都大学硬式野球部", "京都大|学|硬式|野球|部", "1,1,1,1,1", "1,1,1,1,1")]
    public void Analyzer_search_mode_compounds(string text, string terms, string posIncs, string posLens)
    {
        using var analyzer = new JapaneseAnalyzer(Version, null, JapaneseTokenizerMode.SEARCH, JapaneseAnalyzer.DefaultStopSet, JapaneseAnalyzer.DefaultStopTags);
        var tokens = Analyze(analyzer, text);
        Assert.Equal(terms, Terms(tokens));
        Assert.Equal(posIncs, string.Join(',', tokens.Select(t => t.PosInc)));
        Assert.Equal(posLens, string.Join(',', tokens.Select(t => t.PosLen)));
    }

    [Fact]
    public void Default_stop_sets()
    {
        Assert.Equal(109, JapaneseAnalyzer.DefaultStopSet.Count);
        Assert.Equal(27, JapaneseAnalyzer.DefaultStopTags.Count);
        Assert.Contains("助詞-格助詞-一般", JapaneseAnalyzer.DefaultStopTags);
        Assert.DoesNotContain("名詞-一般", JapaneseAnalyzer.DefaultStopTags);
        Assert.Contains("その後", (ISet<string>)JapaneseAnalyzer.DefaultStopSet);
    }

    [Fact]
    public void Base_form_filter()
    {
        Assert.Equal("それ|は|まだ|実験|段階|に|ある|ます", Terms(Collect(new JapaneseBaseFormFilter(Tokenizer("それはまだ実験段階にあります")))));
        var keywords = new CharArraySet(Version, ["あり"], false);
        Assert.Equal("それ|は|まだ|実験|段階|に|あり|ます", Terms(Collect(new JapaneseBaseFormFilter(new SetKeywordMarkerFilter(Tokenizer("それはまだ実験段階にあります"), keywords)))));
        Assert.Equal("this|atest", Terms(Collect(new JapaneseBaseFormFilter(Tokenizer("this atest")))));
    }

    [Fact]
    public void Katakana_stem_filter()
    {
        var tokens = Collect(new JapaneseKatakanaStemFilter(new WhitespaceTokenizer(Version, new StringReader("コピー コーヒー タクシー パーティー パーティ センター"))));
        Assert.Equal("コピー|コーヒ|タクシ|パーティ|パーティ|センタ", Terms(tokens));
        Assert.Equal([0, 4, 9, 14, 20, 25], tokens.Select(t => t.Start));
        Assert.Equal([3, 8, 13, 19, 24, 29], tokens.Select(t => t.End));
        Assert.Equal("ﾀｸｼｰ", Terms(Collect(new JapaneseKatakanaStemFilter(new WhitespaceTokenizer(Version, new StringReader("ﾀｸｼｰ"))))));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JapaneseKatakanaStemFilter(new WhitespaceTokenizer(Version, new StringReader("x")), 1));

        Assert.Equal(
            "明後日|パーティ|に|行く|予定|が|ある|図書館|で|資料|を|コピー|し|まし|た",
            Terms(Collect(new JapaneseKatakanaStemFilter(Tokenizer("明後日パーティーに行く予定がある。図書館で資料をコピーしました。")))));
    }

    [Fact]
    public void Reading_form_filter()
    {
        Assert.Equal("コンヤ|ハ|ロバート|センセイ|ト|ハナシ|タ", Terms(Collect(new JapaneseReadingFormFilter(Tokenizer("今夜はロバート先生と話した")))));
        Assert.Equal("kon'ya|ha|robato|sensei|to|hanashi|ta", Terms(Collect(new JapaneseReadingFormFilter(Tokenizer("今夜はロバート先生と話した"), true))));
        Assert.Equal("コンヤ|ハ|ロバート|センセイ|ト|ハナシ|タ", Terms(Collect(new JapaneseReadingFormFilter(new CJKWidthFilter(Tokenizer("今夜はﾛﾊﾞｰﾄ先生と話した"))))));
        Assert.Equal("kon'ya|ha|robato|sensei|to|hanashi|ta", Terms(Collect(new JapaneseReadingFormFilter(new CJKWidthFilter(Tokenizer("今夜はﾛﾊﾞｰﾄ先生と話した")), true))));
        Assert.Equal("サキ|ホド|ベルリン|カラ|キ|マシ|タ", Terms(Collect(new JapaneseReadingFormFilter(Tokenizer("先ほどベルリンから来ました。")))));
    }

    [Fact]
    public void Part_of_speech_stop_filter()
    {
        var tags = new HashSet<string>(StringComparer.Ordinal) { "動詞-自立" };
        Assert.Equal("私|は|制限|スピード|を", Terms(Collect(new JapanesePartOfSpeechStopFilter(Version, Tokenizer("私は制限スピードを超える。"), tags))));
    }

    [Theory]
    [InlineData("時々", "時時")]
    [InlineData("馬鹿々々しい", "馬鹿馬鹿しい")]
    [InlineData("ミスヾ", "ミスズ")]
    [InlineData("おゝの", "おおの")]
    [InlineData("みすゞ", "みすず")]
    [InlineData("じゞ", "じじ")]
    [InlineData("じゝ", "じし")]
    [InlineData("ところゞゝゝ", "ところどころ")]
    [InlineData("abcところゝゝゝゝ", "abcところcところ")]
    [InlineData("ところゞゝゝゞゝゞ", "ところどころゞゝゞ")]
    [InlineData("。ゝ", "。ゝ")]
    [InlineData("？ゝ", "？？")]
    [InlineData("ねやぽゞつむぴ", "ねやぽぽつむぴ")]
    [InlineData("ゝゝ", "ゝゝ")]
    public void Iteration_mark_char_filter(string input, string expected)
    {
        using var filter = new JapaneseIterationMarkCharFilter(new StringReader(input));
        Assert.Equal(expected, filter.ReadToEnd());
    }

    [Fact]
    public void Iteration_mark_char_filter_with_tokenizer()
    {
        Assert.Equal("ミ|スズ", Terms(Collect(Tokenizer(new JapaneseIterationMarkCharFilter(new StringReader("ミスヾ"))))));
        Assert.Equal("お|おの", Terms(Collect(Tokenizer(new JapaneseIterationMarkCharFilter(new StringReader("おゝの"))))));
        Assert.Equal("みすず", Terms(Collect(Tokenizer(new JapaneseIterationMarkCharFilter(new StringReader("みすゞ"))))));

        const string text = "時々馬鹿々々しいところゞゝゝミスヾ";
        Assert.Equal("時時|馬鹿馬鹿しい|ところどころ|ミ|スズ", Terms(Collect(Tokenizer(new JapaneseIterationMarkCharFilter(new StringReader(text))))));
        Assert.Equal("時時|馬鹿馬鹿しい|ところ|ゞ|ゝ|ゝ|ミス|ヾ", Terms(Collect(Tokenizer(new JapaneseIterationMarkCharFilter(new StringReader(text), true, false)))));
        Assert.Equal("時々|馬鹿|々|々|しい|ところどころ|ミ|スズ", Terms(Collect(Tokenizer(new JapaneseIterationMarkCharFilter(new StringReader(text), false, true)))));
    }

    [Fact]
    public void User_dictionary_lookup()
    {
        UserDictionary dictionary = UserDict;
        char[] text = "関西国際空港に行った".ToCharArray();
        int[][] hits = dictionary.Lookup(text, 0, text.Length);
        Assert.Equal(3, hits.Length);
        Assert.Equal([0, 2, 4], hits.Select(h => h[1]));
        Assert.All(hits, h => Assert.Equal(2, h[2]));
        char[] twice = "関西国際空港に行った関西国際空港に行った".ToCharArray();
        Assert.Equal(6, dictionary.Lookup(twice, 0, twice.Length).Length);

        int[] nihon = dictionary.Lookup("日本経済新聞".ToCharArray(), 0, 6)[0];
        Assert.Equal("ニホン", dictionary.GetReading(nihon[0], [], 0, 0));
        int[] asashoryu = dictionary.Lookup("朝青龍".ToCharArray(), 0, 3)[0];
        Assert.Equal("アサショウリュウ", dictionary.GetReading(asashoryu[0], [], 0, 0));
        int[] keizai = dictionary.Lookup("日本経済新聞".ToCharArray(), 0, 6)[1];
        Assert.Equal("カスタム名詞", dictionary.GetPartOfSpeech(keizai[0]));
    }

    [Fact]
    public void User_dictionary_rejects_mismatched_readings()
    {
        Assert.Throws<FormatException>(() => new UserDictionary(new StringReader("日本経済新聞,日本 経済 新聞,ニホン ケイザイ,カスタム名詞")));
    }

    [Fact]
    public void User_dictionary_phrase_in_tokenizer_output()
    {
        var dictionary = new UserDictionary(new StringReader("地域まちづくり推進協議会,地域 まちづくり 推進 協議会,チイキ マチヅクリ スイシン キョウギカイ,カスタム名詞"));
        var tokens = Tokenize("地域まちづくり推進協議会が発足した", JapaneseTokenizerMode.SEARCH, true, dictionary);
        Assert.Equal("地域|まちづくり|推進|協議会|が|発足|し|た", Terms(tokens));
    }

    [Fact]
    public void To_string_util()
    {
        Assert.Equal("noun-suffix-verbal", ToStringUtil.GetPOSTranslation("名詞-接尾-サ変接続"));
        Assert.Equal("majan", ToStringUtil.GetRomanization("マージャン"));
        Assert.Equal("uroncha", ToStringUtil.GetRomanization("ウーロンチャ"));
        Assert.Equal("chahan", ToStringUtil.GetRomanization("チャーハン"));
        Assert.Equal("chashu", ToStringUtil.GetRomanization("チャーシュー"));
        Assert.Equal("shumai", ToStringUtil.GetRomanization("シューマイ"));
        Assert.Equal("kō", ToStringUtil.GetRomanization("コウ"));
        Assert.Equal("shimbun", ToStringUtil.GetRomanization("シンブン"));
        Assert.Equal("kitte", ToStringUtil.GetRomanization("キッテ"));
        Assert.Equal("matcha", ToStringUtil.GetRomanization("マッチャ"));
    }

    [Fact]
    public void Reading_analyzer_unifies_spelling_variants()
    {
        using var analyzer = new JapaneseReadingAnalyzer(Version);
        string a = Terms(Analyze(analyzer, "子供"));
        Assert.Equal("コドモ", a);
        Assert.Equal(a, Terms(Analyze(analyzer, "子ども")));
        Assert.Equal(a, Terms(Analyze(analyzer, "こども")));
        Assert.Equal("コソダテ|シエン", Terms(Analyze(analyzer, "子育て支援の")));
    }

    private static JapaneseTokenizer Tokenizer(string text) => new(new StringReader(text), null, true, JapaneseTokenizerMode.SEARCH);

    private static JapaneseTokenizer Tokenizer(TextReader reader) => new(reader, null, true, JapaneseTokenizerMode.SEARCH);
}
