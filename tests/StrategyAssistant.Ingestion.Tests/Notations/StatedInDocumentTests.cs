using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests.Notations;

/// <summary>What a notation interpreter reads from the document being read instead of assuming it: a cumulative target's
/// period, a budget list's unit, a wrapped evaluation word.</summary>
public class StatedInDocumentTests
{
    private static SourceDocument Doc(params string[] lines) =>
        new(new DocumentInfo("905_test.txt", "架空町", "架空町 総合戦略", "strategy", string.Empty, "架空町"), lines);

    private static string[] MeasureTable(string? planLine, string cumulative) =>
    [
        .. planLine is null ? Array.Empty<string>() : [planLine],
        "基本目標 1 しごとをつくる",
        "1. 企業支援事業",
        "具体的な施策\t基準値(R1)\tKPI(R7)",
        $"①創業の支援 創業を支援します。\t創業件数 2件\t{cumulative}",
    ];

    [Theory]
    [InlineData("3年間で9件", 2023, 2025)]
    [InlineData("5年間で15件", 2021, 2025)]
    [InlineData("4年間で12件", 2022, 2025)]
    public void A_cumulative_target_covers_the_years_its_cell_states_up_to_the_target_year(string cell, int start, int end)
    {
        RecordSet set = new MeasureKpiTableInterpreter().Extract(Doc(MeasureTable(null, cell)));
        KpiRecord k = Assert.Single(set.Kpis);
        Assert.True(k.Target!.Period!.Cumulative);
        Assert.Equal((start, end), (k.Target.Period.Start.Year, k.Target.Period.End.Year));
    }

    [Fact]
    public void A_cumulative_target_covers_the_plan_period_the_document_states()
    {
        RecordSet set = new MeasureKpiTableInterpreter().Extract(Doc(MeasureTable("第2期総合戦略（令和4年度～令和8年度）", "5年間で15件")));
        KpiValue target = Assert.Single(set.Kpis).Target!;
        Assert.Equal((2022, 2026), (target.Period!.Start.Year, target.Period.End.Year));
    }

    private static string[] BudgetList(string? unitLine, string budgetHeader) =>
    [
        "基本目標1 しごとをつくる",
        .. unitLine is null ? Array.Empty<string>() : [unitLine],
        $"施策体系\t番号\t再掲\t事業名\t部局名\t{budgetHeader}\t事業内容",
        "\t1\t\t創業支援事業\t経済部\t1,200\t創業を支援する。",
        "\t2\t\t販路拡大事業\t経済部\t800\t販路を広げる。",
        "小計1\t2\t0\t\t\t2,000",
    ];

    [Theory]
    [InlineData("(単位:万円)", "予算事業費", "万円")]
    [InlineData(null, "予算事業費（千円）", "千円")]
    [InlineData("(単位：円)", "事業費", "円")]
    public void A_budget_list_s_unit_is_the_one_it_states(string? unitLine, string header, string unit)
    {
        RecordSet set = new BudgetListInterpreter().Extract(Doc(BudgetList(unitLine, header)));
        Assert.Equal(2, set.Projects.Count);
        Assert.All(set.Projects, p => Assert.Equal(unit, p.Budget!.Unit));
        Assert.DoesNotContain(set.Notes, n => n.Kind == "unit-missing");
        Assert.Equal(unit, Assert.Single(set.Totals).Budget!.Unit);
    }

    [Fact]
    public void A_budget_list_that_states_no_unit_shows_the_figures_as_written_with_a_note()
    {
        RecordSet set = new BudgetListInterpreter().Extract(Doc(BudgetList(null, "予算事業費")));
        Assert.Equal(["1,200", "800"], set.Projects.Select(p => p.Budget!.Text));
        Assert.All(set.Projects, p => Assert.Equal(string.Empty, p.Budget!.Unit));
        Assert.All(set.Projects, p => Assert.Null(p.Budget!.InYen));
        Assert.Equal("1,200", set.Projects[0].Budget!.ToString());
        DataQualityNote note = Assert.Single(set.Notes, n => n.Kind == "unit-missing");
        Assert.Contains("1,200", note.Message, StringComparison.Ordinal);
        Assert.Equal(3, note.Sources[0].Line);
    }

    [Theory]
    [InlineData("継続発展", true)]
    [InlineData("継続", true)]
    [InlineData("発展", true)]
    [InlineData("見直し", true)]
    [InlineData("直し", true)]
    [InlineData("展", false)]
    [InlineData("発展途上", false)]
    [InlineData("目標", false)]
    public void A_wrapped_evaluation_word_is_a_head_or_tail_of_a_vocabulary_evaluation_word(string cell, bool piece) =>
        Assert.Equal(piece, CellText.IsEvaluationPiece(cell));
}
