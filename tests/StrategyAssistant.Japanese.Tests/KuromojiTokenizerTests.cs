using static StrategyAssistant.Japanese.Tests.Analysis;

namespace StrategyAssistant.Japanese.Tests;

/// <summary>The Kuromoji test cases of the spec (§4) that IPADIC allows.</summary>
public sealed class KuromojiTokenizerTests
{
    [Fact]
    public void Normal_mode_keeps_katakana_compound()
    {
        Assert.Equal("シニアソフトウェアエンジニア", Terms(Tokenize("シニアソフトウェアエンジニア", JapaneseTokenizerMode.NORMAL, false, UserDict)));
    }

    [Fact]
    public void Long_sentence_without_punctuation()
    {
        const string text = "本来は、貧困層の女性や子供に医療保護を提供するために創設された制度である、アメリカ低所得者医療援助制度が、今日では、その予算の約３分の１を老人に費やしている。";
        var tokens = Tokenize(text, JapaneseTokenizerMode.SEARCH, true, UserDict);
        Assert.Equal(
            "本来|は|貧困|層|の|女性|や|子供|に|医療|保護|を|提供|する|ため|に|創設|さ|れ|た|制度|で|ある|アメリカ|低|所得|者|医療|援助|制度|が|今日|で|は|その|予算|の|約|３|分の|１|を|老人|に|費やし|て|いる",
            Terms(tokens));
        Assert.Contains(tokens, t => t.Term == "アメリカ" && t.Start == 37 && t.End == 41);
        Assert.Contains(tokens, t => t.Term == "今日" && t.Start == 53 && t.End == 55);
        Assert.Contains(tokens, t => t.Term == "費やし" && t.Start == 72 && t.End == 75);
        Assert.Contains(tokens, t => t.Term == "いる" && t.Start == 76 && t.End == 78);
    }

    [Fact]
    public void Offsets_of_inflected_words()
    {
        var tokens = Tokenize("麻薬の密売は根こそぎ絶やさなければならない", JapaneseTokenizerMode.SEARCH, true, UserDict);
        Assert.Equal("麻薬|の|密売|は|根こそぎ|絶やさ|なけれ|ば|なら|ない", Terms(tokens));
        Assert.Equal([0, 2, 3, 5, 6, 10, 13, 16, 17, 19], tokens.Select(t => t.Start));
        Assert.Equal([2, 3, 5, 6, 10, 13, 16, 17, 19, 21], tokens.Select(t => t.End));
    }

    [Fact]
    public void Katakana_names_and_repeated_sentence()
    {
        var tokens = Tokenize("魔女狩大将マシュー・ホプキンス。", JapaneseTokenizerMode.SEARCH, true, UserDict);
        Assert.Equal("魔女|狩|大将|マシュー|ホプキンス", Terms(tokens));
        Assert.Equal([0, 2, 3, 5, 10], tokens.Select(t => t.Start));
        Assert.Equal([2, 3, 5, 9, 15], tokens.Select(t => t.End));

        var twice = Tokenize("魔女狩大将マシュー・ホプキンス。 魔女狩大将マシュー・ホプキンス。", JapaneseTokenizerMode.SEARCH, true, UserDict);
        Assert.Equal("魔女|狩|大将|マシュー|ホプキンス|魔女|狩|大将|マシュー|ホプキンス", Terms(twice));
        Assert.Equal([17, 19, 20, 22, 27], twice.Skip(5).Select(t => t.Start));
        Assert.Equal([19, 20, 22, 26, 32], twice.Skip(5).Select(t => t.End));
    }

    [Fact]
    public void Simple_sentence_and_final_offset()
    {
        var tokens = Tokenize("これは本ではない", JapaneseTokenizerMode.SEARCH, false, UserDict);
        Assert.Equal("これ|は|本|で|は|ない", Terms(tokens));
        Assert.Equal([0, 2, 3, 4, 5, 6], tokens.Select(t => t.Start));
        Assert.Equal([2, 3, 4, 5, 6, 8], tokens.Select(t => t.End));

        var spaced = Tokenize("これは本ではない    ", JapaneseTokenizerMode.SEARCH, true, UserDict);
        Assert.Equal("これ|は|本|で|は|ない", Terms(spaced));
        Assert.Equal(12, FinalOffset);
    }

