using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Search;

namespace StrategyAssistant.Ingestion.Tests;

/// <summary>Incremental ingestion: adding or changing one document of a built corpus reads only that document, updates the
/// index in place by file term, and gives the knowledge and search results of a full rebuild.</summary>
public sealed class IncrementalIngestionTests
{
    private static readonly string[] s_queries = ["移住者数の目標", "子育て支援の取組", "観光入込客数", "ワーケーション拠点の整備"];

    [Fact]
    public void Adding_one_document_reads_only_it_and_equals_a_full_rebuild()
    {
        using var temp = new TempCorpus();
        Manifest manifest = CopyBundled(temp);
        var source = new SnapshotKnowledgeSource(NewIngestor(), NullLogger<SnapshotKnowledgeSource>.Instance);
        var manager = new IndexManager(new JapaneseAnalysis(), NullLogger<IndexManager>.Instance);
        KnowledgeBase first = source.Load(temp.Documents, temp.IndexPath);
        Assert.Equal(manifest.Documents.Count, source.LastIngested);
        Assert.False(manager.Update(temp.IndexPath, first).Incremental);

        DocumentInfo original = manifest.Documents[^1];
        const string City = "霧ヶ岬市";
        string added = Path.Combine(temp.Root, "added-strategy.txt");
        File.WriteAllText(added, File.ReadAllText(Path.Combine(temp.Documents, original.File)).Replace(original.City, City, StringComparison.Ordinal));
        new DocumentAdder(StrategyVocabulary.Default).Add(temp.Documents, added, City, original.Kind, null);
        var heard = new HeardFiles();
        source.Progress = heard;
        KnowledgeBase updated = source.Load(temp.Documents, temp.IndexPath);
        IndexBuildResult result = manager.Update(temp.IndexPath, updated);

        Assert.Equal(1, source.LastIngested);
        Assert.Equal(["added-strategy.txt"], heard.Files);
        Assert.True(result.Incremental);
        Assert.Equal(1, result.Reindexed);
        Assert.Contains(updated.Records.Kpis, k => k.City == City);
        AssertSameAsFullRebuild(temp, updated, manager, compareScores: true);
    }

    [Fact]
    public void Changing_one_document_reads_only_it_and_rewrites_only_its_citys_files()
    {
        using var temp = new TempCorpus();
        Manifest manifest = CopyBundled(temp);
        var source = new SnapshotKnowledgeSource(NewIngestor(), NullLogger<SnapshotKnowledgeSource>.Instance);
        var manager = new IndexManager(new JapaneseAnalysis(), NullLogger<IndexManager>.Instance);
        manager.Update(temp.IndexPath, source.Load(temp.Documents, temp.IndexPath));

        // A city with two documents: the linker joins their records, so both files' entries are written again.
        IGrouping<string, DocumentInfo> city = manifest.Documents.GroupBy(d => d.City).First(g => g.Count() > 1);
        DocumentInfo changed = city.Last();
        File.AppendAllText(Path.Combine(temp.Documents, changed.File), "\n新しい施策 ワーケーション拠点の整備\n");
        var heard = new HeardFiles();
        source.Progress = heard;
        KnowledgeBase updated = source.Load(temp.Documents, temp.IndexPath);
        IndexBuildResult result = manager.Update(temp.IndexPath, updated);

        Assert.Equal([changed.File], heard.Files);
        Assert.True(result.Incremental);
        Assert.Equal(city.Count(), result.Reindexed);
        using (SearchIndex index = OpenIndex(manager, temp.IndexPath, updated))
        {
            Assert.Contains(new Retriever(index).Search(new SearchRequest("ワーケーション拠点", [IndexFields.KindPassage], [city.Key])), h => h.Hit.Id.StartsWith(changed.File, StringComparison.Ordinal));
            Assert.Equal(Entries(updated), index.DocumentCount);
        }

        // Scores may differ by the deleted entries Lucene still counts until it merges; the knowledge does not.
        AssertSameAsFullRebuild(temp, updated, manager, compareScores: false);
    }

    private static CorpusIngestor NewIngestor() => new(StrategyVocabulary.Default, new IngestionOptions());

    private static Manifest CopyBundled(TempCorpus temp)
    {
        foreach (string file in Directory.GetFiles(TempCorpus.BundledDocuments))
        {
            File.Copy(file, Path.Combine(temp.Documents, Path.GetFileName(file)), overwrite: true);
        }

        return Manifest.Parse(File.ReadAllBytes(Path.Combine(temp.Documents, Corpus.ManifestFileName)), Corpus.ManifestFileName);
    }

    private static void AssertSameAsFullRebuild(TempCorpus temp, KnowledgeBase updated, IndexManager manager, bool compareScores)
    {
        CorpusIngestor ingestor = NewIngestor();
        KnowledgeBase full = ingestor.Ingest(ingestor.ReadFiles(temp.Documents));
        Assert.Equal(full.Version, updated.Version);
        Assert.Equal(JsonSerializer.Serialize(full.Records), JsonSerializer.Serialize(updated.Records));
        Assert.Equal(JsonSerializer.Serialize(full.Passages), JsonSerializer.Serialize(updated.Passages));
        Assert.Equal(full.Corpus.Documents.Select(d => d.Lines), updated.Corpus.Documents.Select(d => d.Lines));
        Assert.Equal(full.DocumentHashes.OrderBy(h => h.Key), updated.DocumentHashes.OrderBy(h => h.Key));

        string rebuilt = Path.Combine(temp.Root, "rebuilt");
        manager.Build(rebuilt, full);
        using SearchIndex a = OpenIndex(manager, temp.IndexPath, updated);
        using SearchIndex b = OpenIndex(manager, rebuilt, full);
        Assert.Equal(b.DocumentCount, a.DocumentCount);
        foreach (string query in s_queries)
        {
            var request = new SearchRequest(query, [], [], 20);
            IReadOnlyList<ScoredHit> incremental = new Retriever(a).Search(request);
            IReadOnlyList<ScoredHit> rebuild = new Retriever(b).Search(request);
            if (compareScores)
            {
                Assert.Equal(rebuild.Select(h => (h.Hit.Id, h.Hit.Score, h.Coverage)), incremental.Select(h => (h.Hit.Id, h.Hit.Score, h.Coverage)));
            }
            else
            {
                // Which entries match does not depend on scores: every hit of both.
                var all = request with { Count = 100_000 };
                Assert.Equal(new Retriever(b).Search(all).Select(h => h.Hit.Id).Order(StringComparer.Ordinal), new Retriever(a).Search(all).Select(h => h.Hit.Id).Order(StringComparer.Ordinal));
            }
        }
    }

    private static SearchIndex OpenIndex(IndexManager manager, string path, KnowledgeBase knowledge)
    {
        string marker = Path.Combine(path, "opened-not-rebuilt");
        File.WriteAllText(marker, string.Empty);
        SearchIndex index = manager.OpenOrBuild(path, knowledge);
        Assert.True(File.Exists(marker), "the updated index is current and opened as it is");
        File.Delete(marker);
        return index;
    }

    private static int Entries(KnowledgeBase knowledge) => knowledge.Passages.Count + knowledge.Records.Kpis.Count + knowledge.Records.Projects.Count;

    private sealed class HeardFiles : IProgress<DocumentIngest>
    {
        private readonly List<string> _files = [];

        public IReadOnlyList<string> Files
        {
            get
            {
                lock (_files)
                {
                    return [.. _files.Order(StringComparer.Ordinal)];
                }
            }
        }

        public void Report(DocumentIngest value)
        {
            lock (_files)
            {
                _files.Add(value.File);
            }
        }
    }
}
