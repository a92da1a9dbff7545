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
}
