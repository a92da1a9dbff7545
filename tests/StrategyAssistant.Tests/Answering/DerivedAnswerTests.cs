using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Documents;
using StrategyAssistant.Search;

namespace StrategyAssistant.Tests.Answering;

/// <summary>Derived figures (sums, differences, rankings, stated counts), abstention with reasons, and format characters,
/// through the real assistant on the bundled corpus.</summary>
[Collection(AssistantCollection.Name)]
public sealed class DerivedAnswerTests(TestAssistant assistant)
{
    [Theory]
    [InlineData("旭川の基本目標1と2の予算事業費の合計は？", "2,763,699千円 + 2,694,812千円 = 5,458,511千円")]
    [InlineData("旭川の基本目標1〜3の事業費を合わせるといくら？", "2,763,699千円 + 2,694,812千円 + 622,546千円 = 6,081,057千円")]
    [InlineData("旭川の基本目標3と4の予算を足すと？", "622,546千円 + 8,447,935千円 = 9,070,481千円")]
    public async Task Sums_show_the_derivation_with_cited_operands(string question, string expression)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.Contains(expression, answer.Text, StringComparison.Ordinal);
        Derivation sum = Assert.Single(answer.Derivations);
        Assert.Equal(DerivationKind.Sum, sum.Kind);
        Assert.All(sum.Operands, o => Assert.Contains(o.Value, answer.Citations[o.Citation - 1].Quote, StringComparison.Ordinal));
        Assert.True(GroundingCheck.Check(answer, (await assistant.Services.GetRequiredService<CorpusIndexProvider>().GetAsync()).Knowledge, question).Grounded);
    }

    [Fact]
    public async Task A_stated_total_that_disagrees_with_its_rows_is_a_data_quality_note()
    {
        Answer answer = await assistant.AskAsync("旭川の基本目標2と3の予算事業費の合計は？");
        Assert.Contains(answer.Notes, n => n.Contains("2,694,812", StringComparison.Ordinal) && n.Contains("2,719,953", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("芦別の移住者数、基準値から目標まであと何人？", "40人 − 16人 = 24人")]
    [InlineData("砂川の新規就農者数、目標まであと何人？", "4人 − 3人 = 1人")]
    [InlineData("縁結びネットワークのHPのPV、基準値から目標までどれくらい増やす？", "62,000PV − 46,789PV = 15,211PV")]
    public async Task Differences_are_computed_in_decimal_from_one_indicator(string question, string expression)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.Contains(expression, answer.Text, StringComparison.Ordinal);
        Assert.Equal(DerivationKind.Difference, Assert.Single(answer.Derivations).Kind);
        Assert.True(GroundingCheck.Check(answer, (await assistant.Services.GetRequiredService<CorpusIndexProvider>().GetAsync()).Knowledge, question).Grounded);
    }

    [Theory]
    [InlineData("旭川の予算の上位3つの事業は？", 3, "除雪事業")]
    [InlineData("旭川の基本目標3で一番予算が大きい事業は？", 1, "雪対策事業")]
    [InlineData("旭川の基本目標1で最も予算が多い事業は？", 1, null)]
    public async Task Rankings_list_the_top_projects_by_budget(string question, int count, string? first)
    {
        Answer answer = await assistant.AskAsync(question);
        Derivation ranking = Assert.Single(answer.Derivations);
        Assert.Equal(DerivationKind.Ranking, ranking.Kind);
        Assert.Equal(count, ranking.Operands.Count);
        decimal Amount(DerivationOperand o) => decimal.Parse(o.Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.Equal(ranking.Operands.OrderByDescending(Amount), ranking.Operands);
        if (first is not null)
        {
            Assert.Equal(first, ranking.Operands[0].Label);
        }
    }

    [Theory]
    [InlineData("砂川の基本目標2の事業数は？", "事業数 7")]
    [InlineData("砂川の基本目標3にはKPIがいくつある？", "KPI数 15")]
    [InlineData("砂川の基本目標4の事業はいくつ？", "事業数 16")]
    public async Task Counts_a_goal_states_are_quoted_and_cited(string question, string stated)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.Contains(stated, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.Quote.Contains(stated.Split(' ')[0], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("北見市の移住者数は？", "北見市")]
    [InlineData("滝川 就業者数 目標", "滝川")]
    [InlineData("釧路の空港乗降客数の目標は？", "釧路")]
    public async Task A_place_outside_the_corpus_is_not_answered_with_another_citys_figure(string question, string place)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.False(answer.Found);
        Assert.StartsWith(place, answer.Text, StringComparison.Ordinal);
        Assert.Contains("の資料はありません。収録: ", answer.Text, StringComparison.Ordinal);
        Assert.Contains(OfflineComposer.NotFoundText, answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Figures);
    }

    [Theory]
    [InlineData("芦別の移住者数、令和10年度の目標は？")]
    [InlineData("旭川市の除雪事業、令和9年度の予算はいくら？")]
    [InlineData("砂川の新規就農者数 2035年度の目標")]
    public async Task A_year_past_the_documents_is_said_so_with_the_latest_year_labelled(string question)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.False(answer.Found);
        Assert.Contains("記載されていません", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Figures);
    }

    private static readonly string[] s_questions =
    [
        "芦別市の移住者数の目標は？",
        "子供の医療費助成、R6の予算いくら？",
        "砂川市の就業者数の目標は？",
        "スポーツ大会や合宿の誘致、担当部署は？",
    ];

    private static readonly char[] s_formatCharacters =
        [.. Enumerable.Range(0, 0x10000).Select(i => (char)i).Where(c => !char.IsSurrogate(c) && char.GetUnicodeCategory(c) == UnicodeCategory.Format)];

    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property Inserting_a_format_character_anywhere_does_not_change_the_answer()
    {
        Gen<(string Question, int At, char Format)> gen =
            from q in Gen.Elements(s_questions)
            from at in Gen.Choose(0, q.Length)
            from c in Gen.Elements(s_formatCharacters)
            select (q, at, c);
        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            Answer plain = assistant.AskAsync(input.Question).GetAwaiter().GetResult();
            Answer marked = assistant.AskAsync(input.Question.Insert(input.At, input.Format.ToString())).GetAwaiter().GetResult();
            return plain.Text == marked.Text && plain.Citations.Select(c => c.ToString()).SequenceEqual(marked.Citations.Select(c => c.ToString()));
        });
    }

    [Theory]
    [InlineData("移\u200b住者数", "移住者数")]
    [InlineData("\ufeff芦別\u00ad市", "芦別市")]
    [InlineData("予\u200d算\u200cは", "予算は")]
    public void Format_characters_are_removed_not_turned_into_spaces(string raw, string clean) =>
        Assert.Equal(clean, QuestionText.Normalize(raw));
}

