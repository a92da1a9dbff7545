using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Search;

namespace StrategyAssistant.Tests.Answering;

/// <summary>Issue 10 A derived figures over a named scope, through the real assistant on the bundled corpus: counts and sums
/// over a measure named by its mark (基本目標2ウ, （カ）, エ②), counts narrowed by a department, a mark, a quoted phrase or a
/// status word, sums over the years asked and over goals' stated counts, differences phrased より何件多い / 目標を上回った /
/// 前年から, comparisons of two indicators and with the wide areas. Every question is our own phrasing, none from the sets,
/// and every answer must pass the grounding check.</summary>
[Collection(AssistantCollection.Name)]
public sealed class ScopedDerivedTests(TestAssistant assistant)
{
    [Theory]
    [InlineData("旭川の基本目標2のエ①の事業はいくつ？", "5事業")]
    [InlineData("旭川の（ケ）デジタル技術の施策、事業は何事業？", "7事業")]
    [InlineData("旭川の基本目標4オの事業数は？", "5事業")]
    public async Task A_measure_named_by_its_mark_counts_its_projects(string question, string count)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains($"該当する事業の数 {count}", answer.Text, StringComparison.Ordinal);
        Derivation derivation = Assert.Single(answer.Derivations, d => d.Kind == DerivationKind.Count);
        Assert.Equal(count, derivation.Result);
    }

    [Theory]
    [InlineData("旭川の基本目標2ウの事業費を合計すると？", "12,980千円 + 10,100千円 = 23,080千円")]
    [InlineData("旭川の（カ）の事業、予算の合計は？", "7,897千円 + 3,619,977千円 + 81,178千円 = 3,709,052千円")]
    [InlineData("旭川の基本目標4エの関連事業費を全部足すと？", "の関連事業（該当する事業の数 11事業）の予算事業費")]
    public async Task A_measure_named_by_its_mark_sums_its_budgets(string question, string expression)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains(expression, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Derivations, d => d.Kind == DerivationKind.Sum);
    }

    [Theory]
    [InlineData("旭川の基本目標3イで経済部の事業は何事業？", "7事業", "デザイン推進事業")]
    [InlineData("旭川の（ク）で環境部以外が持ってる事業は何事業？", "2事業", "公用電気自動車導入事業")]
    [InlineData("旭川の基本目標1ウで社会教育部が所管する事業は何事業？", "2事業", "郷土学習振興事業")]
    public async Task A_department_named_beside_a_count_narrows_it(string question, string count, string member)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains($"該当する事業の数 {count}", answer.Text, StringComparison.Ordinal);
        Assert.Contains(member, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("旭川の基本目標1で(新)の事業は何事業？", "3事業", "女性のキャリアの保健室事業")]
    [InlineData("岩見沢のKPIで「順調」の指標は何指標？", "3指標", "1人あたりの総所得")]
    [InlineData("砂川で「KPIの設定が困難」な事業は何事業？", "5事業", "定住自立圏推進事業")]
    public async Task A_mark_or_quoted_phrase_narrows_a_count_to_the_lines_that_carry_it(string question, string count, string member)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains(count, answer.Text, StringComparison.Ordinal);
        Assert.Contains(member, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Derivations, d => d.Kind == DerivationKind.Count);
    }

    [Theory]
    [InlineData("岩見沢の地方創生関連交付金事業、R2とR3の交付金額を合わせると？", "2億7,406万円 + 3,433万円 = 30,839万円")]
    [InlineData("岩見沢の総合戦略関連事業の事業費、令和2年度と令和3年度を足すと？", "11億7,547万円 + 6億2,666万円 = 180,213万円")]
    [InlineData("砂川の基本目標3と基本目標4の事業数を合わせると？", "16事業 + 16事業 = 32事業")]
    public async Task A_sum_over_the_years_or_goals_asked_adds_the_amounts_each_states(string question, string expression)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains(expression, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("芦別の移住者数、目標は基準値より何人多い？", "40人 − 16人 = 24人")]
    [InlineData("砂川のハートフル住まいる推進事業、R3の補助金交付件数は目標を何件上回った？", "150件 − 258件 = −108件")]
    [InlineData("岩見沢の転入、2021年は前年から何人増えた？", "2,501 − 2,450 = 51人")]
    public async Task More_than_exceeding_and_the_previous_year_ask_for_a_difference(string question, string expression)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains(expression, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Derivations, d => d.Kind == DerivationKind.Difference);
    }

    [Theory]
    [InlineData("岩見沢の2020年、転入と転出はどっちが多い？", "転出 2,791 > 転入 2,450")]
    [InlineData("岩見沢の健康寿命、目標で男性と女性の差は？", "88.73歳 − 80.65歳 = 8.08歳")]
    [InlineData("岩見沢の合計特殊出生率、2018年は国と比べてどう？", "合計特殊出生率 (国) 1.42 > 合計特殊出生率 (岩見沢市) 1.26")]
    public async Task Two_indicators_or_the_wide_areas_set_beside_the_city_are_compared(string question, string comparison)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains(comparison, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Derivations, d => d.Kind == DerivationKind.Comparison || d.Kind == DerivationKind.Difference);
    }

    [Theory]
    [InlineData("子育て支援部が担当する事業はいくつ？")]
    [InlineData("経済部所管の事業数は？")]
    [InlineData("担当部局が環境部の事業は何事業？")]
    public void A_department_beside_a_count_word_asks_for_the_count(string question)
    {
        Question read = new QuestionReader(["旭川市", "砂川市", "岩見沢市", "芦別市"]).Read(question);
        Assert.Equal(AnswerType.Count, read.Type);
    }

    [Theory]
    [InlineData("健康都市づくりの事業は？")]
    [InlineData("観光都市の魅力向上の施策は？")]
    [InlineData("健幸福祉都市の実現に向けた事業は？")]
    public void A_word_ending_in_toshi_is_not_a_place(string question)
    {
        Question read = new QuestionReader(["旭川市", "砂川市", "岩見沢市", "芦別市"]).Read(question);
        Assert.Empty(read.OtherPlaces);
    }

    [Theory]
    [InlineData("基本目標2のエ②の事業", "エ", "2")]
    [InlineData("（ク）の事業費", "ク", null)]
    [InlineData("基本目標4キの関連事業", "キ", null)]
    public void A_measure_mark_is_read_after_a_goal_in_brackets_or_with_its_sub_number(string text, string mark, string? sub)
    {
        Assert.Equal((mark, sub), NamedMeasure.Mark(text.Normalize(System.Text.NormalizationForm.FormKC)));
    }

    [Theory]
    [InlineData("ステージ2の取組")]
    [InlineData("フェーズ3の事業")]
    [InlineData("R6の予算")]
    public void A_katakana_word_before_a_digit_is_no_measure_mark(string text)
    {
        Assert.Equal((null, null), NamedMeasure.Mark(text.Normalize(System.Text.NormalizationForm.FormKC)));
    }
}
