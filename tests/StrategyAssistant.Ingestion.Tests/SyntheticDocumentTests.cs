using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Formats;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Tests.Synthetic;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests;

/// <summary>Every synthetic city's document, as text, as a generated PDF and (for tables) as a generated .xlsx, yields every
/// KPI row with its baseline, target, actual, years and unit, goal-level apart from measure-level.</summary>
public sealed class SyntheticDocumentTests
{
    private static readonly CorpusIngestor s_ingestor = new(StrategyVocabulary.Default, new IngestionOptions());

    public static TheoryData<string> Cities => [.. AllCities.Select(c => c.City)];

    public static TheoryData<string> SheetCities => [.. AllCities.Where(c => c.HasSheetForm).Select(c => c.City)];

    private static IEnumerable<SyntheticCity> AllCities => SyntheticCities.All.Concat(OtherNotationCities.All).Concat(TableNotationCities.All).Concat(GeneralityCities.All);

    [Theory]
    [MemberData(nameof(Cities))]
    public void Text_form_yields_every_row(string name)
    {
        SyntheticCity city = City(name);
        RecordSet records = Read(city, new TextDocumentReader(), System.Text.Encoding.UTF8.GetBytes(Renderings.Text(city)), ".txt");
        AssertRecords(city, records);
    }

    [Theory]
    [MemberData(nameof(Cities))]
    public void Text_form_with_CR_only_line_ends_and_format_characters_yields_the_same(string name)
    {
        SyntheticCity city = City(name);
        string text = Renderings.Text(city).Replace("\n", "\r", StringComparison.Ordinal).Replace("数", "\u200B数", StringComparison.Ordinal);
        RecordSet records = Read(city, new TextDocumentReader(), System.Text.Encoding.UTF8.GetBytes(text), ".txt");
        AssertRecords(city, records);
    }

    [Theory]
    [MemberData(nameof(Cities))]
    public void Pdf_form_yields_the_same_records_with_page_citations(string name)
    {
        SyntheticCity city = City(name);
        RecordSet fromText = Read(city, new TextDocumentReader(), System.Text.Encoding.UTF8.GetBytes(Renderings.Text(city)), ".txt");
        RecordSet fromPdf = Read(city, new PdfDocumentReader(), Renderings.Pdf(city), ".pdf");
        AssertRecords(city, fromPdf);
        Assert.Equal(Shape(fromText), Shape(fromPdf));
        Assert.All(fromPdf.Kpis, k => Assert.Equal(1, k.Source.Page));
        Assert.All(fromPdf.Kpis, k => Assert.StartsWith("p.1, ", k.Source.Location, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SheetCities))]
    public void Xlsx_form_yields_the_same_records_with_cell_citations(string name)
    {
        SyntheticCity city = City(name);
        RecordSet fromText = Read(city, new TextDocumentReader(), System.Text.Encoding.UTF8.GetBytes(Renderings.Text(city)), ".txt");
        RecordSet fromSheet = Read(city, new XlsxDocumentReader(), Renderings.Xlsx(city), ".xlsx");
        AssertRecords(city, fromSheet);
        Assert.Equal(Shape(fromText), Shape(fromSheet));
        Assert.All(fromSheet.Kpis, k => Assert.Matches("^KPI![A-Z]+[0-9]+$", k.Target!.Source.Cell!));
    }

    [Fact]
    public void A_spaces_table_read_by_the_interpreters_cites_each_value_and_the_header_that_gives_its_year()
    {
        SyntheticCity city = City("星見台町");
        RecordSet records = Read(city, new TextDocumentReader(), System.Text.Encoding.UTF8.GetBytes(Renderings.Text(city)), ".txt");
        KpiRecord kpi = records.Kpis.Single(k => k.Indicator == "転入者数");
        Assert.Equal(4, kpi.Source.Line);
        Assert.Equal("260人", kpi.Target!.Source.Quote);
        Assert.Equal(3, kpi.Target.PeriodSource!.Line);
        Assert.Equal("目標値（令和6年度）", kpi.Target.PeriodSource.Quote);
    }

    [Fact]
    public void A_card_keeps_full_width_figures_verbatim_with_its_evaluation_and_each_value_line()
    {
        SyntheticCity city = City("鷺ノ森町");
        RecordSet records = Read(city, new TextDocumentReader(), System.Text.Encoding.UTF8.GetBytes(Renderings.Text(city)), ".txt");
        KpiRecord kpi = records.Kpis.Single(k => k.Indicator == "観光入込客数");
        Assert.Equal("３５．０万人（令和６年度）", kpi.Target!.Text);
        Assert.Equal(5, kpi.Target.Source.Line);
        Assert.Equal(6, kpi.Actual!.Source.Line);
        Assert.Equal("Ｂ（概ね順調）", kpi.Evaluation);
    }

