using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Logging.Abstractions;
using StrategyAssistant.Documents;
using StrategyAssistant.Hosting;
using StrategyAssistant.Ingestion.Formats;
using StrategyAssistant.Ingestion.Tests.Synthetic;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests;

/// <summary>Provenance by page and cell (issue 9): every value read from a PDF cites the page and the printed line it stands
/// on, every value read from a sheet its own cell — each checked against the generated file read independently (PdfPig's
/// letters, the Open XML cells) — and the places survive the snapshot, reuse by incremental ingestion and serving.</summary>
public sealed class SourceLocationTests
{
    /// <summary>Short pages, so that a city's records stand on several pages.</summary>
    private const int LinesPerPage = 5;

    public static TheoryData<string> Cities => SyntheticDocumentTests.Cities;

    public static TheoryData<string> SheetCities => SyntheticDocumentTests.SheetCities;

    [Theory]
    [MemberData(nameof(Cities))]
    public void Each_PDF_value_cites_the_page_and_printed_line_it_stands_on(string name)
    {
        SyntheticCity city = SyntheticDocumentTests.City(name);
        byte[] pdf = Renderings.Pdf(city, LinesPerPage);
        RecordSet fromText = SyntheticDocumentTests.Read(city, new TextDocumentReader(), System.Text.Encoding.UTF8.GetBytes(Renderings.Text(city)), ".txt");
        RecordSet fromPdf = SyntheticDocumentTests.Read(city, new PdfDocumentReader(), pdf, ".pdf");
        Assert.Equal(SyntheticDocumentTests.Shape(fromText), SyntheticDocumentTests.Shape(fromPdf));

        var printed = new Dictionary<int, List<string>>();
        List<string> Page(int page) => printed.TryGetValue(page, out List<string>? lines) ? lines : printed[page] = PrintedLines(pdf, page);
        int checkedValues = 0;
        foreach ((KpiRecord kpi, KpiValue value) in Values(fromPdf))
        {
            Citation c = value.Source;
            Assert.True(c.Page is not null && c.PageLine is not null, $"{kpi.Indicator} {value.Text}: no page ({c})");
            List<string> lines = Page(c.Page.Value);
            int last = c.PageEnd == c.Page ? c.PageLineEnd ?? c.PageLine.Value : c.PageLine.Value;
            List<string> citedLines = [.. lines.Skip(c.PageLine.Value - 1).Take(last - c.PageLine.Value + 1)];
            string cited = string.Concat(citedLines);
            Assert.True(InPieces(NoSpace(value.ValueText), citedLines),
                $"{kpi.Indicator} {value.Text}: p.{c.Page}, {c.PageLine}行目 reads 「{cited}」");
            Assert.StartsWith($"p.{c.Page}, {c.PageLine}", c.Location, StringComparison.Ordinal);
            checkedValues++;
        }

        Assert.True(checkedValues > 0);
        Assert.All(AllCitations(fromPdf), c => Assert.NotNull(c.Page));
        if (city.Lines.Count > LinesPerPage + 1)
        {
            Assert.Contains(Values(fromPdf), v => v.Value.Source.Page > 1);
        }
    }

    [Theory]
    [MemberData(nameof(SheetCities))]
    public void Each_xlsx_value_cites_its_own_cell(string name)
    {
        SyntheticCity city = SyntheticDocumentTests.City(name);
        byte[] xlsx = Renderings.Xlsx(city, "進捗");
        RecordSet fromSheet = SyntheticDocumentTests.Read(city, new XlsxDocumentReader(), xlsx, ".xlsx");
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        int checkedValues = 0;
        foreach ((KpiRecord kpi, KpiValue value) in Values(fromSheet))
        {
            string? address = value.Source.Cell;
            Assert.True(address is not null && System.Text.RegularExpressions.Regex.IsMatch(address, "^進捗![A-Z]+[0-9]+$"), $"{kpi.Indicator} {value.Text}: cell {address}");
            Cell cell = Assert.IsType<Cell>(CellAt(workbook, address));
            if (cell.DataType?.Value == CellValues.InlineString)
            {
                if (value.Source.LineEnd > value.Source.Line)
                {
                    // A value cut onto the row below (5年間で / 60世帯) cites its first cell and both rows.
                    Assert.StartsWith(NoSpace(cell.InlineString!.InnerText), NoSpace(value.Text), StringComparison.Ordinal);
                }
                else
                {
                    Assert.Contains(value.Text.Trim(), cell.InlineString!.InnerText, StringComparison.Ordinal);
                }
            }
            else
            {
                decimal stored = decimal.Parse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.True(stored == value.Number || stored * 100 == value.Number, $"{kpi.Indicator}: {address} holds {stored}, the record {value.Text}");
            }

            Assert.Equal(address, value.Source.Location);
            checkedValues++;
        }

        Assert.True(checkedValues > 0);
        Assert.All(AllCitations(fromSheet), c => Assert.StartsWith("進捗", c.Cell, StringComparison.Ordinal));
        Assert.All(fromSheet.Kpis, k => Assert.Matches("^進捗![A-Z]+[0-9]+(:[A-Z]+[0-9]+)?$", k.Source.Cell!));
    }

