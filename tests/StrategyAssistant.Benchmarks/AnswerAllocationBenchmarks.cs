using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StrategyAssistant.Answering;
using StrategyAssistant.Documents;
using StrategyAssistant.Hosting;
using StrategyAssistant.Ingestion;

namespace StrategyAssistant.Benchmarks;

/// <summary>Time and allocations of one offline answer through the real service (index opened once), per question kind.
/// Run: <c>dotnet run -c Release --project tests/StrategyAssistant.Benchmarks -- --filter '*AnswerAllocation*'</c>.</summary>
[MemoryDiagnoser]
public class AnswerAllocationBenchmarks
{
    private ServiceProvider _services = null!;
    private AnswerService _answers = null!;
    private string _scratch = null!;

    [Params("芦別市の移住者数の目標は？", "子供の医療費助成、R6の予算いくら？", "結婚を希望する人への情報提供の施策には、どの事業が紐づいてる？")]
    public string Question { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        string documents = Corpus.FindDocumentsDirectory(Directory.GetCurrentDirectory()) ?? Corpus.FindDocumentsDirectory(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run from the repository (index/documents not found).");
        _scratch = Path.Combine(Path.GetTempPath(), $"sa-bdn-answer-{Guid.NewGuid():N}");
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StrategyAssistant:DocumentsPath"] = documents,
            ["StrategyAssistant:IndexPath"] = Path.Combine(_scratch, "lucene"),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddStrategyAssistant(configuration).AddStrategyAssistantIngestion(configuration);
        _services = services.BuildServiceProvider();
        _answers = _services.GetRequiredService<AnswerService>();
        _answers.AnswerAsync(Question).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }

    [Benchmark(Description = "offline answer (retrieval, records, composition, grounding)")]
    public Task<Answer> Answer() => _answers.AnswerAsync(Question);
}
