using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Search;

namespace StrategyAssistant.Tests.Answering;

/// <summary>Issue 10 A mechanisms through the real assistant on the bundled corpus: municipalities as data, narrower-indicator
/// abstention, change-word differences, the 再掲 share of a stated total, stated counts in cells and year columns, numbered
/// items, sums over enumerated records, a change the table states, and a year's value stated only in a remark. Every
/// question here is our own phrasing, none from the question sets.</summary>
[Collection(AssistantCollection.Name)]
public sealed class DerivedMechanismTests(TestAssistant assistant)
{
    [Theory]
    [InlineData("稚内 移住者数", "稚内市")]
    [InlineData("名寄の観光客数は？", "名寄市")]
    [InlineData("富良野 KPI 目標", "富良野市")]
    public async Task A_municipality_from_the_shipped_list_is_outside_the_corpus_without_its_suffix(string question, string place)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.False(answer.Found);
        Assert.StartsWith($"{place}の資料はありません。", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Figures);
    }

    [Theory]
    [InlineData("新千歳空港の乗降客数は？")]
    [InlineData("石狩川の治水は？")]
    [InlineData("旭川の冬まつりの来場者は？")]
    public void A_municipality_name_inside_a_longer_word_is_not_a_place(string question)
    {
        Question read = new QuestionReader(["旭川市", "砂川市", "岩見沢市", "芦別市"]).Read(question);
        Assert.DoesNotContain(read.OtherPlaces, p => p is "千歳市" or "石狩市");
    }

    [Theory]
    [InlineData("旭川のマイナンバーカード交付率の目標は？", "マイナンバーカード")]
    [InlineData("砂川の合計特殊出生率の目標は？", "合計特殊出生率")]
    [InlineData("芦別の社会増減率の目標は？", "増減率")]
    public async Task An_indicator_narrower_than_any_of_the_city_is_not_found(string question, string phrase)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.False(answer.Found);
        Assert.Contains(phrase, answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Figures);
    }

    [Fact]
    public async Task The_same_narrower_indicator_is_answered_where_the_city_has_it()
    {
        Answer answer = await assistant.AskAsync("岩見沢の訪日外国人宿泊客数の目標は？");
        Assert.True(answer.Found);
        Assert.Contains("1,600人", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("岩見沢の転入、2015年から2021年で何人減った？", "2,501 − 2,739 = −238")]
    [InlineData("岩見沢の死亡数、2015年から2021年で何人増えた？", "1,220 − 1,080 = 140")]
    [InlineData("砂川のお試し暮らしの利用組数、令和3年度は目標に何組足りなかった？", "11組 − 2組 = 9組")]
    public async Task A_change_word_after_an_interrogative_asks_for_a_difference(string question, string expression)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains(expression, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Derivations, d => d.Kind == DerivationKind.Difference);
    }

    [Theory]
    [InlineData("旭川の基本目標2、再掲分の事業費の差額は？", "2,694,812千円 − 2,213,338千円 = 481,474千円")]
    [InlineData("旭川の基本目標3の事業費で、再掲を除いた額との差はいくら？", "622,546千円 − 473,598千円 = 148,948千円")]
    [InlineData("旭川の基本目標1の事業費、再掲を含む額と除く額の差は？", "2,763,699千円 − 2,763,699千円 = 0千円")]
    public async Task The_repeat_share_of_a_stated_total_is_a_difference_of_its_two_amounts(string question, string expression)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains(expression, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("令和3年度、岩見沢で地方創生推進交付金に採択されたのは何事業？", "3事業")]
    [InlineData("岩見沢の令和2年度の総合戦略関連事業はいくつ？", "27事業")]
    [InlineData("令和4年度の岩見沢の総合戦略関連事業、事業数は？", "30事業")]
    public async Task A_count_stated_in_the_year_cell_is_quoted(string question, string count)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.StartsWith($"岩見沢市: {count}（資料の記載）", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.Quote.Contains(count, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("芦別の教育振興事業の具体的な施策はいくつ？", 4)]
    [InlineData("芦別の林業振興事業には施策が何項目ある？", 2)]
    [InlineData("芦別の雇用拡大・人材確保対策事業、具体的な施策の数は？", 6)]
    public async Task Numbered_items_of_a_named_project_are_counted_each_cited(string question, int count)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Derivation derivation = Assert.Single(answer.Derivations);
        Assert.Equal(DerivationKind.Count, derivation.Kind);
        Assert.Equal(count, derivation.Operands.Count);
        Assert.All(derivation.Operands, o => Assert.StartsWith(((char)('①' + derivation.Operands.ToList().IndexOf(o))).ToString(), o.Value, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("旭川の空港整備事業と航空路線確保対策事業の予算を合わせると？", "403,250千円 + 23,596千円 = 426,846千円")]
    [InlineData("芦別のつばさ保育園利用数と小規模保育園利用数、基準値を合わせると何人？", "110人 + 19人 = 129人")]
    [InlineData("旭川の英語教育推進事業と発達支援相談事業、合計いくら？", "37,454千円 + 25,714千円 = 63,168千円")]
    public async Task Records_the_question_enumerates_are_summed(string question, string expression)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains(expression, answer.Text, StringComparison.Ordinal);
        Assert.Equal(DerivationKind.Sum, Assert.Single(answer.Derivations).Kind);
    }

    [Theory]
    [InlineData("岩見沢の年末人口、2015年から2021年でどれくらい減った？", "▲6.4%")]
    [InlineData("岩見沢の転入、2015年から2021年で何人減った？", "▲8.7%")]
    public async Task A_change_the_table_states_for_the_two_years_is_shown_beside_the_computed_one(string question, string stated)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.Contains($"2015年比 (2021): {stated}", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EnumeratedOperands", "学校図書館活性化推進事業(小学校)", "小学校", 1.0)]
    [InlineData("EnumeratedOperands", "缶・びん等資源物中間処理施設整備事業", "缶びん中間処理施設", 0.875)]
    public void Item_coverage_counts_the_items_bigrams_the_name_holds(string _, string name, string item, double expected) =>
        Assert.Equal(expected, EnumeratedOperands.Coverage(EnumeratedOperands.Plain(item), EnumeratedOperands.Plain(name)), 3);

    [Theory]
    [InlineData("岩見沢の令和2年度の地方創生推進交付金の採択事業は？", "令和2年度", "ワークライフバランスの推進と就業環境の整備による地域活性化事業")]
    [InlineData("令和4年度、岩見沢で推進交付金に採択された事業はどれ？", "令和4年度", "地力とスマート農業の融合による農業DX推進")]
    [InlineData("岩見沢の令和3年度の推進交付金の採択事業を教えて", "令和3年度", "スマート・アグリシティ推進事業")]
    public async Task The_projects_a_year_cell_lists_answer_which_projects_of_that_year(string question, string year, string project)
    {
        Answer answer = await assistant.AskGroundedAsync(question);
        Assert.StartsWith($"岩見沢市の{year}の記載", answer.Text, StringComparison.Ordinal);
        Assert.Contains(project, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_years_value_stated_only_in_the_remark_is_quoted_not_abstained()
    {
        Answer answer = await assistant.AskGroundedAsync("子どもたちが健やかに成長していると感じる市民の割合、令和3年度の実績は？");
        Assert.True(answer.Found);
        Assert.Contains("50.6%", answer.Text, StringComparison.Ordinal);
        Assert.Contains("所見に記載", answer.Text, StringComparison.Ordinal);
    }
}

/// <summary>Question reading rules of issue 10 A that need no corpus: spelling variants, unit words, count fillers, change words.</summary>
public sealed class QuestionRuleTests
{
    private static readonly QuestionReader s_reader = new(["旭川市", "砂川市", "岩見沢市", "芦別市"]);

    [Theory]
    [InlineData("観光客宿泊延べ数", "観光客宿泊延数")]
    [InlineData("地域の取り組み", "取組")]
    [InlineData("申し込み件数", "申込件数")]
    [InlineData("受け入れ体制", "受入体制")]
    [InlineData("U・Iターン者", "UIターン")]
    [InlineData("コンピューター", "コンピュータ")]
    public void Spelling_variants_are_generated_by_rule(string text, string variant) =>
        Assert.Contains(variant, SpellingVariants.Of(text));

    [Theory]
    [InlineData("安心して暮らし続ける地域")]
    [InlineData("市民の割合")]
    [InlineData("子どもを育てる")]
    public void Verb_endings_and_particles_are_not_okurigana(string text) =>
        Assert.Empty(SpellingVariants.Of(text));

    [Theory]
    [InlineData("観光客1人あたり旅行消費額は何千円？")]
    [InlineData("1人あたりの平均所得は何万円？")]
    [InlineData("農産物の販売額は何億円？")]
    public void A_unit_asked_for_asks_no_budget(string question) =>
        Assert.False(s_reader.Read(question).Asks(AskedValue.Budget));

    [Fact]
    public void A_budget_word_still_asks_the_budget() =>
        Assert.True(s_reader.Read("この事業の予算は何千円？").Asks(AskedValue.Budget));

    [Theory]
    [InlineData("基本目標と施策はそれぞれいくつ？")]
    [InlineData("事業とKPIはそれぞれ何件？")]
    [InlineData("施策はだいたいいくつ？")]
    public void A_filler_between_the_noun_and_its_count_word_still_counts(string question) =>
        Assert.Equal(AnswerType.Count, s_reader.Read(question).Type);

    [Theory]
    [InlineData("乗降客数、H30からR2で何万人減った？")]
    [InlineData("観光入込客数は目標に何千人足りなかった？")]
    [InlineData("転入者はどれだけ増えた？")]
    public void A_change_word_after_an_interrogative_asks_a_difference(string question) =>
        Assert.Equal(AnswerType.Difference, s_reader.Read(question).Type);

    [Theory]
    [InlineData("合計特殊出生率の目標は？")]
    [InlineData("人口の社会増減率の基準値は？")]
    [InlineData("農業産出額の増加率の目標は？")]
    public void An_indicator_name_holding_an_ask_word_keeps_its_words_in_the_topic(string question)
    {
        Question read = s_reader.Read(question);
        Assert.NotEqual(AnswerType.Sum, read.Type);
        Assert.NotEqual(AnswerType.Difference, read.Type);
        Assert.Contains(read.OwnTopic.Split(' ', StringSplitOptions.RemoveEmptyEntries), w => w.Contains('率', StringComparison.Ordinal) && w.Length >= 3);
    }
}
