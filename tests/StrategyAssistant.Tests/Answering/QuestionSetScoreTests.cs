using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Search;
using StrategyAssistant.Evaluation;
using Xunit.Abstractions;

namespace StrategyAssistant.Tests.Answering;

/// <summary>The three question sets (public, dev, and the blind set written from the documents alone, kept verbatim), answered
/// offline on the real corpus: the score floors reached, and every answer grounded.</summary>
[Collection(AssistantCollection.Name)]
public sealed class QuestionSetScoreTests(TestAssistant assistant, ITestOutputHelper output)
{
    public static TheoryData<string, double> Floors => new()
    {
        { "qa-public.jsonl", 0.97 },
        { "qa-dev.jsonl", 0.77 },
        { "qa-blind.jsonl", 0.76 },
    };

    [Theory]
    [MemberData(nameof(Floors))]
    public async Task Each_set_scores_at_least_its_floor_right_and_cited(string file, double floor)
    {
        IReadOnlyList<EvalResult> results = await EvalRunner.RunAsync(assistant.Answers, Load(file));
        string report = EvalRunner.Report(results);
        output.WriteLine(report);
        double cited = (double)results.Count(r => r.Cited) / results.Count;
        Assert.True(cited >= floor, $"{file}: right and cited {cited:P1} < {floor:P0}\n{report}");
    }

    [Theory]
    [InlineData("qa-public.jsonl")]
    [InlineData("qa-dev.jsonl")]
    [InlineData("qa-blind.jsonl")]
    public async Task Every_answer_passes_the_grounding_check(string file)
    {
        KnowledgeBase knowledge = (await assistant.Services.GetRequiredService<CorpusIndexProvider>().GetAsync()).Knowledge;
        foreach (EvalCase evalCase in Load(file))
        {
            Answer answer = await assistant.AskAsync(evalCase.Question);
            GroundingResult grounding = GroundingCheck.Check(answer, knowledge, evalCase.Question);
            Assert.True(grounding.Grounded, $"{evalCase.Id}: untraced {string.Join(", ", grounding.Untraced)}\n{answer.Text}");
            Assert.All(answer.Figures, f => Assert.InRange(f.Citation, 1, answer.Citations.Count));
            Assert.All(answer.Derivations.SelectMany(d => d.Operands), o => Assert.InRange(o.Citation, 1, answer.Citations.Count));
        }
    }

    [Fact]
    public async Task No_figure_of_another_city_is_given_for_a_place_outside_the_corpus()
    {
        foreach (EvalCase evalCase in Load("qa-blind.jsonl").Where(c => !c.ExpectFound))
        {
            Answer answer = await assistant.AskAsync(evalCase.Question);
            Assert.All(evalCase.Forbid, f => Assert.DoesNotContain(f, answer.Text, StringComparison.Ordinal));
        }
    }

    private static IReadOnlyList<EvalCase> Load(string file) => EvalRunner.Load(Path.Combine(TestCorpus.RepositoryRoot, "tests", "data", file));
}
