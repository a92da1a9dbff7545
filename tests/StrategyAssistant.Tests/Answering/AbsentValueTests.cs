using StrategyAssistant.Answering;

namespace StrategyAssistant.Tests.Answering;

/// <summary>A KPI value asked for that the indicator does not state (a 「—」 cell, or a strategy's indicator with no actual) and
/// a municipality outside the corpus asked beside a covered one are not found, with the reason and what the documents do hold
/// (cited, without figures); a value stated in another document of the same indicator, in words, or as 調査なし still answers.
/// The questions are written for these tests on the bundled corpus; every answer must pass the grounding check.</summary>
[Collection(AssistantCollection.Name)]
public sealed class AbsentValueTests(TestAssistant assistant)
{
    [Theory]
    [InlineData("旭川の移住相談会や交流会の参加者数、基準値はいくつ？", "基準値は資料に記載されていません", "目標値・実績値")]
    [InlineData("旭川の企業立地件数、基準値は何件？", "基準値は資料に記載されていません", "目標値・実績値")]
    [InlineData("砂川の駅前の施設前の歩行者通行数、令和3年度の実績は？", "実績値は資料に記載されていません", "基準値・目標値")]
    [InlineData("砂川のUIJターン新規就業支援事業の支援金交付件数、令和3年度の実績は？", "実績値は資料に記載されていません", "基準値・目標値")]
    [InlineData("芦別の移住者数、実績はどうなってる？", "実績値は資料に記載されていません", "基準値・目標値")]
    [InlineData("芦別の応援大使の人数の実績は？", "実績値は資料に記載されていません", "基準値・目標値")]
    public async Task A_value_the_indicator_leaves_blank_or_lacks_is_not_found_naming_the_values_it_has(string question, string reason, string held)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.False(answer.Found, answer.Text);
        Assert.Contains(reason, answer.Text, StringComparison.Ordinal);
        Assert.Contains($"資料にあるのはこの指標の{held}", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Figures);
    }

    [Theory]
    [InlineData("旭川の移住相談会の参加者数、R2の実績は？", "190人")]
    [InlineData("砂川の出生数、令和3年度の実績は？", "72人")]
    [InlineData("岩見沢の従業者1人あたり付加価値額、2020年の実績は出てる？", "調査なし")]
    [InlineData("旭川の観光客のリピート率、実績は？", "69.8%")]
    [InlineData("旭川の障がい者の雇用率、目標は？", "法定雇用率以上")]
    public async Task A_value_stated_in_the_record_or_its_other_statements_is_still_answered(string question, string expected)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.True(answer.Found, answer.Text);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("旭川と北見の新規就農者数、R6の目標は？", "北見市", "67")]
    [InlineData("砂川と滝川の観光入込客数、目標はそれぞれいくつ？", "滝川市", "1,638")]
    [InlineData("岩見沢と美唄の合計特殊出生率を比べて", "美唄市", "1.18")]
    public async Task A_place_outside_the_corpus_asked_beside_a_covered_city_is_not_found_and_no_figure_answers(string question, string place, string figure)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.False(answer.Found, answer.Text);
        Assert.Contains($"{place}の資料はありません", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(figure, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("芦別の江別市内4大学との連携のKPIは？", "事業実施件数")]
    [InlineData("旭川と稚内の新規開業件数は？", "337件")]
    public async Task A_place_the_covered_citys_documents_mention_is_part_of_the_topic(string question, string expected)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.True(answer.Found, answer.Text);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }
}
