using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using StrategyAssistant.Answering;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Search;

namespace StrategyAssistant.Benchmarks;

/// <summary>Full index rebuild and query latency on the bundled corpus (goals: rebuild &lt; 2 s, query p99 &lt; 20 ms).
/// Run: <c>dotnet run -c Release --project tests/StrategyAssistant.Benchmarks -- --filter '*IndexAndQuery*'</c>.
/// For percentiles over the question set, <c>strategy-assistant bench</c> prints p50/p95/p99.</summary>
[MemoryDiagnoser]
public class IndexAndQueryBenchmarks
{
    private static readonly string[] s_questions =
    [
        "芦別市の移住者数の目標は？",
        "子供の医療費助成、R6の予算いくら？",
        "岩見沢市の合計特殊出生率（単年）、目標はいくつ？",
        "まちなか居住人口、令和2年度の実績は？",
        "結婚を希望する人への情報提供の施策には、どの事業が紐づいてる？",
    ];

    private string _documents = null!;
    private string _scratch = null!;
    private IndexManager _manager = null!;
    private CorpusIndex _index = null!;
    private QuestionReader _reader = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _documents = Corpus.FindDocumentsDirectory(Directory.GetCurrentDirectory()) ?? Corpus.FindDocumentsDirectory(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run from the repository (index/documents not found).");
        _scratch = Path.Combine(Path.GetTempPath(), $"sa-bdn-{Guid.NewGuid():N}");
        _manager = new IndexManager(new CjkBigramAnalysis(), NullLogger<IndexManager>.Instance);
        KnowledgeBase knowledge = CorpusKnowledge.Read(Corpus.Load(_documents));
        _index = new CorpusIndex(knowledge, _manager.OpenOrBuild(Path.Combine(_scratch, "query"), knowledge));
        _reader = new QuestionReader(knowledge.Corpus.Cities);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _index.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }

    [Benchmark(Description = "full rebuild: corpus, passages, records, index, swap")]
    public IndexBuildResult FullRebuild() =>
        _manager.Build(Path.Combine(_scratch, "build"), CorpusKnowledge.Read(Corpus.Load(_documents)));

    [Benchmark(Description = "retrieval for one question (records + passages)")]
    public Evidence Query()
    {
        string question = s_questions[_next++ % s_questions.Length];
        return new EvidenceFinder(_index).Find(_reader.Read(QuestionText.Normalize(question)));
    }
}
