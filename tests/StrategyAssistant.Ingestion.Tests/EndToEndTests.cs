using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Documents;
using StrategyAssistant.Hosting;
using StrategyAssistant.Ingestion.Tests.Synthetic;
using StrategyAssistant.Ingestion.Vocabulary;

namespace StrategyAssistant.Ingestion.Tests;

/// <summary>A fictional city's documents added to a corpus are answered from, with the right citation, through the real
/// services the hosts wire (ingestion registered as the knowledge source).</summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task Ask_states_the_target_of_an_added_text_document_with_its_citation()
    {
        using var temp = new TempCorpus();
        temp.Add(SyntheticCities.All[2]).Add(SyntheticCities.All[5]);
        using ServiceProvider services = Services(temp);
        Answer answer = await services.GetRequiredService<IAnswerService>().AnswerAsync("星見台町の転入者数の目標は？");
        Assert.True(answer.Found, answer.Text);
        Assert.Contains("260人", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.File == SyntheticCities.All[2].File && c.Line == 4);
        Assert.Equal("snapshot", await SecondStartLoads(temp));
    }

    [Fact]
    public async Task Ask_answers_from_an_added_PDF_with_its_page()
    {
        using var temp = new TempCorpus();
        SyntheticCity city = SyntheticCities.All[5];
        temp.Add("aobahara.pdf", Renderings.Pdf(city), city.City);
        using ServiceProvider services = Services(temp);
        Answer answer = await services.GetRequiredService<IAnswerService>().AnswerAsync("青葉原市の市民活動団体数の目標値は？");
        Assert.True(answer.Found, answer.Text);
        Assert.Contains("85団体", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.File == "aobahara.pdf");

        // The target stands on the fifth printed line of page 1 (title, header, two rows above it; the blank line prints nothing).
        Citation target = Assert.Single(answer.Citations, c => c.Quote.Contains("85団体", StringComparison.Ordinal));
        Assert.Equal("p.1, 5行目", target.Location);
        Assert.Equal($"{city.City} aobahara.pdf p.1, 5行目", SourceLabel.Of(target));
        Assert.Contains("p.1, 5行目", AnswerJson.Serialize(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_answers_from_an_added_workbook_citing_the_cell_of_each_figure()
    {
        using var temp = new TempCorpus();
        SyntheticCity city = SyntheticCities.All[5];
        temp.Add("aobahara.xlsx", Renderings.Xlsx(city), city.City);
        using ServiceProvider services = Services(temp);
        Answer answer = await services.GetRequiredService<IAnswerService>().AnswerAsync("青葉原市の市民活動団体数の目標値は？");
        Assert.True(answer.Found, answer.Text);
        Assert.Contains("85団体", answer.Text, StringComparison.Ordinal);

        // The generator put 85団体 in row 6, column C of the sheet.
        Assert.Equal("85団体", city.Lines[5][2]);
        Assert.True(answer.Citations.Any(c => c.Cell == "KPI!C6"), string.Join(" | ", answer.Citations.Select(c => $"{c} {c.Quote}")));
        Assert.Contains("KPI!C6", AnswerJson.Serialize(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Index_add_copies_the_file_infers_city_title_and_kind_and_writes_the_manifest()
    {
        using var temp = new TempCorpus();
        temp.Add(SyntheticCities.All[5]);
        string outside = Path.Combine(temp.Root, "月ヶ浦町_kpi.txt");
        File.WriteAllText(outside, Renderings.Text(SyntheticCities.All[4]));
        AddedDocument added = new DocumentAdder(StrategyVocabulary.Default).Add(temp.Documents, outside, null, null, null);
        Assert.Equal("月ヶ浦町", added.Entry.City);
        Assert.Equal("月ヶ浦町総合戦略 重要業績評価指標の状況", added.Entry.Title);
        Assert.Equal(["city", "title", "kind"], added.Inferred);
        Assert.True(File.Exists(Path.Combine(temp.Documents, "月ヶ浦町_kpi.txt")));
        var ingestor = new CorpusIngestor(StrategyVocabulary.Default, new IngestionOptions());
        KnowledgeBase knowledge = ingestor.Ingest(ingestor.ReadFiles(temp.Documents));
        Assert.Empty(knowledge.Problems);
        Assert.Equal(2, knowledge.Records.Kpis.Count(k => k.City == "月ヶ浦町"));
    }

    [Fact]
    public void Index_add_refuses_a_file_it_cannot_read_and_changes_nothing()
    {
        using var temp = new TempCorpus();
        temp.Add(SyntheticCities.All[5]);
        string bad = Path.Combine(temp.Root, "scan.pdf");
        File.WriteAllBytes(bad, BadFiles.PdfWithoutText());
        string before = File.ReadAllText(Path.Combine(temp.Documents, "manifest.json"));
        var ex = Assert.Throws<Formats.IngestException>(() => new DocumentAdder(StrategyVocabulary.Default).Add(temp.Documents, bad, "甲市", null, null));
        Assert.Contains("scan.pdf", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(temp.Documents, "manifest.json")));
        Assert.False(File.Exists(Path.Combine(temp.Documents, "scan.pdf")));
    }

    private static ServiceProvider Services(TempCorpus temp)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StrategyAssistant:DocumentsPath"] = temp.Documents,
                ["StrategyAssistant:IndexPath"] = temp.IndexPath,
            })
            .Build();
        return new ServiceCollection().AddLogging().AddStrategyAssistant(configuration).AddStrategyAssistantIngestion(configuration).BuildServiceProvider();
    }

    /// <summary>A new process's start on the same folders: the snapshot is served, nothing is ingested.</summary>
    private static async Task<string?> SecondStartLoads(TempCorpus temp)
    {
        using ServiceProvider services = Services(temp);
        await services.GetRequiredService<Search.CorpusIndexProvider>().GetAsync();
        return services.GetRequiredService<SnapshotKnowledgeSource>().LastLoad;
    }
}