    [Fact]
    public void User_dictionary_segments_win_and_are_not_decompounded()
    {
        var tokens = Tokenize("関西国際空港に行った", JapaneseTokenizerMode.SEARCH, false, UserDict);
        Assert.Equal("関西|国際|空港|に|行っ|た", Terms(tokens));
        Assert.Equal([0, 2, 4, 6, 7, 9], tokens.Select(t => t.Start));
        Assert.Equal([2, 4, 6, 7, 9, 10], tokens.Select(t => t.End));
        Assert.All(tokens, t => Assert.Equal(1, t.PosInc));
        Assert.Equal("テスト名詞", tokens[0].Pos);
        Assert.Equal("カンサイ", tokens[0].Reading);

        var name = Tokenize("朝青龍", JapaneseTokenizerMode.SEARCH, false, UserDict);
        Assert.Equal(new Tok("朝青龍", 0, 3, 1, 1, "カスタム人名", null, "アサショウリュウ", null, null, null), Assert.Single(name));

        var abcd = Tokenize("abcd", JapaneseTokenizerMode.SEARCH, false, UserDict);
        Assert.Equal("a|b|cd", Terms(abcd));
        Assert.Equal([0, 1, 2], abcd.Select(t => t.Start));
        Assert.Equal([1, 2, 4], abcd.Select(t => t.End));
    }

    [Fact]
    public void Search_mode_keeps_punctuation_when_asked()
    {
        var tokens = Tokenize("スペースステーションに行きます。うたがわしい。", JapaneseTokenizerMode.SEARCH, false, UserDict);
        Assert.Equal("スペース|ステーション|に|行き|ます|。|うたがわしい|。", Terms(tokens));
    }

    [Fact]
    public void Readings_and_pronunciations()
    {
        var sushi = Tokenize("寿司が食べたいです。", JapaneseTokenizerMode.SEARCH, false, UserDict);
        Assert.Equal("スシ ガ タベ タイ デス 。", string.Join(' ', sushi.Select(t => t.Reading)));
        Assert.Equal("スシ ガ タベ タイ デス 。", string.Join(' ', sushi.Select(t => t.Pronunciation)));

        var students = Tokenize("多くの学生が試験に落ちた。", JapaneseTokenizerMode.SEARCH, false, UserDict);
        Assert.Equal("オオク ノ ガクセイ ガ シケン ニ オチ タ 。", string.Join(' ', students.Select(t => t.Reading)));
        Assert.Equal("オーク ノ ガクセイ ガ シケン ニ オチ タ 。", string.Join(' ', students.Select(t => t.Pronunciation)));
    }

    [Fact]
    public void Part_of_speech_base_form_and_inflection()
    {
        var tokens = Tokenize("それはまだ実験段階にあります。", JapaneseTokenizerMode.SEARCH, false, UserDict);
        Assert.Equal(
            ["名詞-代名詞-一般", "助詞-係助詞", "副詞-助詞類接続", "名詞-サ変接続", "名詞-一般", "助詞-格助詞-一般", "動詞-自立", "助動詞", "記号-句点"],
            tokens.Select(t => t.Pos));
        Assert.Equal([null, null, null, null, null, null, "ある", null, null], tokens.Select(t => t.BaseForm));
        Assert.Equal([null, null, null, null, null, null, "五段・ラ行", "特殊・マス", null], tokens.Select(t => t.InflType));
        Assert.Equal([null, null, null, null, null, null, "連用形", "基本形", null], tokens.Select(t => t.InflForm));
    }

    [Theory]
    [InlineData("やぼったい")]
    [InlineData("突き通しゃ")]
    public void Odd_words_survive_as_one_token(string text)
    {
        Assert.Equal(text, Terms(Tokenize(text, JapaneseTokenizerMode.SEARCH, true)));
    }

    [Theory]
    [InlineData(JapaneseTokenizerMode.SEARCH)]
    [InlineData(JapaneseTokenizerMode.EXTENDED)]
    public void Rare_kanji_one_token_per_character(JapaneseTokenizerMode mode)
    {
        Assert.Equal("𩬅|艱|鍟|䇹|愯|瀛", Terms(Tokenize("𩬅艱鍟䇹愯瀛", mode, true)));
    }

    [Fact]
    public void Only_punctuation_gives_no_tokens()
    {
        Assert.Empty(Tokenize("。、。。", JapaneseTokenizerMode.SEARCH, true, UserDict));
        Assert.Empty(Tokenize("......", JapaneseTokenizerMode.EXTENDED, true, UserDict));
    }

    [Fact]
    public void Dropped_punctuation_leaves_no_position_gap()
    {
        var tokens = Tokenize("羽田。空港", JapaneseTokenizerMode.SEARCH, true, UserDict);
        Assert.Equal("羽田|空港", Terms(tokens));
        Assert.Equal([1, 1], tokens.Select(t => t.PosInc));

        var greek = Tokenize("dεε϶ϢϏΎϷΞͺ羽田", JapaneseTokenizerMode.SEARCH, true, UserDict);
        Assert.Equal("d|ε|ε|ϢϏΎϷΞͺ|羽田", Terms(greek));
        Assert.All(greek, t => Assert.Equal((1, 1), (t.PosInc, t.PosLen)));
    }

