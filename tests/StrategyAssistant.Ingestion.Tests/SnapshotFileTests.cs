using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Vocabulary;

namespace StrategyAssistant.Ingestion.Tests;

/// <summary>The snapshot file (schema 5): the bundled knowledge reads back field for field, each part's citations are stored
/// once, and a truncated, damaged or older file is reported with its reason and ingested again, losing nothing: a damaged
/// part costs its city only.</summary>
public sealed class SnapshotFileTests
{
    private static readonly Lazy<IngestResult> s_bundled = new(() =>
    {
        var ingestor = new CorpusIngestor(StrategyVocabulary.Default, new IngestionOptions());
        return ingestor.Ingest(ingestor.ReadFiles(TempCorpus.BundledDocuments), reuse: null);
    });

    [Fact]
    public void The_bundled_knowledge_reads_back_with_every_field_and_equal_citations_shared()
    {
        KnowledgeBase knowledge = s_bundled.Value.Knowledge;
        string path = Path.Combine(Directory.CreateTempSubdirectory("sa-snapshot-").FullName, "lucene.snapshot.json");
        try
        {
            SnapshotFile.Write(path, s_bundled.Value, "vocabulary-test");
            KnowledgeSnapshot snapshot = SnapshotFile.TryRead(path, out string? problem)!;
            KnowledgeBase read = snapshot.ToKnowledge();

            Assert.Null(problem);
            Assert.Equal(knowledge.Corpus.Documents.Count, snapshot.Documents.Count);
            // Default serialisation writes every public field, so a field added to a record type is compared as well.
            Assert.Equal(JsonSerializer.Serialize(knowledge.Records), JsonSerializer.Serialize(read.Records));
            Assert.Equal(JsonSerializer.Serialize(knowledge.Passages), JsonSerializer.Serialize(read.Passages));
            Assert.Equal(knowledge.Corpus.Documents.Select(d => string.Join('\n', d.Lines)), read.Corpus.Documents.Select(d => string.Join('\n', d.Lines)));
            Assert.Equal(knowledge.Version, read.Version);

            // A KPI citing its own line from source and values gets one shared citation instance, not copies.
            var citations = read.Records.Kpis.SelectMany(k => k.AllSources()).ToList();
            Assert.True(citations.Distinct().Count() < citations.Count);
            Assert.Equal(citations.Distinct().Count(), citations.Distinct(ReferenceEqualityComparer.Instance).Count());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void A_citation_outside_a_table_is_an_ordinary_object()
    {
        var citation = new Citation("a.txt", "題", "甲市", 3, 4, "引用") { Page = 2, PageLine = 7, Cell = "KPI!C3" };
        var options = new JsonSerializerOptions();
        var withTable = new JsonSerializerOptions { Converters = { new CitationTable(options) } };
        string json = JsonSerializer.Serialize(citation, withTable);
        Assert.Equal(JsonSerializer.Serialize(citation), json);
        Assert.Equal(citation, JsonSerializer.Deserialize<Citation>(json, withTable));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Citation>("5", withTable));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("footer")]
    [InlineData("previous")]
    [InlineData("empty")]
    public void A_damaged_or_older_snapshot_is_reported_and_ingested_again(string damage)
    {
        using var temp = new TempCorpus();
        foreach (Synthetic.SyntheticCity city in Synthetic.SyntheticCities.All.Take(3))
        {
            temp.Add(city);
        }

        var source = new SnapshotKnowledgeSource(new CorpusIngestor(StrategyVocabulary.Default, new IngestionOptions()), NullLogger<SnapshotKnowledgeSource>.Instance);
        KnowledgeBase first = source.Load(temp.Documents, temp.IndexPath);
        string path = SnapshotFile.PathFor(temp.IndexPath);
        byte[] bytes = File.ReadAllBytes(path);
        byte[] damaged = damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "flipped" => Flip(bytes, bytes.Length / 3),
            "footer" => Flip(bytes, bytes.Length - 40),
            // The tail of a schema-4 file: footer length, then "SASNAP03".
            "previous" => [.. bytes[..^24], .. BitConverter.GetBytes(10L), .. "SASNAP03"u8],
            _ => [],
        };
        File.WriteAllBytes(path, damaged);

        Assert.Null(SnapshotFile.TryRead(path, out string? problem));
        Assert.Contains(damage switch
        {
            "flipped" or "footer" => "checksum",
            "previous" => "previous snapshot layout",
            _ => "truncated",
        }, problem, StringComparison.Ordinal);

        KnowledgeBase again = source.Load(temp.Documents, temp.IndexPath);
        Assert.Equal("ingested", source.LastLoad);
        // A damaged part names its document, and only that document is read again; without a footer every one is.
        if (damage == "flipped")
        {
            Assert.Contains(Synthetic.SyntheticCities.All.Take(3), c => problem!.Contains(c.File, StringComparison.Ordinal));
        }

        Assert.Equal(damage == "flipped" ? 1 : 3, source.LastIngested);
        Assert.Equal(JsonSerializer.Serialize(first.Records), JsonSerializer.Serialize(again.Records));
        Assert.Equal(JsonSerializer.Serialize(first.Passages), JsonSerializer.Serialize(again.Passages));
        Assert.NotNull(SnapshotFile.TryRead(path, out _));
        source.Load(temp.Documents, temp.IndexPath);
        Assert.Equal("snapshot", source.LastLoad);
    }

    [Fact]
    public void A_damaged_ingest_cache_costs_only_speed_every_document_is_read_again()
    {
        using var temp = new TempCorpus();
        foreach (Synthetic.SyntheticCity city in Synthetic.SyntheticCities.All.Take(3))
        {
            temp.Add(city);
        }

        var source = new SnapshotKnowledgeSource(new CorpusIngestor(StrategyVocabulary.Default, new IngestionOptions()), NullLogger<SnapshotKnowledgeSource>.Instance);
        KnowledgeBase first = source.Load(temp.Documents, temp.IndexPath);
        string cache = IngestCacheFile.PathFor(temp.IndexPath);
        Assert.Equal(3, IngestCacheFile.TryRead(cache)!.Parts.Count);
        byte[] bytes = File.ReadAllBytes(cache);
        File.WriteAllBytes(cache, Flip(bytes, bytes.Length / 2));
        Assert.Null(SnapshotFile.ReadCache(cache, out string? problem));
        Assert.Contains("checksum", problem, StringComparison.Ordinal);

        // A changed document makes the snapshot stale; the cities it does not change are copied from the snapshot, so the
        // unreadable cache costs nothing here; the changed document is read, as it would be anyway.
        File.AppendAllText(Path.Combine(temp.Documents, Synthetic.SyntheticCities.All[0].File), "\n");
        KnowledgeBase again = source.Load(temp.Documents, temp.IndexPath);
        Assert.Equal(1, source.LastIngested);
        Assert.Equal(JsonSerializer.Serialize(first.Records.Kpis.Select(k => k.Indicator)), JsonSerializer.Serialize(again.Records.Kpis.Select(k => k.Indicator)));
        Assert.NotNull(IngestCacheFile.TryRead(cache));
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        byte[] copy = [.. bytes];
        copy[at] ^= 0x20;
        return copy;
    }
}
