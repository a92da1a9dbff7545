using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Formats;
using StrategyAssistant.Ingestion.Tests.Synthetic;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;
using Xunit.Abstractions;

namespace StrategyAssistant.Ingestion.Tests;

/// <summary>A bundled document set as a PDF by the test and read back through the PDF reader gives the records of its text
/// form: the same KPI values, projects with budgets, data-quality notes and stated totals, each figure cited on the page and
/// printed line where it stands. The differences, by design: the line numbers (so the record ids, and the line numbers a
/// note's message quotes) — a blank line at a page break leaves no trace on the page, so the PDF's lines are numbered
/// without it; and the citations carry a page. The test output lists any other difference.</summary>
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

        // Notes and stated totals: the same kinds, messages and figures (a message may quote line numbers, which differ).
        List<string> notesText = [.. fromText.Notes.Select(n => n.Kind + "|" + Digitless(n.Message))];
        List<string> notesPdf = [.. fromPdf.Notes.Select(n => n.Kind + "|" + Digitless(n.Message))];
        foreach (string missing in notesText.Except(notesPdf))
        {
            _output.WriteLine("note text only: " + missing);
        }

        foreach (string extra in notesPdf.Except(notesText))
        {
            _output.WriteLine("note pdf only: " + extra);
        }

        Assert.Equal(notesText, notesPdf);
        Assert.Equal(fromText.Totals.Select(t => $"{t.Label} {t.Budget} {t.CountText}"), fromPdf.Totals.Select(t => $"{t.Label} {t.Budget} {t.CountText}"));

        // Each figure cites the page and printed line it stands on in the PDF, read back independently.
        byte[] pdf = Renderings.PdfFromText(text);
        var pages = new Dictionary<int, List<string>>();
        foreach ((KpiRecord kpi, KpiValue value) in SourceLocationTests.Values(fromPdf))
        {
            Citation c = value.Source;
            List<string> printed = pages.TryGetValue(c.Page!.Value, out List<string>? p) ? p : pages[c.Page.Value] = SourceLocationTests.PrintedLines(pdf, c.Page.Value);
            int last = c.PageEnd == c.Page ? c.PageLineEnd ?? c.PageLine!.Value : printed.Count;
            string cited = SourceLocationTests.NoSpace(Markup.Strip(string.Concat(printed.Skip(c.PageLine!.Value - 1).Take(last - c.PageLine.Value + 1))));
            Assert.True(cited.Contains(SourceLocationTests.NoSpace(value.ValueText), StringComparison.Ordinal), $"{kpi.Indicator} {value.Text}: {c.Location} reads 「{cited}」");
        }
    }

    private static string Digitless(string text) => System.Text.RegularExpressions.Regex.Replace(text, "[0-9]+(?=・|行)", "N");

    private static List<string> Values(IEnumerable<KpiRecord> kpis) =>
        [.. kpis.Select(k => $"{k.Indicator}|{k.Baseline?.Text}|{k.Target?.Text}|{k.Actual?.Text}|{k.Unit}")];
}
