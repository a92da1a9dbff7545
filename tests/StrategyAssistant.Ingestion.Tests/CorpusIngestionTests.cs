using Microsoft.Extensions.Logging.Abstractions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Tests.Synthetic;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests;

/// <summary>The corpus through the ingestion stage: the bundled documents keep their records; the snapshot serves without
/// ingesting; a bad file costs only itself, with a message naming it.</summary>
public sealed class CorpusIngestionTests
{
    private static CorpusIngestor NewIngestor(IngestionOptions? options = null) => new(StrategyVocabulary.Default, options ?? new IngestionOptions());

    [Fact]
    public void The_bundled_documents_give_the_same_records_from_the_files_and_from_a_loaded_corpus()
    {
        CorpusIngestor ingestor = NewIngestor();
        KnowledgeBase ingested = ingestor.Ingest(ingestor.ReadFiles(TempCorpus.BundledDocuments));
        Corpus corpus = Corpus.Load(TempCorpus.BundledDocuments);
        RecordSet expected = CorpusKnowledge.ReadRecords(corpus.Documents, ingestor);
        Assert.Empty(ingested.Problems);
        Assert.Equal(corpus.ContentHash, ingested.Corpus.ContentHash);
        Assert.Equal(Describe(expected.Kpis), Describe(ingested.Records.Kpis));
        Assert.Equal(expected.Projects.Select(p => $"{p.Id} {p.Name} {p.Budget}"), ingested.Records.Projects.Select(p => $"{p.Id} {p.Name} {p.Budget}"));
        Assert.Equal(expected.Notes.Select(n => n.Message), ingested.Records.Notes.Select(n => n.Message));
        Assert.Equal(expected.Totals.Count, ingested.Records.Totals.Count);
        Assert.Equal(CorpusKnowledge.Read(corpus).Passages.Count, ingested.Passages.Count);
    }

    [Fact]
    public void A_second_load_is_served_from_the_snapshot_and_a_changed_document_is_ingested_again()
    {
        using var temp = new TempCorpus();
        temp.Add(SyntheticCities.All[2]).Add(SyntheticCities.All[5]);
        var source = new SnapshotKnowledgeSource(NewIngestor(), NullLogger<SnapshotKnowledgeSource>.Instance);
        KnowledgeBase first = source.Load(temp.Documents, temp.IndexPath);
        Assert.Equal("ingested", source.LastLoad);
        Assert.True(File.Exists(SnapshotFile.PathFor(temp.IndexPath)));

        KnowledgeBase second = source.Load(temp.Documents, temp.IndexPath);
        Assert.Equal("snapshot", source.LastLoad);
        Assert.Equal(first.Version, second.Version);
        Assert.Equal(Describe(first.Records.Kpis), Describe(second.Records.Kpis));
        Assert.Equal(first.Records.Kpis.Select(k => k.Target?.PeriodSource?.Quote), second.Records.Kpis.Select(k => k.Target?.PeriodSource?.Quote));
        Assert.Equal(first.Passages, second.Passages, (a, b) => a.Id == b.Id && a.Text == b.Text && a.HeadingPath.SequenceEqual(b.HeadingPath));
        Assert.Equal(first.Corpus.Documents.Select(d => d.Lines.Count), second.Corpus.Documents.Select(d => d.Lines.Count));

        File.AppendAllText(Path.Combine(temp.Documents, SyntheticCities.All[2].File), "観光客数  1,000人  2,000人  1,500人\n");
        KnowledgeBase third = source.Load(temp.Documents, temp.IndexPath);
        Assert.Equal("ingested", source.LastLoad);
        Assert.NotEqual(first.Version, third.Version);
    }

    [Fact]
    public void A_damaged_snapshot_is_ingested_again()
    {
        using var temp = new TempCorpus();
        temp.Add(SyntheticCities.All[2]);
        var source = new SnapshotKnowledgeSource(NewIngestor(), NullLogger<SnapshotKnowledgeSource>.Instance);
        source.Load(temp.Documents, temp.IndexPath);
        File.WriteAllBytes(SnapshotFile.PathFor(temp.IndexPath), [1, 2, 3, 4]);
        KnowledgeBase again = source.Load(temp.Documents, temp.IndexPath);
        Assert.Equal("ingested", source.LastLoad);
        Assert.Equal(3, again.Records.Kpis.Count);
    }

