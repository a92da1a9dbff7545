using System.Text;
using System.Text.Json;
using StrategyAssistant.Ingestion.Tests.Synthetic;

namespace StrategyAssistant.Cli.Tests;

/// <summary>The console names a PDF source by page and printed line and a workbook source by cell, in <c>ask</c>,
/// <c>ask --explain</c> and <c>records export</c>: a corpus of one synthetic city as a generated PDF and .xlsx.</summary>
public sealed class SourcePlaceTests : IDisposable
{
    private const string Question = "青葉原市の市民活動団体数の目標値は？";
    private readonly CliProcess _cli = new();
    private readonly string _documents = Directory.CreateTempSubdirectory("sa-cli-places-").FullName;

    public SourcePlaceTests()
    {
        SyntheticCity city = SyntheticCities.All[5];
        File.WriteAllBytes(Path.Combine(_documents, "kpi.pdf"), Renderings.Pdf(city));
        File.WriteAllBytes(Path.Combine(_documents, "kpi.xlsx"), Renderings.Xlsx(city));
        var entries = new[] { ("kpi.pdf", "KPI一覧（PDF）"), ("kpi.xlsx", "KPI一覧（Excel）") }
            .Select(e => new Dictionary<string, string> { ["file"] = e.Item1, ["city"] = city.City, ["title"] = e.Item2, ["kind"] = "progress-report" });
        File.WriteAllText(Path.Combine(_documents, "manifest.json"), JsonSerializer.Serialize(new { documents = entries }), Encoding.UTF8);
    }

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_documents, recursive: true);
    }

    [Fact]
    public async Task Ask_explain_and_records_export_name_the_page_line_and_the_cell()
    {
        (string, string) documents = ("StrategyAssistant__DocumentsPath", _documents);
        (int code, string output, string error) = await _cli.RunAsync(["ask", "--explain", Question], environment: documents);
        Assert.Equal(0, code);
        Assert.Contains("85団体", output, StringComparison.Ordinal);

        // 85団体 stands on page 1, printed line 5 (title, header and two rows above it), and in row 6 of the sheet (the
        // workbook's record is the same indicator stated again: its row is cited).
        Assert.Contains("青葉原市 KPI一覧（PDF） p.1, 5行目", output, StringComparison.Ordinal);
        Assert.Matches(@"青葉原市 KPI一覧（Excel） KPI!A6(:G6)?\n", output);
        Assert.Matches(@"kpi\.pdf:[0-9]+ \(p\.1, 5行目\)", error);

        string folder = Path.Combine(_documents, "..", Path.GetFileName(_documents) + "-out");
        (code, _, _) = await _cli.RunAsync(["records", "export", "--format", "csv", "--out", folder], environment: documents);
        Assert.Equal(0, code);
        string kpis = File.ReadAllText(Path.Combine(folder, "kpis.csv"));
        Assert.Contains("目標値の位置", kpis, StringComparison.Ordinal);
        string row = kpis.Split("\r\n").Single(l => l.Contains("市民活動団体数", StringComparison.Ordinal) && l.Contains("kpi.xlsx", StringComparison.Ordinal));
        Assert.EndsWith("KPI!A6:G6,KPI!D6,KPI!C6,KPI!E6", row, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);

        (code, string json, _) = await _cli.RunAsync(["records", "export", "--format", "json"], environment: documents);
        Assert.Equal(0, code);
        Assert.Contains("\"location\": \"p.1, 5行目\"", json, StringComparison.Ordinal);
    }
}