    [Fact]
    public void Locations_survive_the_snapshot_reuse_by_incremental_ingestion_and_serving()
    {
        using var temp = new TempCorpus();
        SyntheticCity paged = SyntheticCities.All[2];
        SyntheticCity sheet = SyntheticCities.All[5];
        temp.Add("paged.pdf", Renderings.Pdf(paged, LinesPerPage), paged.City);
        temp.Add("sheet.xlsx", Renderings.Xlsx(sheet), sheet.City);
        var source = new SnapshotKnowledgeSource(new CorpusIngestor(StrategyVocabulary.Default, new IngestionOptions()), NullLogger<SnapshotKnowledgeSource>.Instance);
        KnowledgeBase ingested = source.Load(temp.Documents, temp.IndexPath);
        KnowledgeBase loaded = source.Load(temp.Documents, temp.IndexPath);
        Assert.Equal("snapshot", source.LastLoad);
        temp.Add(SyntheticCities.All[3]);
        KnowledgeBase reused = source.Load(temp.Documents, temp.IndexPath);
        Assert.Equal(1, source.LastIngested);

        foreach (KnowledgeBase knowledge in new[] { ingested, loaded, reused })
        {
            List<Citation> citations = AllCitations(knowledge.Records).ToList();
            Assert.All(citations.Where(c => c.File == "paged.pdf"), c => Assert.NotNull(c.Page));
            Assert.All(citations.Where(c => c.File == "sheet.xlsx"), c => Assert.NotNull(c.Cell));
            Assert.Contains(citations, c => c.File == "paged.pdf" && c.Page > 1);

            // Serving cites passages and lines from the passages alone: the places come with them.
            Assert.All(knowledge.Passages.Where(p => p.File == "paged.pdf" && p.Text.Length > 0), p => Assert.NotNull(knowledge.Cite(p).Page));
            Assert.All(knowledge.Passages.Where(p => p.File == "sheet.xlsx" && p.Text.Length > 0), p => Assert.NotNull(knowledge.Cite(p).Cell));
            Assert.All(knowledge.Passages.Where(p => p.File == paged.File), p => Assert.Null(p.Locations));

            KpiRecord kpi = knowledge.Records.Kpis.Single(k => k.File() == "paged.pdf" && k.Indicator == "転入者数");
            Citation line = knowledge.PassageLines("paged.pdf").Cite(kpi.Source.Line);
            Assert.Equal((kpi.Source.Page, kpi.Source.PageLine), (line.Page, line.PageLine));
            Assert.Equal($"p.{kpi.Source.Page}, {kpi.Source.PageLine}行目", SourceLabel.LinesOf(line));
        }
    }

    [Fact]
    public void A_citation_names_its_place_as_a_reader_looks_for_it()
    {
        var text = new Citation("a.txt", "計画", "某市", 118, 120, "q");
        Assert.Equal("118–120行", text.Location);
        Assert.Equal("118行", (text with { LineEnd = 118 }).Location);
        Assert.Equal("a.txt:118-120", text.ToString());
        Citation page = text with { Page = 12, PageLine = 5 };
        Assert.Equal("p.12, 5行目", page.Location);
        Assert.Equal("p.12, 5–7行目", (page with { PageEnd = 12, PageLineEnd = 7 }).Location);
        Assert.Equal("p.12, 40行目–p.13, 2行目", (page with { PageLine = 40, PageEnd = 13, PageLineEnd = 2 }).Location);
        Assert.Equal("KPI!C12", (text with { Cell = "KPI!C12" }).Location);
        Assert.Equal("a.txt:118-120 (KPI!C12)", (text with { Cell = "KPI!C12" }).ToString());
        Assert.Equal("某市 計画 p.12, 5行目", SourceLabel.Of(page));
    }

