using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Search;

namespace StrategyAssistant.Tests.Answering;

/// <summary>Project lists under a measure named by its title, a project's own 具体的な施策, indicators whose name the document
/// misprints, definitions and an indicator another city has, through the real assistant on the bundled corpus. The questions
/// are written for these tests.</summary>
[Collection(AssistantCollection.Name)]
public sealed class ListAndSpellingAnswerTests(TestAssistant assistant)
{
    // The measure's title words, not its first indicator's project (that indicator belongs to one of the two projects).
    [Theory]
    [InlineData("砂川の農業振興策の実施にはどの事業がある？", "スマート農業推進事業", "農業6次産業化支援事業")]
    [InlineData("砂川市の婚活支援の推進、どの事業が入ってる？", "すながわ出合い創出支援事業", "結婚新生活支援事業")]
    [InlineData("砂川の健康維持・増進の推進にはどんな事業が含まれる？", "健康管理支援事業", "いきいき元気推進事業")]
    public async Task A_measure_named_by_its_title_lists_all_its_projects_with_their_count_derived(string question, string first, string last)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.True(answer.Found);
        Assert.Contains("紐づく事業は次の", answer.Text, StringComparison.Ordinal);
        Assert.Contains(first, answer.Text, StringComparison.Ordinal);
        Assert.Contains(last, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Derivations, d => d.Kind == DerivationKind.Count);
    }

    // A full list (一覧) of a measure paraphrased by its title lists the measure, not the one project that shares most words.
    [Theory]
    [InlineData("旭川の関係人口の拡大を目指した情報提供の施策、事業の一覧を見せて", "広報活動事業", "観光プロモーション推進事業")]
    [InlineData("旭川でワーク・ライフ・バランスの実現に向けた施策の事業一覧", "女性活躍・ワークライフバランス推進事業", "はたらく環境づくり支援事業")]
    [InlineData("旭川、移住の総合的な環境整備の施策の事業を一覧で", "移住促進事業", "旭川まちなかしごとプラザ事業")]
    public async Task A_full_list_of_a_paraphrased_measure_lists_every_project_of_it(string question, string first, string last)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains("紐づく事業は次の", answer.Text, StringComparison.Ordinal);
        Assert.Contains(first, answer.Text, StringComparison.Ordinal);
        Assert.Contains(last, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("芦別の市民の安全・安心な暮らしを守るまちづくり、具体的な施策は何がある？", "防災知識の普及・啓発", null)]
    [InlineData("芦別の広域連携事業の施策って何？", "中空知定住自立圏構想の推進", "江別市内4大学と自治体連携による学生の地域定着の推進")]
    [InlineData("芦別の農業振興事業、具体的な施策を全部", "農業の振興及び経営基盤の安定化", "中山間地域におけるスマート農業を導入するための条件整備")]
    public async Task A_project_whose_table_lists_its_own_measures_names_each_measure(string question, string first, string? last)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains("具体的な施策:", answer.Text, StringComparison.Ordinal);
        Assert.Contains(first, answer.Text, StringComparison.Ordinal);
        if (last is not null)
        {
            Assert.Contains(last, answer.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("旭川のホームページへのアクセス件数、基準値は？", "1,669")]
    [InlineData("旭川市のホームページのアクセス件数の実績はどのくらい？", "2,768")]
    [InlineData("旭川市ホームページの全ページのアクセス件数、R6目標は？", "1,770")]
    public async Task An_indicator_whose_name_the_document_misprints_is_found_by_the_word_spelled_right(string question, string figure)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.True(answer.Found);
        Assert.Contains(figure, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ホームペーリアクセス", "ホームページ", true)]   // one wrong kana
    [InlineData("コンピュタシステム", "コンピュータ", true)]      // one missing kana
    [InlineData("ホームページアクセス", "アクセス", true)]        // whole inside a compound the analyzer kept
    [InlineData("アクセル", "アクセス", false)]                  // a four-letter word: one edit is another word
    [InlineData("マイナンバーカード", "ポイントカード", false)]
    public void Near_spelling_allows_one_edit_of_a_long_katakana_word_only(string term, string word, bool holds) =>
        Assert.Equal(holds, NearSpelling.Holds([term], word, new AnswerRankerOptions().NearSpelling));

    [Theory]
    [InlineData("旭川のテレワークの定義は？", "離れた所")]
    [InlineData("旭川の戦略でいうサテライトオフィスの定義", "勤務先以外のオフィススペース")]
    [InlineData("コミュニティ・スクールの意味は？旭川", "地方教育行政の組織")]
    public async Task A_definition_asked_with_teigi_or_imi_quotes_the_defining_sentence_first(string question, string defining)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.True(answer.Found);
        string first = answer.Text.Split('\n').First(l => l.StartsWith("[1]", StringComparison.Ordinal));
        Assert.Contains(defining, first, StringComparison.Ordinal);
    }

    // Another city has ふるさと納税の寄附件数; this one has a neighbouring indicator (寄附者のメール登録件数), never 納税.
    [Theory]
    [InlineData("砂川でふるさと納税の寄附件数の基準値は？")]
    [InlineData("砂川市のふるさと納税の寄附件数って、目標はどれくらい？")]
    [InlineData("砂川はふるさと納税の寄附件数をいくつにする目標？")]
    public async Task An_indicator_another_city_names_in_full_is_not_found_for_a_city_that_never_writes_its_narrowing_word(string question)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.False(answer.Found);
        Assert.Empty(answer.Figures);
    }

    [Fact]
    public async Task The_city_that_has_the_indicator_still_answers_it()
    {
        Answer answer = await assistant.AskGroundedAsync("芦別のふるさと納税の寄附件数の目標は？");
        Assert.True(answer.Found);
        Assert.Contains("35,000", answer.Text, StringComparison.Ordinal);
    }

    // A figure in the evaluation's viewpoint (東京2020, 9年間) stands in the quote of the line that states it.
    [Theory]
    [InlineData("旭川の子どもへの教育環境の充実の施策、評価はどうなった？", "継続発展")]
    [InlineData("旭川、スポーツ大会・合宿の誘致の施策評価は？", "継続")]
    [InlineData("旭川の移住に関する総合的な環境整備、施策評価（案）は？", "「")]
    public async Task An_evaluation_with_its_viewpoint_is_grounded(string question, string evaluation)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains("施策評価（案）は", answer.Text, StringComparison.Ordinal);
        Assert.Contains(evaluation, answer.Text, StringComparison.Ordinal);
    }
}
