using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Records;
using StrategyAssistant.Search;

namespace StrategyAssistant.Tests.Answering;

/// <summary>Issue 10 A (derived4) counts and sums over a filtered group: a status or evaluation value counted across a table
/// (順調なのは何件, 評価が「継続」の施策), in the question's own counter; a measure named in the user's words (デジタル技術の施策)
/// or a KPI table's measure; sums of a department's, a (新) mark's or a measure's projects, 再掲 left out when asked, with the
/// city a department belongs to; enumerated items several names hold, told apart by the rest of the question; a ranking
/// within a named measure. Questions on the bundled corpus are our own phrasing, none from the sets; every answer must pass
/// the grounding check. The synthetic cases test the reading rules on names and questions of no document.</summary>
[Collection(AssistantCollection.Name)]
public sealed class FilteredGroupTests(TestAssistant assistant)
{
    private static readonly string[] s_cities = ["旭川市", "砂川市", "岩見沢市", "芦別市"];

    [Theory]
    [InlineData("岩見沢で状況が低調になっている指標は何件？", "4件", "人口の社会増減率")]
    [InlineData("岩見沢のKPIのうち順調なものはいくつ？", "3つ", "新たな利活用サービスの実装数")]
    [InlineData("旭川の基本目標2で評価が「継続」になった施策は何件？", "5件", "大学等の活性化")]
    public async Task A_status_or_evaluation_value_is_counted_across_the_table_in_the_questions_counter(string question, string count, string member)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains(count, answer.Text, StringComparison.Ordinal);
        Assert.Contains(member, answer.Text, StringComparison.Ordinal);
        Assert.Single(answer.Derivations, d => d.Kind == DerivationKind.Count);
    }

    [Theory]
    [InlineData("旭川の防災や雪対策の施策に入ってる事業は全部で何事業？", "3事業", "除雪事業")]
    [InlineData("旭川のデジタル技術の導入の施策、事業はいくつ？", "7つ", "市民課DX推進事業")]
    [InlineData("芦別の医療費支援の推進、KPIの指標はいくつ？", "3つ", "受給率【ひとり親家庭】")]
    public async Task A_measure_named_in_the_users_words_counts_its_members(string question, string count, string member)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains(count, answer.Text, StringComparison.Ordinal);
        Assert.Contains(member, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Derivations, d => d.Kind == DerivationKind.Count);
    }

    [Theory]
    [InlineData("環境部の事業の予算を合計すると？", "（該当する事業の数 8事業）", "= 2,659,419千円")]
    [InlineData("旭川の基本目標3の(新)事業、予算を全部合わせると？", "（該当する事業の数 6事業）", "= 60,601千円")]
    [InlineData("旭川の防災や雪対策の施策、再掲を除いた事業費の合計は？", "（該当する事業の数 2事業）", "7,897千円 + 3,619,977千円 = 3,627,874千円")]
    public async Task A_sum_over_a_filtered_group_adds_its_members_budgets(string question, string members, string expression)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains(members, answer.Text, StringComparison.Ordinal);
        Assert.Contains(expression, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Derivations, d => d.Kind == DerivationKind.Sum);
    }

    [Theory]
    [InlineData("旭川の児童虐待の2事業（防止対策・予防早期発見）、予算を合わせると？", "413千円 + 7,344千円 = 7,757千円")]
    [InlineData("旭川の各種大会選手派遣等推進事業、小学校と中学校をあわせた予算は？", "476千円 + 9,455千円 = 9,931千円")]
    public async Task Enumerated_items_several_names_hold_are_told_apart_by_the_rest_of_the_question(string question, string expression)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains(expression, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("旭川のデジタル技術の施策で、予算が一番大きい事業は？", "市民課DX推進事業", "236,634千円")]
    [InlineData("旭川の防災や雪対策の施策で、予算が最も小さい事業は？", "防災施設等整備事業", "7,897千円")]
    public async Task A_ranking_stays_within_the_named_measure(string question, string project, string budget)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains($"{project} {budget}", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("岩見沢の転入、2019年と2020年を合わせると何人？", "2,542人 + 2,450人 = 4,992人")]
    [InlineData("岩見沢の死亡数、2015年と2016年の合計は？", "1,080 + 1,041 = 2,121")]
    [InlineData("岩見沢の転出、2016年から2017年まで、それぞれの年を足すと何人？", "3,133人 + 3,196人 = 6,329人")]
    public async Task An_indicators_values_for_the_years_asked_are_summed(string question, string expression)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains(expression, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_is_never_summed_over_years()
    {
        Answer answer = await assistant.AskAsync("岩見沢の自然増減率、2020年と2021年を足すと？");
        Assert.DoesNotContain(answer.Derivations, d => d.Kind == DerivationKind.Sum);
    }

    [Theory]
    [InlineData("KPIのうち目標を達成したのは何件？", AnswerType.Count, "件")]
    [InlineData("指標、ぜんぶで何件ある？", AnswerType.Count, "件")]
    [InlineData("事業は全部で何事業？", AnswerType.Count, "事業")]
    [InlineData("施策のうち見直しになったものはいくつ？", AnswerType.Count, "つ")]
    [InlineData("予算は全部でいくら？", AnswerType.Sum, null)]
    [InlineData("基本目標1と2の事業数を足すと全部で何事業？", AnswerType.Sum, "事業")]
    [InlineData("観光客数の目標は何人？", AnswerType.Figure, null)]
    public void A_count_is_read_from_a_counted_clause_or_in_all_and_keeps_its_counter(string question, AnswerType type, string? counter)
    {
        Question read = new QuestionReader(s_cities).Read(question);
        Assert.Equal(type, read.Type);
        Assert.Equal(counter, read.Counter);
    }

    [Theory]
    [InlineData("北見の観光振興の施策は？", "観光振興")]
    [InlineData("稚内でゼロカーボン(脱炭素)の施策の事業", "ゼロカーボン(脱炭素)")]
    [InlineData("施策評価の結果", null)]
    public void The_words_before_a_measure_word_are_the_measure_named(string question, string? phrase)
    {
        IReadOnlyList<string> phrases = NamedMeasure.Phrases(question, ["北見市", "稚内市"]);
        Assert.Equal(phrase is null ? [] : [phrase], phrases);
    }

    [Theory]
    [InlineData("観光振興", "観光の振興と交流の促進", true)]
    [InlineData("ゼロカーボン(脱炭素)", "ゼロカーボンシティに向けた脱炭素化", true)]
    [InlineData("観光振興", "農業の担い手の確保", false)]
    public void A_phrase_names_a_title_that_holds_most_of_its_bigrams(string phrase, string title, bool names)
    {
        Assert.Equal(names, NamedMeasure.Score(new Measure("ア", title), $"{phrase}の施策", null, null, null, [phrase]) > 0);
    }

    [Fact]
    public void An_item_several_names_hold_goes_to_the_name_that_shares_most_with_the_question()
    {
        (string, string)[] names = [("火災予防対策事業", "火災予防対策事業"), ("水難予防対策事業", "水難予防対策事業"), ("水難救助訓練事業", "水難救助訓練事業")];
        var question = new Question { Text = "水難関係の2事業（救助訓練・予防対策）の予算合計", Topic = string.Empty };
        Assert.Equal(["水難救助訓練事業", "水難予防対策事業"], EnumeratedOperands.Find(question, names));
    }

    [Fact]
    public void A_name_several_records_share_first_narrows_the_items_after_it()
    {
        (string, string)[] names = [("図書館整備事業(北地区)", "北"), ("図書館整備事業(南地区)", "南"), ("公園整備事業(北地区)", "公園北")];
        var question = new Question { Text = "図書館の整備事業、北地区と南地区をあわせて予算は？", Topic = string.Empty };
        Assert.Equal(["北", "南"], EnumeratedOperands.Find(question, names));
    }
}
