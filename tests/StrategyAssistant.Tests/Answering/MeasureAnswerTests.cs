using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Records;
using StrategyAssistant.Search;

namespace StrategyAssistant.Tests.Answering;

/// <summary>A measure (施策) named by its mark or its title words: its projects come from the record hierarchy, listed in full
/// and summed with the derivation shown.</summary>
[Collection(AssistantCollection.Name)]
public sealed class MeasureAnswerTests(TestAssistant assistant)
{
    [Theory]
    [InlineData("施策『防災や雪対策の充実』、関連事業の予算を合計するといくら？", "= 3,709,052千円", 3)]
    [InlineData("健康づくり（施策キ）の事業費、全部足すと？", "= 268,803千円", 6)]
    [InlineData("DX推進（施策ケ）、7事業の予算総額は？", "= 624,912千円", 7)]
    public async Task A_measures_projects_are_summed_with_cited_operands(string question, string result, int operands)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.Contains(result, answer.Text, StringComparison.Ordinal);
        Derivation sum = Assert.Single(answer.Derivations, d => d.Kind == DerivationKind.Sum);
        Assert.Equal(DerivationKind.Sum, sum.Kind);
        Assert.Equal(operands, sum.Operands.Count);
        Assert.All(sum.Operands, o => Assert.Contains(o.Value, answer.Citations[o.Citation - 1].Quote, StringComparison.Ordinal));
        Assert.True(GroundingCheck.Check(answer, await KnowledgeAsync(), question).Grounded);
    }

    [Theory]
    [InlineData("健康づくり（施策キ）の施策に入ってる事業を全部教えて", "キ")]
    [InlineData("施策『防災や雪対策の充実』にぶら下がってる事業は？", "カ")]
    [InlineData("DX推進（施策ケ）の事業を全部教えて", "ケ")]
    public async Task A_measures_project_list_holds_every_member(string question, string mark)
    {
        Answer answer = await assistant.AskAsync(question);
        KnowledgeBase knowledge = await KnowledgeAsync();
        ProjectRecord first = answer.Citations.Select(c => knowledge.Records.Projects.FirstOrDefault(p => p.Source.File == c.File && p.Source.Line == c.Line)).First(p => p is not null)!;
        Assert.Equal(mark, first.Measure?.Mark?.Trim());
        var members = knowledge.Records.Projects.Where(p => p.City == first.City && p.Goal == first.Goal && p.Measure == first.Measure).ToList();
        Assert.True(members.Count >= 3);
        Assert.All(members, p => Assert.Contains(p.Name, answer.Text, StringComparison.Ordinal));
        Assert.True(GroundingCheck.Check(answer, knowledge, question).Grounded);
    }

    [Theory]
    [InlineData("施策キの事業", "キ", "健康づくり", true)]
    [InlineData("施策キャンペーンの事業", "キ", "健康づくり", false)]
    [InlineData("施策「健康づくりの推進」の事業", "ア", "健康づくりの推進", true)]
    public void A_measure_is_named_by_mark_or_quoted_title(string text, string mark, string title, bool named)
    {
        Assert.Equal(named, NamedMeasure.Score(new Measure(mark, title), text, MarkOf(text), QuotedOf(text)) > 0);
    }

    private static string? MarkOf(string text) => System.Text.RegularExpressions.Regex.Match(text, @"施策(?<m>[ア-ヶ])(?![ァ-ヶー])") is { Success: true } m ? m.Groups["m"].Value : null;

    private static string? QuotedOf(string text) => System.Text.RegularExpressions.Regex.Match(text, "「(?<t>[^」]+)」") is { Success: true } m ? m.Groups["t"].Value : null;

    [Theory]
    [InlineData("砂川の国保特定健診受診率、R3実績は目標まであと何ポイント？", "60% − 暫定値43.1% = 16.9%")]
    [InlineData("砂川の新規就農者数、R3実績は目標まであと何人？", "4人 − 2人 = 2人")]
    [InlineData("砂川の観光入込客数、R3実績は目標まであと何人？", "1,638千人 − 902.9千人 = 735.1千人")]
    public async Task A_named_years_actual_is_compared_with_the_target(string question, string expression)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.Contains(expression, answer.Text, StringComparison.Ordinal);
        Derivation difference = Assert.Single(answer.Derivations);
        Assert.Equal(DerivationKind.Difference, difference.Kind);
        Assert.Equal(2, difference.Operands.Count);
        Assert.True(GroundingCheck.Check(answer, await KnowledgeAsync(), question).Grounded);
    }

    [Fact]
    public async Task A_year_without_an_actual_is_not_replaced_by_another_years()
    {
        Answer answer = await assistant.AskAsync("砂川の国保特定健診受診率、R2実績は目標まであと何ポイント？");
        Assert.DoesNotContain(answer.Derivations, d => d.Kind == DerivationKind.Difference);
    }

    [Theory]
    [InlineData("砂川の国保特定健診受診率、令和5年度の実績は？", "令和3年度")]
    [InlineData("砂川の新規就農者数の令和5年度の実績は？", "令和3年度")]
    [InlineData("芦別の移住者数、2024年度の実績は？", "基準値・目標値")]
    public async Task An_actual_for_a_year_the_indicator_lacks_is_not_found_with_the_latest_year_labelled(string question, string stated)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.False(answer.Found);
        Assert.Contains("実績値は資料に記載されていません", answer.Text, StringComparison.Ordinal);
        Assert.Contains(stated, answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public async Task An_actual_for_a_stated_year_is_still_answered()
    {
        Answer answer = await assistant.AskAsync("砂川の観光入込客数、R3の実績は？");
        Assert.True(answer.Found);
        Assert.Contains("902.9", answer.Text, StringComparison.Ordinal);
    }

    private async Task<KnowledgeBase> KnowledgeAsync() => (await assistant.Services.GetRequiredService<CorpusIndexProvider>().GetAsync()).Knowledge;
}