    [Fact]
    public void Bad_files_are_reported_by_name_and_the_rest_of_the_corpus_loads()
    {
        using var temp = new TempCorpus();
        temp.Add(SyntheticCities.All[5]);
        temp.Add("empty.txt", [], "空市");
        temp.Add("utf16.txt", System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("基本目標1 テスト")).ToArray(), "甲市");
        temp.Add("sjis.txt", [0x8A, 0xEE, 0x96, 0x7B, 0x96, 0xDA, 0x95, 0x57, 0x0A], "乙市");
        temp.Add("scan.pdf", BadFiles.PdfWithoutText(), "丙市");
        temp.Add("encrypted.pdf", BadFiles.EncryptedPdf(), "丁市");
        temp.Add("corrupt.pdf", "%PDF-1.7\n1 0 obj <<\ngarbage"u8.ToArray(), "戊市");
        temp.Add("corrupt.xlsx", "PK\u0003\u0004 not a zip"u8.ToArray(), "己市");
        temp.Add("unlisted.txt", "基本目標1"u8.ToArray(), "庚市", listed: false);
        temp.Add("empty.pdf", [], "辛市");
        temp.Add("empty.xlsx", [], "壬市");
        temp.Add("utf16be.txt", System.Text.Encoding.BigEndianUnicode.GetPreamble().Concat(System.Text.Encoding.BigEndianUnicode.GetBytes("基本目標1 テスト")).ToArray(), "癸市");
        // Whole documents as an editor saves them: UTF-16 without a byte order mark, Shift-JIS (code page 932).
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        temp.Add("utf16-nobom.txt", System.Text.Encoding.Unicode.GetBytes(Renderings.Text(SyntheticCities.All[2])), "子市");
        temp.Add("sjis-document.txt", System.Text.Encoding.GetEncoding(932).GetBytes(Renderings.Text(SyntheticCities.All[3])), "辰市");
        temp.Add("locked.xlsx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]], "丑市");
        temp.Add("zip.xlsx", IndexFolderTests.EmptyZip(), "寅市");
        temp.Add("html.pdf", "<html><body>not a pdf</body></html>"u8.ToArray(), "卯市");

        CorpusIngestor ingestor = NewIngestor();
        KnowledgeBase knowledge = ingestor.Ingest(ingestor.ReadFiles(temp.Documents));
        Assert.Equal(3, knowledge.Records.Kpis.Count);
        Assert.Single(knowledge.Corpus.Documents);
        string[] bad = ["empty.txt", "utf16.txt", "sjis.txt", "scan.pdf", "encrypted.pdf", "corrupt.pdf", "corrupt.xlsx", "unlisted.txt",
            "empty.pdf", "empty.xlsx", "utf16be.txt", "utf16-nobom.txt", "sjis-document.txt", "locked.xlsx", "zip.xlsx", "html.pdf"];
        foreach (string file in bad)
        {
            // One line each, naming the file.
            string problem = Assert.Single(knowledge.Problems, p => p.Contains(file, StringComparison.Ordinal));
            Assert.DoesNotContain('\n', problem);
        }

        Assert.Equal(bad.Length, knowledge.Problems.Count);
        foreach (string empty in new[] { "empty.txt", "empty.pdf", "empty.xlsx" })
        {
            Assert.Contains(knowledge.Problems, p => p.Contains(empty, StringComparison.Ordinal) && p.Contains("empty (0 bytes)", StringComparison.Ordinal));
        }

        Assert.Contains(knowledge.Problems, p => p.Contains("utf16be.txt", StringComparison.Ordinal) && p.Contains("UTF-16", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.Contains("utf16-nobom.txt", StringComparison.Ordinal) && p.Contains("UTF-16", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.Contains("sjis-document.txt", StringComparison.Ordinal) && p.Contains("Shift-JIS", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.Contains("locked.xlsx", StringComparison.Ordinal) && p.Contains("password", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.Contains("zip.xlsx", StringComparison.Ordinal) && p.Contains("cannot be read", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.Contains("html.pdf", StringComparison.Ordinal) && p.Contains("cannot be read", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.Contains("corrupt.pdf", StringComparison.Ordinal) && p.Contains("cannot be read", StringComparison.Ordinal));

        Assert.Contains(knowledge.Problems, p => p.Contains("utf16.txt", StringComparison.Ordinal) && p.Contains("UTF-16", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.Contains("sjis.txt", StringComparison.Ordinal) && p.Contains("Shift-JIS", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.Contains("scan.pdf", StringComparison.Ordinal) && p.Contains("no text layer", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.Contains("encrypted.pdf", StringComparison.Ordinal) && p.Contains("encrypted", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.Contains("unlisted.txt", StringComparison.Ordinal) && p.Contains("index add unlisted.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void The_corpus_is_a_jail_for_links_fifos_and_large_files()
    {
        using var temp = new TempCorpus();
        temp.Add(SyntheticCities.All[5]);
        string outside = Path.Combine(temp.Root, "secret.txt");
        File.WriteAllText(outside, "指標\t基準値\t目標値\n秘密の指標\t1人\t2人\n");
        File.CreateSymbolicLink(Path.Combine(temp.Documents, "link.txt"), outside);
        temp.List("link.txt", "甲市");
        File.CreateSymbolicLink(Path.Combine(temp.Documents, "zero.txt"), "/dev/zero");
        temp.List("zero.txt", "乙市");
        Assert.Equal(0, System.Diagnostics.Process.Start("mkfifo", Path.Combine(temp.Documents, "fifo.txt")).WaitForExitAndCode());
        temp.List("fifo.txt", "丙市");
        temp.Add("large.txt", new byte[5000], "丁市");
        File.CreateSymbolicLink(Path.Combine(temp.Documents, "inside.txt"), Path.Combine(temp.Documents, SyntheticCities.All[5].File));
        temp.List("inside.txt", "戊市");

        CorpusIngestor ingestor = NewIngestor(new IngestionOptions { MaxTextBytes = 4000 });
        KnowledgeBase knowledge = ingestor.Ingest(ingestor.ReadFiles(temp.Documents));
        Assert.DoesNotContain(knowledge.Records.Kpis, k => k.Indicator == "秘密の指標");
        Assert.Contains(knowledge.Problems, p => p.Contains("link.txt", StringComparison.Ordinal) && p.Contains("outside", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.Contains("zero.txt", StringComparison.Ordinal) && p.Contains("outside", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.Contains("fifo.txt", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.Contains("large.txt", StringComparison.Ordinal) && p.Contains("limit", StringComparison.Ordinal));

        // A link that stays inside the folder is an ordinary document.
        Assert.Equal(2, knowledge.Corpus.Documents.Count);
    }

    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf16le")]
    [InlineData("utf16be")]
    public void A_manifest_saved_with_a_BOM_or_as_UTF16_is_read(string encoding)
    {
        using var temp = new TempCorpus();
        temp.Add(SyntheticCities.All[5]);
        string json = temp.ManifestJson();
        byte[] bytes = encoding switch
        {
            "utf8-bom" => [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(json)],
            "utf16le" => [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(json)],
            _ => [.. System.Text.Encoding.BigEndianUnicode.GetPreamble(), .. System.Text.Encoding.BigEndianUnicode.GetBytes(json)],
        };
        temp.WriteManifest(bytes);
        CorpusIngestor ingestor = NewIngestor();
        Assert.Equal(3, ingestor.Ingest(ingestor.ReadFiles(temp.Documents)).Records.Kpis.Count);
        Assert.Single(Corpus.Load(temp.Documents).Documents);
    }

    [Fact]
    public void A_file_listed_twice_is_read_once_with_a_message()
    {
        using var temp = new TempCorpus();
        temp.Add(SyntheticCities.All[5]).List(SyntheticCities.All[5].File, "別名市");
        CorpusIngestor ingestor = NewIngestor();
        KnowledgeBase knowledge = ingestor.Ingest(ingestor.ReadFiles(temp.Documents));
        Assert.Single(knowledge.Corpus.Documents);
        Assert.Contains(knowledge.Problems, p => p.Contains("listed twice", StringComparison.Ordinal) && p.Contains(SyntheticCities.All[5].File, StringComparison.Ordinal));
        Assert.Single(Corpus.Load(temp.Documents).Documents);
    }

    internal static List<string> Describe(IEnumerable<KpiRecord> kpis) =>
        [.. kpis.Select(k => $"{k.Id} {k.Indicator} {k.IsGoalTarget} {k.Baseline?.Text}|{k.Target?.Text}|{k.Actual?.Text} {k.Unit} {k.Goal} {k.Measure} {k.Note}")];
}

internal static class ProcessExtensions
{
    public static int WaitForExitAndCode(this System.Diagnostics.Process? process)
    {
        ArgumentNullException.ThrowIfNull(process);
        process.WaitForExit();
        return process.ExitCode;
    }
}

/// <summary>Index folder messages (issue 12 item 7): an unwritable folder says so in one line; a killed build's leftovers go.</summary>
public sealed class IndexFolderTests
{
    [Fact]
    public void An_unwritable_index_folder_gets_a_message_that_says_so()
    {
        using var temp = new TempCorpus();
        temp.Add(SyntheticCities.All[2]);
        string blocker = Path.Combine(temp.Root, "not-a-folder");
        File.WriteAllText(blocker, "a file where the index folder should be");
        var manager = new Search.IndexManager(new Search.CjkBigramAnalysis(), NullLogger<Search.IndexManager>.Instance);
        KnowledgeBase knowledge = CorpusKnowledge.Read(Corpus.Load(temp.Documents));
        var ex = Assert.Throws<Search.IndexFolderException>(() => manager.OpenOrBuild(Path.Combine(blocker, "lucene"), knowledge));
        Assert.Contains("not writable", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Stale_temporary_build_folders_are_removed_at_the_next_build()
    {
        using var temp = new TempCorpus();
        temp.Add(SyntheticCities.All[2]);
        string stale = temp.IndexPath + ".tmp-0123456789abcdef";
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "_0.cfs"), "half a segment");
        Directory.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));
        var manager = new Search.IndexManager(new Search.CjkBigramAnalysis(), NullLogger<Search.IndexManager>.Instance);
        manager.Build(temp.IndexPath, CorpusKnowledge.Read(Corpus.Load(temp.Documents)));
        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(temp.IndexPath));
    }

    /// <summary>A zip archive with no entries: a package, but not a workbook.</summary>
    internal static byte[] EmptyZip()
    {
        using var stream = new MemoryStream();
        using (new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
        }

        return stream.ToArray();
    }
}
