using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StrategyAssistant.Answering;
using StrategyAssistant.Evaluation;
using StrategyAssistant.Search;

namespace StrategyAssistant.Tests.Answering;

/// <summary>Honest offline answers pass the claim-level check as composed (before any fallback to verbatim passages): every
/// figure matches a cited record or quote on role, year, city and subject.</summary>
[Collection(AssistantCollection.Name)]
public sealed class OfflineGroundingTests(TestAssistant assistant)
{
    [Fact]
    public async Task Every_composed_answer_of_the_public_set_passes_the_claim_check()
    {
        IReadOnlyList<EvalCase> cases = EvalRunner.Load(Path.Combine(TestCorpus.RepositoryRoot, "tests", "data", "qa-public.jsonl"));
        CorpusIndex index = await assistant.Services.GetRequiredService<CorpusIndexProvider>().GetAsync();
        int maxPassages = assistant.Services.GetRequiredService<IOptions<StrategyAssistantOptions>>().Value.MaxPassages;
        var failures = new List<string>();
        foreach (EvalCase evalCase in cases)
        {
            string text = QuestionText.Normalize(evalCase.Question);
            Question understood = new QuestionReader(index.Knowledge.Corpus.Cities).Read(text);
            Evidence evidence = new EvidenceFinder(index).Find(understood);
            Answer composed = new OfflineComposer(index.Knowledge, index.Index.Analyzer, maxPassages).Compose(evalCase.Question, understood, evidence);
            GroundingResult result = GroundingCheck.Check(composed, index.Knowledge, text);
            if (!result.Grounded)
            {
                failures.Add($"{evalCase.Id}: {string.Join(", ", result.Untraced)}\n{composed.Text}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