/// <summary>The grounding check accepts a derived figure only through <see cref="Answer.Derivations"/>.</summary>
public sealed class DerivationGroundingTests
{
    private static readonly Citation s_a = new("x.txt", "t", "c", 1, 1, "A事業\t12,000");
    private static readonly Citation s_b = new("x.txt", "t", "c", 2, 2, "B事業\t3,500");

    private static Answer Make(string text, Derivation? derivation) => new()
    {
        Question = "q",
        Text = text,
        Citations = [s_a, s_b],
        Derivations = derivation is null ? [] : [derivation],
    };

    private static Derivation Sum(string expression, string result, string first = "12,000") =>
        new(DerivationKind.Sum, expression, result, [new DerivationOperand(first, "千円", 1), new DerivationOperand("3,500", "千円", 2)]);

    [Fact]
    public void A_sum_with_its_expression_and_cited_operands_is_accepted() =>
        Assert.True(GroundingCheck.Check(Make("合計: 12,000千円 + 3,500千円 = 15,500千円 [1][2]", Sum("12,000千円 + 3,500千円 = 15,500千円", "15,500千円")), null, "q").Grounded);

    [Fact]
    public void A_sum_that_does_not_recompute_is_refused() =>
        Assert.False(GroundingCheck.Check(Make("合計: 12,000千円 + 3,500千円 = 15,600千円 [1][2]", Sum("12,000千円 + 3,500千円 = 15,600千円", "15,600千円")), null, "q").Grounded);

    [Fact]
    public void An_operand_not_in_its_citation_is_refused() =>
        Assert.False(GroundingCheck.Check(Make("合計: 12,500千円 + 3,500千円 = 16,000千円 [1][2]", Sum("12,500千円 + 3,500千円 = 16,000千円", "16,000千円", "12,500")), null, "q").Grounded);

    [Fact]
    public void A_derived_figure_without_its_expression_in_the_text_is_refused() =>
        Assert.False(GroundingCheck.Check(Make("合計は 15,500千円 です [1][2]", Sum("12,000千円 + 3,500千円 = 15,500千円", "15,500千円")), null, "q").Grounded);

    [Fact]
    public void A_difference_recomputes_from_its_two_operands()
    {
        var difference = new Derivation(DerivationKind.Difference, "12,000 − 3,500 = 8,500", "8,500", [new DerivationOperand("3,500", null, 2), new DerivationOperand("12,000", null, 1)]);
        Assert.True(GroundingCheck.Check(Make("差: 12,000 − 3,500 = 8,500", difference), null, "q").Grounded);
        Assert.False(GroundingCheck.Check(Make("差: 12,000 − 3,500 = 8,400", difference with { Expression = "12,000 − 3,500 = 8,400", Result = "8,400" }), null, "q").Grounded);
    }
}
