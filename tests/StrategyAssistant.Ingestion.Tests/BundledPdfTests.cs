using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Formats;
using StrategyAssistant.Ingestion.Tests.Synthetic;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;
using Xunit.Abstractions;

namespace StrategyAssistant.Ingestion.Tests;

/// <summary>A bundled document set as a PDF by the test and read back through the PDF reader gives the records of its text form.</summary>
public sealed class BundledPdfTests
{
    private readonly ITestOutputHelper _output;

    public BundledPdfTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData("004")]
    [InlineData("001")]
    public void A_bundled_document_rendered_to_PDF_yields_the_records_of_its_text(string prefix)
    {
        Manifest manifest = Manifest.Parse(File.ReadAllBytes(Path.Combine(TempCorpus.BundledDocuments, "manifest.json")), "manifest.json");
        DocumentInfo info = manifest.Documents.Single(d => d.File.StartsWith(prefix, StringComparison.Ordinal));
        string text = File.ReadAllText(Path.Combine(TempCorpus.BundledDocuments, info.File));
        var ingestor = new CorpusIngestor(StrategyVocabulary.Default, new IngestionOptions());
        RecordSet fromText = ingestor.ReadRecords(new TextDocumentReader().Read(info, System.Text.Encoding.UTF8.GetBytes(text))).Records;
        var pdfInfo = info with { File = Path.ChangeExtension(info.File, ".pdf") };
        RecordSet fromPdf = ingestor.ReadRecords(new PdfDocumentReader().Read(pdfInfo, Renderings.PdfFromText(text))).Records;

        List<string> a = Values(fromText.Kpis);
        List<string> b = Values(fromPdf.Kpis);
        foreach (string missing in a.Except(b))
        {
            _output.WriteLine("text only: " + missing);
        }

        foreach (string extra in b.Except(a))
        {
            _output.WriteLine("pdf only: " + extra);
        }

        _output.WriteLine($"KPIs text {fromText.Kpis.Count} / pdf {fromPdf.Kpis.Count}; projects {fromText.Projects.Count} / {fromPdf.Projects.Count}");
        Assert.Equal(a, b);
        Assert.Equal(fromText.Projects.Select(p => $"{p.Name} {p.Budget}"), fromPdf.Projects.Select(p => $"{p.Name} {p.Budget}"));
        Assert.All(fromPdf.Kpis, k => Assert.NotNull(k.Source.Page));
    }

    private static List<string> Values(IEnumerable<KpiRecord> kpis) =>
        [.. kpis.Select(k => $"{k.Indicator}|{k.Baseline?.Text}|{k.Target?.Text}|{k.Actual?.Text}|{k.Unit}")];
}
