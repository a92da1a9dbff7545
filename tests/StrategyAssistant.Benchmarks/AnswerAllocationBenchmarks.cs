using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StrategyAssistant.Answering;
using StrategyAssistant.Documents;
using StrategyAssistant.Hosting;
using StrategyAssistant.Ingestion;

namespace StrategyAssistant.Benchmarks;

/// <summary>Time and allocations of one offline answer through the real service (index opened once), per question kind, on the
/// bundled corpus and on a generated 100× corpus (the bundled documents under fictional city names, as <c>bench --scale 100</c>).
/// Run: <c>dotnet run -c Release --project tests/StrategyAssistant.Benchmarks -- --filter '*AnswerAllocation*'</c>. The 100×
/// corpus, its snapshot and index are kept in the temporary folder and reused by later runs (the first builds them: minutes).</summary>
[MemoryDiagnoser]
public class AnswerAllocationBenchmarks
{
    private ServiceProvider _services = null!;
    private AnswerService _answers = null!;
    private string _scratch = null!;

    [Params("芦別市の移住者数の目標は？", "子供の医療費助成、R6の予算いくら？", "結婚を希望する人への情報提供の施策には、どの事業が紐づいてる？")]
    public string Question { get; set; } = string.Empty;

    /// <summary>1: the bundled corpus; N: the bundled documents and N − 1 copies under other city names.</summary>
    [Params(1, 100)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string documents = Corpus.FindDocumentsDirectory(Directory.GetCurrentDirectory()) ?? Corpus.FindDocumentsDirectory(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run from the repository (index/documents not found).");
        string indexPath;
        if (Scale > 1)
        {
            // Kept between runs: every benchmark case runs in its own process, and building the corpus takes minutes.
            string scaled = Path.Combine(Path.GetTempPath(), $"sa-bdn-answer-{Scale}x");
            if (!File.Exists(Path.Combine(scaled, "documents", Corpus.ManifestFileName)))
            {
                StrategyAssistant.Cli.Commands.ScaledCorpus.Write(documents, Scale, Path.Combine(scaled, "documents"));
            }

            documents = Path.Combine(scaled, "documents");
            indexPath = Path.Combine(scaled, "lucene");
            _scratch = string.Empty;
        }
        else
        {
            _scratch = Path.Combine(Path.GetTempPath(), $"sa-bdn-answer-{Guid.NewGuid():N}");
            indexPath = Path.Combine(_scratch, "lucene");
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StrategyAssistant:DocumentsPath"] = documents,
            ["StrategyAssistant:IndexPath"] = indexPath,
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
        if (_scratch.Length > 0)
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Benchmark(Description = "offline answer (retrieval, records, composition, grounding)")]
    public Task<Answer> Answer() => _answers.AnswerAsync(Question);
}
