using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Hosting;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Search;

namespace StrategyAssistant.Tests;

/// <summary>The real assistant (DI as the hosts wire it) over the bundled corpus, with its index in a temporary folder;
/// shared by the tests of a collection.</summary>
public sealed class TestAssistant : IDisposable
{
    private readonly string _indexFolder = Directory.CreateTempSubdirectory("sa-assistant-").FullName;
    private readonly ServiceProvider _services;

    public TestAssistant()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StrategyAssistant:DocumentsPath"] = TestCorpus.DocumentsDirectory,
                ["StrategyAssistant:IndexPath"] = Path.Combine(_indexFolder, "lucene"),
            })
            .Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddStrategyAssistant(configuration).AddStrategyAssistantIngestion(configuration)
            .BuildServiceProvider();
    }

    public IServiceProvider Services => _services;

    public IAnswerService Answers => _services.GetRequiredService<IAnswerService>();

    public Task<Answer> AskAsync(string question) => Answers.AnswerAsync(question);

    /// <summary>Asks, and fails the test unless every figure of the answer is traced by the grounding check.</summary>
    public async Task<Answer> AskGroundedAsync(string question)
    {
        Answer answer = await AskAsync(question);
        var knowledge = (await _services.GetRequiredService<CorpusIndexProvider>().GetAsync()).Knowledge;
        GroundingResult grounding = GroundingCheck.Check(answer, knowledge, question);
        Assert.True(grounding.Grounded, $"{string.Join(", ", grounding.Untraced)}\n{answer.Text}");
        return answer;
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_indexFolder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class AssistantCollection : ICollectionFixture<TestAssistant>
{
    public const string Name = "assistant";
}
