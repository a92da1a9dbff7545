using StrategyAssistant.Answering;

namespace StrategyAssistant.Tests.Answering;

/// <summary>A value role the documents of a city never state (a budget where no list of the city gives an amount, a
/// department where no table names one) is not found, with the reason and the record the documents do hold; a measure
/// named in the user's words before 「の事業」 or 「の取組」 scopes a sum like one named before 施策. The questions are written
/// for these tests on the bundled corpus; every answer must pass the grounding check.</summary>
[Collection(AssistantCollection.Name)]
public sealed class RoleAndMeasureTests(TestAssistant assistant)
{
    private static readonly string[] s_cities = ["旭川市", "砂川市", "岩見沢市", "芦別市"];

    [Theory]
    [InlineData("砂川の陣痛タクシー事業はどこの部が担当？", "砂川市", "担当部署")]
    [InlineData("岩見沢の移住定住促進事業、担当課はどこ？", "岩見沢市", "担当部署")]
    [InlineData("芦別の移住者数のKPI、担当部署はどこ？", "芦別市", "担当部署")]
    [InlineData("砂川の駅前地区整備事業の事業費は？", "砂川市", "予算")]
    [InlineData("芦別の合宿の里事業、予算はいくら？", "芦別市", "予算")]
    public async Task A_role_no_record_of_the_city_states_is_not_found_with_the_reason(string question, string city, string role)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.False(answer.Found, answer.Text);
        Assert.Contains($"{city}の資料には{role}", answer.Text, StringComparison.Ordinal);
        // What the documents do hold is named and cited, and no figure of it is given as the answer.
        Assert.Contains("参考: 資料にあるのは", answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(answer.Citations);
        Assert.Empty(answer.Figures);
    }

    [Theory]
    [InlineData("旭川の子ども医療費助成事業の担当部署は？", "子育て支援部")]
    [InlineData("岩見沢の総合戦略関連事業、令和3年度当初予算の事業費は？", "6億2,666万円")]
    [InlineData("砂川の乳幼児等医療費助成事業、対象者1人当たりの助成額はいくら？", "7,493円")]
    public async Task A_role_the_city_states_somewhere_or_a_figure_word_alone_is_still_answered(string question, string expected)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.True(answer.Found, answer.Text);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("砂川の健康ポイント事業、予算はいくらついてる？", AskedValue.Budget)]
    [InlineData("芦別の移住者数のKPI、担当部署はどこ？", AskedValue.Department)]
    [InlineData("砂川の健康ポイント事業の参加申請者数、いくら？", null)]
    [InlineData("旭川の移住促進事業の予算と担当部署は？", null)]
    [InlineData("旭川の移住促進事業の予算の合計は？", null)]
    public void Only_one_role_named_by_its_own_noun_is_a_role_question(string question, AskedValue? role)
    {
        Assert.Equal(role, RoleAbsence.AskedRole(new QuestionReader(s_cities).Read(question)));
    }

    [Theory]
    [InlineData("北見の移住の総合的な環境整備の事業、予算は", "移住の総合的な環境整備")]
    [InlineData("北見の子どもの教育環境の充実の取組は", "子どもの教育環境の充実")]
    [InlineData("北見の移住促進事業の予算", null)]
    [InlineData("稚内でゼロカーボン(脱炭素)の施策の事業", "ゼロカーボン(脱炭素)")]
    public void The_words_before_the_事業_or_取組_of_a_measure_are_the_measure_named(string question, string? phrase)
    {
        IReadOnlyList<string> phrases = NamedMeasure.Phrases(question, ["北見市", "稚内市"]);
        Assert.Equal(phrase is null ? [] : [phrase], phrases);
    }

    [Theory]
    [InlineData("旭川の移住の総合的な環境整備の事業、予算を全部足すといくら？", "68,758千円", 5)]
    [InlineData("旭川のスポーツ大会・合宿誘致の事業の予算、合計は？", "456,751千円", 5)]
    [InlineData("旭川の子どもの教育環境の充実の取組、予算の合計は？", "486,198千円", 13)]
    [InlineData("旭川の冬季観光の推進の事業、予算を合わせると？", "542,896千円", 7)]
    public async Task A_measure_named_before_its_事業_sums_its_projects_with_each_operand_cited(string question, string sum, int operands)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains(sum, answer.Text, StringComparison.Ordinal);
        Derivation derivation = Assert.Single(answer.Derivations, d => d.Kind == DerivationKind.Sum);
        Assert.Equal(operands, derivation.Operands.Count);
    }
}
