using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Ingestion.Tests.Synthetic;
using StrategyAssistant.Ingestion.Vocabulary;

namespace StrategyAssistant.Benchmarks;

/// <summary>Ingestion: the five bundled documents as text and as PDFs (set by the tests' renderer, Japanese font from
/// fonts-ipafont-gothic), a 100× corpus (the documents repeated under other city names), and serving start-up from a warm
/// snapshot (which must not ingest: the setup checks it).
/// Run: <c>dotnet run -c Release --project tests/StrategyAssistant.Benchmarks -- --filter '*Ingestion*'</c>.</summary>
[MemoryDiagnoser]
public class IngestionBenchmarks
{
    private readonly CorpusIngestor _ingestor = new(StrategyVocabulary.Default, new IngestionOptions());
    private string _scratch = null!;
    private string _bundled = null!;
    private string _pdf = null!;
    private string _hundred = null!;
    private SnapshotKnowledgeSource _source = null!;
    private CorpusFiles _hundredFiles = null!;
    private Dictionary<string, IngestedPart> _allButOne = null!;

    [GlobalSetup]
    public void Setup()
    {
        string documents = Corpus.FindDocumentsDirectory(Directory.GetCurrentDirectory()) ?? Corpus.FindDocumentsDirectory(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run from the repository (index/documents not found).");
        _scratch = Path.Combine(Path.GetTempPath(), $"sa-ingest-bdn-{Guid.NewGuid():N}");
        _bundled = documents;
        Manifest manifest = Manifest.Parse(File.ReadAllBytes(Path.Combine(documents, Corpus.ManifestFileName)), Corpus.ManifestFileName);
        _pdf = Write("pdf", manifest.Documents.Select(d => (d with { File = Path.ChangeExtension(d.File, ".pdf") }, Renderings.PdfFromText(File.ReadAllText(Path.Combine(documents, d.File))))));
        _hundred = Write("hundred", Enumerable.Range(0, 100).SelectMany(n => manifest.Documents.Select(d =>
            (d with { File = $"{n:D3}_{d.File}", City = $"試験市{n:D3}" }, File.ReadAllBytes(Path.Combine(documents, d.File))))));
        _hundredFiles = _ingestor.ReadFiles(_hundred);
        _allButOne = _ingestor.Ingest(_hundredFiles, reuse: null).Parts.Skip(1).ToDictionary(p => p.Hash, StringComparer.Ordinal);
        _source = new SnapshotKnowledgeSource(_ingestor, NullLogger<SnapshotKnowledgeSource>.Instance);
        _source.Load(_bundled, Path.Combine(_scratch, "lucene"));
        _source.Load(_bundled, Path.Combine(_scratch, "lucene"));
        if (_source.LastLoad != "snapshot")
        {
            throw new InvalidOperationException("A warm start ingested instead of loading the snapshot.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_scratch, recursive: true);

    [Benchmark(Description = "ingest the 5 bundled text documents")]
    public KnowledgeBase IngestBundled() => _ingestor.Ingest(_ingestor.ReadFiles(_bundled));

    [Benchmark(Description = "ingest the 5 bundled documents as PDFs")]
    public KnowledgeBase IngestBundledPdf() => _ingestor.Ingest(_ingestor.ReadFiles(_pdf));

    [Benchmark(Description = "ingest a 100x corpus (500 text documents)")]
    public KnowledgeBase IngestHundredfold() => _ingestor.Ingest(_ingestor.ReadFiles(_hundred));

    [Benchmark(Description = "re-ingest the 100x corpus with one document changed (the other 499 reused, linkers over all)")]
    public IngestResult IngestHundredfoldOneChanged() => _ingestor.Ingest(_hundredFiles, _allButOne);

    [Benchmark(Description = "serving start-up: load the warm snapshot (no ingestion)")]
    public KnowledgeBase LoadSnapshot() => _source.Load(_bundled, Path.Combine(_scratch, "lucene"));

    private string Write(string name, IEnumerable<(DocumentInfo Info, byte[] Bytes)> documents)
    {
        string folder = Path.Combine(_scratch, name);
        Directory.CreateDirectory(folder);
        var entries = new List<object>();
        foreach ((DocumentInfo info, byte[] bytes) in documents)
        {
            File.WriteAllBytes(Path.Combine(folder, info.File), bytes);
            entries.Add(new { file = info.File, city = info.City, title = info.Title, kind = info.Kind });
        }

        File.WriteAllText(Path.Combine(folder, Corpus.ManifestFileName), JsonSerializer.Serialize(new { documents = entries }), Encoding.UTF8);
        return folder;
    }
}
