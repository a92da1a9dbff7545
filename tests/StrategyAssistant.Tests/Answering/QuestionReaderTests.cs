using System.Text;
using StrategyAssistant.Answering;

namespace StrategyAssistant.Tests.Answering;

/// <summary>The one analysed question: answer types from the question word, places outside the corpus, document mentions as
/// filters, full-list and ranking asks, goal lists.</summary>
public sealed class QuestionReaderTests
{
    private static readonly string[] s_cities = ["旭川市", "砂川市", "岩見沢市", "芦別市"];
    private readonly QuestionReader _reader = new(s_cities);

    [Theory]
    [InlineData("移住者数の目標はいくら？", AnswerType.Figure)]
    [InlineData("何人が参加した？", AnswerType.Figure)]
    [InlineData("計画期間はいつまで？", AnswerType.Date)]
    [InlineData("この事業はどこの部がやってる？", AnswerType.Department)]
    [InlineData("基本目標1には事業がいくつ？", AnswerType.Count)]
    [InlineData("施策はいくつある？", AnswerType.Count)]
    [InlineData("KPIは何個？", AnswerType.Count)]
    [InlineData("旭川と砂川、どっちが高い？", AnswerType.Comparison)]
    [InlineData("二つの事業の予算を合わせていくら？", AnswerType.Sum)]
    [InlineData("目標まであと何人？", AnswerType.Difference)]
    [InlineData("スマートシティとは？", AnswerType.Definition)]
    [InlineData("なぜ低調なの？", AnswerType.Reason)]
    [InlineData("PVの目標っていくつだっけ", AnswerType.Figure)]
    public void The_question_word_decides_the_answer_type(string question, AnswerType expected) =>
        Assert.Equal(expected, Read(question).Type);

    [Theory]
    [InlineData("北見 観光客数", "北見")]
    [InlineData("帯広市の合計特殊出生率", "帯広市")]
    [InlineData("釧路 空港乗降客数 目標", "釧路")]
    [InlineData("深川の新規就農者数は？", "深川")]
    [InlineData("札幌市と比べて旭川市は？", "札幌市")]
    public void Places_outside_the_corpus_are_found_with_or_without_a_suffix(string question, string place) =>
        Assert.Contains(Read(question).OtherPlaces, p => p.StartsWith(place, StringComparison.Ordinal));

    [Theory]
    [InlineData("旭山動物園の入園者数は？")]
    [InlineData("北海道の合計特殊出生率と比べて旭川は？")]
    [InlineData("全国と比べて砂川の出生率は？")]
    [InlineData("旭川の観光客数")]
    public void Corpus_cities_wide_areas_and_parts_of_names_are_not_other_places(string question) =>
        Assert.Empty(Read(question).OtherPlaces);

    [Theory]
    [InlineData("評価シートでは、法定雇用率はいくつ？", "evaluation-sheet")]
    [InlineData("関連事業一覧で一番大きい事業は？", "strategy")]
    [InlineData("推進委員会の資料にある出生数は？", "committee-material")]
    public void Document_mentions_are_filters_not_asks(string question, string kind)
    {
        Question read = Read(question);
        Assert.Contains(kind, read.DocumentKinds);
        Assert.DoesNotContain(AskedValue.Evaluation, read.Asked);
    }

    [Theory]
    [InlineData("事業を全部教えて", true, 0, null)]
    [InlineData("一番予算が大きい事業は？", false, 1, null)]
    [InlineData("最も少ない事業は？", false, -1, null)]
    [InlineData("予算の上位3つの事業は？", false, 1, 3)]
    public void All_and_superlatives_are_asks_not_topic_words(string question, bool all, int ranking, int? top)
    {
        Question read = Read(question);
        Assert.Equal(all, read.WantsAll);
        Assert.Equal(ranking, read.Ranking);
        Assert.Equal(top, read.Top);
        Assert.DoesNotContain("全部", read.Topic, StringComparison.Ordinal);
        Assert.DoesNotContain("一番", read.Topic, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("基本目標2と3の事業費", new[] { 2, 3 })]
    [InlineData("基本目標1～4の決算額", new[] { 1, 2, 3, 4 })]
    [InlineData("基本目標4の事業", new[] { 4 })]
    [InlineData("基本目標1、基本目標3の予算", new[] { 1, 3 })]
    public void Goal_lists_are_read_in_every_form(string text, int[] goals) =>
        Assert.Equal(goals, DerivedFigures.GoalNumbers(text));

    [Theory]
    [InlineData("マイナカード", "マイナンバーカード")]
    [InlineData("子供", "子ども")]
    [InlineData("跡継ぎ", "後継者")]
    public void Spelling_variants_widen_the_topic(string written, string variant) =>
        Assert.Contains(variant, Read($"砂川の{written}の目標は？").Topic, StringComparison.Ordinal);

    [Fact]
    public void A_malformed_vocabulary_is_refused_with_a_message()
    {
        Assert.Throws<FormatException>(() => QuestionVocabulary.Load(new MemoryStream(Encoding.UTF8.GetBytes("{ not json"))));
        Assert.Throws<FormatException>(() => QuestionVocabulary.Load(new MemoryStream(Encoding.UTF8.GetBytes("""{"asks": {"Nope": ["x"]}, "answerTypes": {}}"""))));
        Assert.Throws<FormatException>(() => QuestionVocabulary.Load(new MemoryStream(Encoding.UTF8.GetBytes("""{"asks": {}}"""))));
        Assert.NotEmpty(QuestionVocabulary.Default.Asks);
    }

    private Question Read(string text) => _reader.Read(QuestionText.Normalize(text));
}