    [Fact]
    public void Lines_of_a_sheet_cite_the_cells_they_span_and_its_name_line_the_sheet()
    {
        SourceLocation?[] lines =
        [
            SourceLocation.InSheet("KPI"),
            SourceLocation.InSheet("KPI", 1, 0, 0),
            null,
            SourceLocation.InSheet("KPI", 3, 0, 3),
            SourceLocation.InSheet("KPI", 4, 1, 5),
        ];
        SourceLocation? At(int n) => lines[n - 1];
        var c = new Citation("k.xlsx", "t", "某町", 4, 5, "q");
        Assert.Equal("KPI!A3:F4", SourceLocation.Place(c, At).Cell);
        Assert.Equal("KPI!A1", SourceLocation.Place(c with { Line = 2, LineEnd = 2 }, At).Cell);
        Assert.Equal("KPI", SourceLocation.Place(c with { Line = 1, LineEnd = 1 }, At).Cell);
        Assert.Equal("KPI!C4", SourceLocation.Place(c with { Cell = "KPI!C4" }, At).Cell);
        Assert.Null(SourceLocation.Place(c with { Line = 3, LineEnd = 3 }, At).Cell);
        Assert.Equal("AA", SourceLocation.ColumnName(26));
    }

    [Fact]
    public void Two_values_written_alike_on_one_row_each_cite_their_own_cell()
    {
        var document = new SourceDocument(new DocumentInfo("k.xlsx", "某町", "KPI", "strategy", string.Empty, "某町"), ["KPI", "指標\t基準値\t目標値\t実績値", "移住者数\t70団体\t85団体\t70団体"])
        {
            Locations = [SourceLocation.InSheet("KPI"), SourceLocation.InSheet("KPI", 1, 0, 3), SourceLocation.InSheet("KPI", 2, 0, 3)],
        };
        Citation row = document.Cite(3);
        Assert.Equal("KPI!A2:D2", row.Cell);
        var kpi = new KpiRecord
        {
            Id = "k.xlsx:3", City = "某町", Source = row, Indicator = "移住者数",
            Baseline = KpiValue.Parse("70団体", row with { Cell = null }), Target = KpiValue.Parse("85団体", row with { Cell = null }), Actual = KpiValue.Parse("70団体", row with { Cell = null }),
        };
        KpiRecord placed = CitationPlaces.Apply(document, new RecordSet([kpi], [], [])).Kpis.Single();
        Assert.Equal(("KPI!B2", "KPI!C2", "KPI!D2"), (placed.Baseline!.Source.Cell, placed.Target!.Source.Cell, placed.Actual!.Source.Cell));
        Assert.Equal("KPI!A2:D2", placed.Source.Cell);
    }

    /// <summary>A page's printed lines, top to bottom: its letters grouped by baseline, read without the ingestion reader.</summary>
    internal static List<string> PrintedLines(byte[] pdf, int page)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return [.. document.GetPage(page).Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)))];
    }

    internal static string NoSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Every figure of the records: baselines, targets, actuals and yearly values with text.</summary>
    internal static IEnumerable<(KpiRecord Kpi, KpiValue Value)> Values(RecordSet records) =>
        records.Kpis.SelectMany(k => new[] { k.Baseline, k.Target, k.Actual }
            .Concat(k.Series.SelectMany(s => new[] { s.Target, s.Actual }))
            .OfType<KpiValue>()
            .Where(v => v.ValueText.Length > 0)
            .Select(v => (k, v)));

    /// <summary>Every citation the records carry.</summary>
    internal static IEnumerable<Citation> AllCitations(RecordSet records)
    {
        var all = new List<Citation>();
        CitationPlaces.Map(records, (c, _) =>
        {
            all.Add(c);
            return c;
        });
        return all;
    }

    /// <summary>True when <paramref name="value"/> is the concatenation of one piece of each of <paramref name="lines"/>
    /// in order (a value on one line, or cut over several).</summary>
    private static bool InPieces(string value, IReadOnlyList<string> lines)
    {
        if (lines.Count == 1)
        {
            return NoSpace(lines[0]).Contains(value, StringComparison.Ordinal);
        }

        string first = NoSpace(lines[0]);
        return lines.Any(l => NoSpace(l).Contains(value, StringComparison.Ordinal))
            || Enumerable.Range(1, value.Length - 1).Any(cut => first.Contains(value[..cut], StringComparison.Ordinal) && InPieces(value[cut..], lines.Skip(1).ToList()));
    }

    private static Cell? CellAt(SpreadsheetDocument workbook, string address)
    {
        int bang = address.LastIndexOf('!');
        WorkbookPart part = workbook.WorkbookPart!;
        Sheet sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == address[..bang]);
        var worksheet = (WorksheetPart)part.GetPartById(sheet.Id!);
        return worksheet.Worksheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == address[(bang + 1)..]);
    }
}

internal static class KpiRecordFile
{
    public static string File(this KpiRecord record) => record.Source.File;
}