    [Fact]
    public void A_footnote_gives_its_year_to_the_header_that_points_to_it_and_a_cell_year_wins()
    {
        SyntheticCity city = City("霞ヶ浜町");
        RecordSet records = Read(city, new TextDocumentReader(), System.Text.Encoding.UTF8.GetBytes(Renderings.Text(city)), ".txt");
        Assert.Equal(2018, records.Kpis.Single(k => k.Indicator == "移住者数").Baseline!.Period!.Start.Year);
        Assert.Equal(2019, records.Kpis.Single(k => k.Indicator == "創業件数").Baseline!.Period!.Start.Year);
        Assert.Equal("企画課", records.Kpis.Single(k => k.Indicator == "移住者数").Department);
    }

    [Fact]
    public void Goal_level_and_measure_level_figures_for_one_indicator_are_two_records_and_a_note()
    {
        SyntheticCity city = City("花咲野市");
        RecordSet records = Read(city, new TextDocumentReader(), System.Text.Encoding.UTF8.GetBytes(Renderings.Text(city)), ".txt");
        DataQualityNote note = Assert.Single(records.Notes, n => n.Kind == "goal-measure-differ");
        Assert.Contains("330人（R6）", note.Message, StringComparison.Ordinal);
        Assert.Contains("320人（R6）", note.Message, StringComparison.Ordinal);
        Assert.Equal(2, note.Sources.Count);
        Assert.Equal("子育て環境の充実", records.Kpis.Single(k => k.Indicator == "保育所待機児童数").Measure?.Title);
    }

    [Fact]
    public void A_spaces_table_whose_rows_are_not_aligned_with_the_header_is_read_in_column_order()
    {
        const string text = "星見台町総合戦略 KPI一覧\n\n指標名    基準値（令和元年度）    目標値（令和6年度）    実績値（令和3年度）\n転入者数    210人    260人    232人\n";
        var info = new DocumentInfo("a.txt", "星見台町", "KPI一覧", "strategy", string.Empty, "星見台町");
        KpiRecord kpi = Assert.Single(s_ingestor.ReadRecords(TextDocumentReader.FromText(info, text)).Records.Kpis);
        Assert.Equal((210m, 260m, 232m), (kpi.Baseline?.Number, kpi.Target?.Number, kpi.Actual?.Number));
        Assert.Equal((2019, 2024, 2021), (kpi.Baseline!.Period!.Start.Year, kpi.Target!.Period!.Start.Year, kpi.Actual!.Period!.Start.Year));
    }

    internal static SyntheticCity City(string name) => AllCities.Single(c => c.City == name);

    internal static RecordSet Read(SyntheticCity city, IDocumentReader reader, byte[] bytes, string extension)
    {
        var info = new DocumentInfo(Path.ChangeExtension(city.File, extension), city.City, city.Title, "strategy", string.Empty, city.City);
        LayoutDocument layout = reader.Read(info, bytes);
        return s_ingestor.ReadRecords(layout).Records;
    }

    private static void AssertRecords(SyntheticCity city, RecordSet records)
    {
        Assert.True(city.Expected.Count == records.Kpis.Count, $"{city.City}: {records.Kpis.Count} records ({string.Join(", ", records.Kpis.Select(k => $"{k.Indicator} {k.Baseline?.Text}/{k.Target?.Text}/{k.Actual?.Text} @{k.Source}"))})");
        foreach (ExpectedKpi e in city.Expected)
        {
            KpiRecord? k = records.Kpis.SingleOrDefault(r => r.Indicator == e.Indicator && r.IsGoalTarget == e.Goal);
            Assert.True(k is not null, $"{city.City}: no record for {e.Indicator} (goal: {e.Goal}); read: {string.Join(", ", records.Kpis.Select(r => r.Indicator))}");
            Assert.Equal(e.Baseline, k.Baseline?.Number);
            Assert.Equal(e.BaselineYear, k.Baseline?.Period?.Start.Year);
            Assert.Equal(e.Target, k.Target?.Number);
            Assert.Equal(e.TargetYear, k.Target?.Period?.End.Year);
            Assert.Equal(e.Actual, k.Actual?.Number);
            Assert.Equal(e.ActualYear, k.Actual?.Period?.Start.Year);
            Assert.Equal(e.Unit, k.Unit);
            Assert.Equal(city.City, k.City);
        }

        foreach (string kind in city.ExpectedNotes)
        {
            Assert.Contains(records.Notes, n => n.Kind == kind);
        }
    }

    /// <summary>What must be equal across forms: the figures as read, not where they stand.</summary>
    internal static List<string> Shape(RecordSet records) =>
        [.. records.Kpis.Select(k => string.Join('|', k.Indicator, k.IsGoalTarget, k.Unit, k.Baseline?.Number, k.Baseline?.Period?.Text, k.Target?.Number, k.Target?.Period?.Text, k.Actual?.Number, k.Actual?.Period?.Text))];
}
