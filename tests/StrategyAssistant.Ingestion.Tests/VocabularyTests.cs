using System.Text;
using System.Text.Json.Nodes;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Formats;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests;

/// <summary>The vocabulary is data: the shipped file loads, its roles read headers in their written forms, and a word added
/// to the file (not to code) makes a header readable.</summary>
public sealed class VocabularyTests
{
    private static readonly string s_file = Path.Combine(TempCorpus.RepositoryRoot, "index", "vocabulary", "strategy-ja.json");

    [Theory]
    [InlineData("基準値（令和元年度）", ColumnRole.Baseline)]
    [InlineData("令和2年度実績値", ColumnRole.Actual)]
    [InlineData("目標値(R6)", ColumnRole.Target)]
    [InlineData("現状値", ColumnRole.Current)]
    [InlineData("達成状況", ColumnRole.Status)]
    [InlineData("担当部", ColumnRole.Department)]
    [InlineData("部局名", ColumnRole.Department)]
    [InlineData("予算事業費（千円）", ColumnRole.Budget)]
    [InlineData("再掲", ColumnRole.Repeat)]
    [InlineData("交付金", ColumnRole.Grant)]
    [InlineData("評価の視点", ColumnRole.None)]
    [InlineData("数値目標", ColumnRole.Indicator)]
    [InlineData("基本目標", ColumnRole.Goal)]
    [InlineData("施策", ColumnRole.Measure)]
    [InlineData("うち交付金（円）", ColumnRole.Grant)]
    [InlineData("R5当初予算", ColumnRole.Budget)]
    [InlineData("R4決算額", ColumnRole.Budget)]
    [InlineData("判定", ColumnRole.Evaluation)]
    [InlineData("備考", ColumnRole.Remark)]
    [InlineData("達成率", ColumnRole.Achievement)]
    [InlineData("進捗率", ColumnRole.Achievement)]
    [InlineData("決算額", ColumnRole.Budget)]
    [InlineData("直近値（R5.3月末）", ColumnRole.Actual)]
    [InlineData("目標値(2024年度)", ColumnRole.Target)]
    [InlineData("転入者数", ColumnRole.None)]
    public void Header_cells_are_read_by_role(string header, ColumnRole role) =>
        Assert.Equal(role, StrategyVocabulary.Default.RoleOf(header));

    [Fact]
    public void The_shipped_file_is_the_embedded_one()
    {
        StrategyVocabulary fromFile = StrategyVocabulary.Load(s_file);
        Assert.Equal(fromFile.Version, StrategyVocabulary.Default.Version);
    }

    [Fact]
    public void Every_era_word_is_one_the_fiscal_year_parser_reads_with_the_same_offset()
    {
        foreach ((string era, int offset) in StrategyVocabulary.Default.EraWords)
        {
            Assert.Equal(offset + 6, FiscalYearParser.Parse($"{era}6年度")?.Start.Year);
        }
    }

    [Fact]
    public void Adding_a_role_word_to_the_file_makes_a_header_readable_without_code()
    {
        const string text = "甲乙市 KPI\n\n指標\t計画策定時値\t目標値\n転入者数\t210人\t260人\n";
        var info = new DocumentInfo("a.txt", "甲乙市", "甲乙市 KPI", "strategy", string.Empty, "甲乙市");
        Assert.DoesNotContain(Read(StrategyVocabulary.Default, text, info).Kpis, k => k.Baseline is not null);

        JsonNode json = JsonNode.Parse(File.ReadAllText(s_file))!;
        json["columnRoles"]!["baseline"]!.AsArray().Add("計画策定時値");
        StrategyVocabulary extended = StrategyVocabulary.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()), "extended");
        Assert.NotEqual(StrategyVocabulary.Default.Version, extended.Version);
        KpiRecord kpi = Assert.Single(Read(extended, text, info).Kpis);
        Assert.Equal(210, kpi.Baseline?.Number);
        Assert.Equal(260, kpi.Target?.Number);
    }

    [Fact]
    public void Which_money_column_is_the_budget_is_the_file_s_preference()
    {
        const string text = "甲乙市 事業\n\n（単位：千円）\n事業名\t担当課\t決算額\t予算額\n移住支援事業\t企画課\t900\t1,000\n";
        var info = new DocumentInfo("a.txt", "甲乙市", "甲乙市 事業", "strategy", string.Empty, "甲乙市");
        Assert.Equal("1,000", Assert.Single(Read(StrategyVocabulary.Default, text, info).Projects).Budget!.Text);

        JsonNode json = JsonNode.Parse(File.ReadAllText(s_file))!;
        json["columnPreference"]!["budget"] = new JsonArray("決算額", "予算額");
        StrategyVocabulary settled = StrategyVocabulary.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()), "settled");
        Assert.Equal("900", Assert.Single(Read(settled, text, info).Projects).Budget!.Text);
    }

    [Theory]
    [InlineData("evaluation-sheet", "assessment", "現状認識")]
    [InlineData("project-list", "department", "所管")]
    [InlineData("measure-table", "measure", "具体的な施策")]
    [InlineData("committee-slides", "status", "状況")]
    [InlineData("progress-table", "actualRow", "実績値")]
    [InlineData("strategy-kpi", "block", "重要業績評価指標")]
    public void The_notation_interpreters_header_words_are_in_the_file(string notation, string slot, string word)
    {
        Assert.Contains(word, StrategyVocabulary.Default.Notations.Words(notation, slot));
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => StrategyVocabulary.Default.Notations.Words(notation, "no-such-slot"));
        Assert.Contains(notation + ".no-such-slot", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_word_and_a_unit_word_come_from_the_file()
    {
        Assert.Equal("概ね順調", StrategyVocabulary.Default.StatusIn("概ね順調"));
        Assert.Equal("千円", StrategyVocabulary.Default.UnitIn("（単位：千円）"));
        Assert.True(StrategyVocabulary.Default.IsDepartment("経済部"));
    }

    private static RecordSet Read(StrategyVocabulary vocabulary, string text, DocumentInfo info) =>
        new CorpusIngestor(vocabulary, new IngestionOptions()).ReadRecords(TextDocumentReader.FromText(info, text)).Records;
}
