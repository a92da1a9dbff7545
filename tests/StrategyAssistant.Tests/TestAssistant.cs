using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Hosting;
using StrategyAssistant.Ingestion;

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
