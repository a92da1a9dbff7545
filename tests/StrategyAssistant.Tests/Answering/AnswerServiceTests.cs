using StrategyAssistant.Answering;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Tests.Answering;

[Collection(AssistantCollection.Name)]
public sealed class AnswerServiceTests(TestAssistant assistant)
{
    [Fact]
    public async Task Ashibetsu_migration_target_is_answered_with_its_figure_and_line()
    {
        Answer answer = await assistant.AskAsync("芦別市の移住者数の目標は？");

        Assert.True(answer.Found);
        Assert.Contains("40人", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.Covers("004_62fb755ce21c91b3.txt", 118));
        Citation cited = answer.Citations.First(c => c.Covers("004_62fb755ce21c91b3.txt", 118));
        Assert.Equal("芦別市", cited.City);
        Assert.False(string.IsNullOrWhiteSpace(cited.Title));
    }

    [Theory]
    [InlineData("東京都の宇宙開発予算は？")]
    [InlineData("ℵ∮⊕")]
    public async Task Questions_the_documents_cannot_answer_say_so(string question)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.False(answer.Found);
        Assert.Contains("見つかりませんでした", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Citations);
    }

    [Theory]
    [InlineData("\"*?~:()[]{}^\\ AND OR NOT")]
    [InlineData("移住者数 AND (目標 OR 基準) NOT \"芦別\"~2 title:[a TO z]^3")]
    [InlineData("*")]
    [InlineData("\\")]
    public async Task Query_syntax_is_plain_text(string question)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.NotNull(answer.Text);
    }

    [Fact]
    public async Task Control_characters_are_ignored()
    {
        Answer answer = await assistant.AskAsync("芦別市の\u0000移住者数\u0007の\u001b[31m目標は？\r\n");
        Assert.Contains("40人", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_question_gets_a_clear_message()
    {
        Answer answer = await assistant.AskAsync(new string('あ', 100_000));
        Assert.False(answer.Found);
        Assert.Contains("長すぎます", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Question.Length < 200);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t ")]
    [InlineData("\u0000\u0001")]
    public async Task Empty_questions_get_a_prompt(string question)
    {
        Answer answer = await assistant.AskAsync(question);
        Assert.False(answer.Found);
        Assert.Contains("質問を入力", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_width_and_half_width_forms_are_the_same_question()
    {
        Answer narrow = await assistant.AskAsync("芦別市の移住者数の目標は？");
        Answer wide = await assistant.AskAsync("芦別市の移住者数の目標は？　ＫＰＩ");
        Assert.Contains(wide.Citations, c => c.Covers("004_62fb755ce21c91b3.txt", 118));
        Assert.Contains(narrow.Citations, c => c.Covers("004_62fb755ce21c91b3.txt", 118));
    }

    [Fact]
    public async Task A_project_named_outright_gets_its_own_KPI_not_its_neighbours()
    {
        Answer answer = await assistant.AskAsync("砂川市の移住定住促進事業のKPIは？");

        Assert.StartsWith("砂川市「お試し暮らしの利用組数」", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("UIJターン", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.Covers("002_c52bdce60cc03941.txt", 50));
    }

    [Fact]
    public async Task Cities_and_years_in_the_question_do_not_have_to_be_words_of_a_passage()
    {
        Answer answer = await assistant.AskAsync("岩見沢のKPI、2020年の進捗を全体的に見るとどう評価されてる？");

        Assert.Contains("概ね順調", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.Covers("003_9fd2a621cef68687.txt", 231));
    }

    [Fact]
    public async Task A_project_named_outright_is_described_with_its_KPIs()
    {
        Answer answer = await assistant.AskAsync("芦別市の農業振興事業は？");

        Assert.StartsWith("芦別市の「農業振興事業」", answer.Text, StringComparison.Ordinal);
        Assert.Contains("この事業の指標", answer.Text, StringComparison.Ordinal);
        Assert.Contains("106,043千円", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("人／年人/年", answer.Text, StringComparison.Ordinal);
        Assert.True(GroundingCheck.Check(answer.Text, answer.Citations.Select(c => c.Quote), "芦別市の農業振興事業は？").Grounded);
    }
}
