using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Search;
using StrategyAssistant.Evaluation;
using Xunit.Abstractions;

namespace StrategyAssistant.Tests.Answering;

/// <summary>The public question set (tests/data/qa-public.jsonl, a copy of the shared set), answered offline on the real corpus.</summary>
[Collection(AssistantCollection.Name)]
public sealed class PublicQuestionSetTests(TestAssistant assistant, ITestOutputHelper output)
{
    private static readonly IReadOnlyList<EvalCase> s_cases = EvalRunner.Load(Path.Combine(TestCorpus.RepositoryRoot, "tests", "data", "qa-public.jsonl"));

    [Fact]
    public async Task At_least_95_percent_are_right_and_cited()
    {
        IReadOnlyList<EvalResult> results = await EvalRunner.RunAsync(assistant.Answers, s_cases);
        output.WriteLine(EvalRunner.Report(results));

        double cited = (double)results.Count(r => r.Cited) / results.Count;
        Assert.True(cited >= 0.95, $"right and cited: {cited:P1}\n{EvalRunner.Report(results)}");
    }

    [Fact]
    public async Task Figure_questions_are_at_least_90_percent_right_and_cited()
    {
        string[] figureKinds = ["baseline", "target", "actual", "budget", "department", "evaluation", "count", "compare", "project"];
        IReadOnlyList<EvalResult> results = await EvalRunner.RunAsync(assistant.Answers, s_cases.Where(c => figureKinds.Contains(c.Kind)));
        Assert.True((double)results.Count(r => r.Cited) / results.Count >= 0.90, EvalRunner.Report(results));
    }

    [Fact]
    public async Task Every_figure_of_every_answer_stands_in_a_source_it_cites()
    {
        KnowledgeBase knowledge = (await assistant.Services.GetRequiredService<CorpusIndexProvider>().GetAsync()).Knowledge;
        foreach (EvalCase evalCase in s_cases)
        {
            Answer answer = await assistant.AskAsync(evalCase.Question);
            GroundingResult grounding = GroundingCheck.Check(answer, knowledge, evalCase.Question);
            Assert.True(grounding.Grounded, $"{evalCase.Id}: untraced {string.Join(", ", grounding.Untraced)}\n{answer.Text}");
            Assert.All(answer.Figures, f => Assert.InRange(f.Citation, 1, answer.Citations.Count));
        }
    }

    [Fact]
    public async Task Figure_answers_state_the_year_and_carry_figures()
    {
        Answer answer = await assistant.AskAsync("子供の医療費助成、R6の予算いくら？");
        Assert.Contains("1,104,287千円", answer.Text, StringComparison.Ordinal);
        Figure budget = Assert.Single(answer.Figures, f => f.Value == "1,104,287");
        Assert.Equal("千円", budget.Unit);
        Assert.Contains(answer.Citations[budget.Citation - 1].Line, new[] { 716 });
    }

    [Fact]
    public async Task The_goal_2_total_mismatch_is_reported_with_both_figures()
    {
        Answer answer = await assistant.AskAsync("林業担い手確保・育成支援事業の予算は？");
        string notes = string.Join("\n", answer.Notes);
        Assert.Contains("2,694,812", notes, StringComparison.Ordinal);
        Assert.Contains("2,719,953", notes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("札幌市の移住者数の目標は？")]
    [InlineData("旭川市の令和12年度の観光客数の目標は？")]
    [InlineData("旭川市の宇宙開発の予算は？")]
    public async Task Questions_outside_the_documents_are_not_guessed(string question)
    {
        Answer answer = await assistant.AskAsync(question);
        output.WriteLine(answer.Text);
        Assert.False(answer.Found, answer.Text);
    }
}