    [Fact]
    public void Forced_backtrace_after_1024_characters()
    {
        var tokens = Tokenize(new string('あ', 1023) + "手紙", JapaneseTokenizerMode.SEARCH, true);
        Assert.Equal(513, tokens.Count);
        Assert.All(tokens.Take(511), t => Assert.Equal("ああ", t.Term));
        Assert.Equal("あ", tokens[511].Term);
        Assert.Equal("手紙", tokens[512].Term);
    }

    [Fact]
    public void Punctuation_kept_by_default_factory_settings_off()
    {
        var tokens = Tokenize("今ノルウェーにいますが、来週の頭日本に戻ります。楽しみにしています！お寿司が食べたいな。。。", JapaneseTokenizerMode.SEARCH, false);
        Assert.Equal("今|ノルウェー|に|い|ます|が|、|来週|の|頭|日本|に|戻り|ます|。|楽しみ|に|し|て|い|ます|！|お|寿司|が|食べ|たい|な|。|。|。", Terms(tokens));
    }

    [Fact]
    public void Extended_mode_splits_unknown_words_into_unigrams()
    {
        var tokens = Tokenize("ＸＹＺ", JapaneseTokenizerMode.EXTENDED, true);
        Assert.Equal("Ｘ|Ｙ|Ｚ", Terms(tokens));
        Assert.All(tokens, t => Assert.Equal("記号-一般", t.Pos));
    }

    [Fact]
    public void Reiwa_is_one_word()
    {
        var tokens = Tokenize("令和元年", JapaneseTokenizerMode.SEARCH, true);
        Assert.Equal(new Tok("令和", 0, 2, 1, 1, "名詞-固有名詞-一般", null, "レイワ", "レイワ", null, null), tokens[0]);
    }

    public static TheoryData<string, string> SearchSegmentation => new()
    {
        { "関西国際空港", "関西 関西国際空港/0 国際 空港" },
        { "成田空港", "成田 成田空港/0 空港" },
        { "羽田空港", "羽田 羽田空港/0 空港" },
        { "奈良先端科学技術大学院大学", "奈良 奈良先端科学技術大学院大学/0 先端 科学 技術 大学院 大学" },
        { "東京大学", "東京 東京大学/0 大学" },
        { "京都大学", "京都 京都大学/0 大学" },
        { "京都大学硬式野球部", "京都大 学 硬式 野球 部" },
        { "シニアソフトウェアエンジニア", "シニア シニアソフトウェアエンジニア/0 ソフトウェア エンジニア" },
        { "ソフトウェアエンジニア", "ソフトウェア エンジニア" },
        { "システムアドミニストレータ", "システム アドミニストレータ" },
        { "システムアドミニストレーター", "システム システムアドミニストレーター/0 アドミニストレーター" },
        { "キヤノンセミコンダクターエクィップメント", "キヤノン キヤノンセミコンダクターエクィップメント/0 セミ コンダクター エクィップメント" },
        { "アーリープロジェクツジャパン", "アーリープロジェクツジャパン" },
        { "ハリーポッター", "ハリーポッター" },
        { "ゲームセンター", "ゲームセンター" },
        { "ジェイティエンジニアリング", "ジェイ ジェイティエンジニアリング/0 ティエン ジニア リング" },
        { "アンチョビパスタ", "アンチ アンチョビパスタ/0 ョビパスタ" },
        { "サプライズギフト", "サプライズギフト" },
    };

    [Theory]
    [MemberData(nameof(SearchSegmentation))]
    public void Search_segmentation(string text, string expected)
    {
        var tokens = Tokenize(text, JapaneseTokenizerMode.SEARCH, true);
        string[] parts = expected.Split(' ');
        Assert.Equal(parts.Select(p => p.EndsWith("/0", StringComparison.Ordinal) ? p[..^2] : p), tokens.Select(t => t.Term));
        Assert.Equal(parts.Select(p => p.EndsWith("/0", StringComparison.Ordinal) ? 0 : 1), tokens.Select(t => t.PosInc));
        int compound = Array.FindIndex(parts, p => p.EndsWith("/0", StringComparison.Ordinal));
        if (compound >= 0)
        {
            Assert.Equal(parts.Length - 1, tokens[compound].PosLen);
            Assert.Equal((0, text.Length), (tokens[compound].Start, tokens[compound].End));
        }
    }

    [Fact]
    public void Tokenizer_is_reusable()
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader("関西国際空港"), null, true, JapaneseTokenizerMode.SEARCH);
        Assert.Equal("関西|関西国際空港|国際|空港", Terms(Collect(tokenizer)));
        tokenizer.SetReader(new StringReader("これは本ではない"));
        Assert.Equal("これ|は|本|で|は|ない", Terms(Collect(tokenizer)));
    }
}
