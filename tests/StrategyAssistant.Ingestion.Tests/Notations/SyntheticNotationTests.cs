using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests.Notations;

/// <summary>Small documents of the same kinds written differently (another city, other goals, full-width digits):
/// the readers go by content.</summary>
public class SyntheticLayoutTests
{
    [Fact]
    public void Strategy_of_another_city()
    {
        SourceDocument document = Make(
            "## 基本目標1 しごとをつくる",
            "### (1) 数値目標（令和7年度）",
            "指 標\t数値目標",
            "新規雇用者数（R2年度：120人）\t150人（R7年度）",
            "#### ア 企業誘致の推進",
            "【重要業績評価指標（KPI）】",
            "○誘致企業数：10社（R7年度）←4社（R2年度）",
            "○観光客数（各年度人数）",
            "",
            "：５０万人（Ｒ７年度）←４２万人（Ｒ元年度）",
            "**イ 移住の促進**",
            "【重要業績評価指標（KPI）】",
            "- 移住者数（累計数）：300人（R3年度～R7年度累計）");
        var extractor = new KpiArrowBlockInterpreter();
        Assert.True(extractor.CanRead(document));
        RecordSet records = extractor.Extract(document);
        Assert.Equal(4, records.Kpis.Count);

        KpiRecord goalTarget = records.Kpis[0];
        Assert.True(goalTarget.IsGoalTarget);
        Assert.Equal("新規雇用者数", goalTarget.Indicator);
        Assert.Equal(120m, goalTarget.Baseline!.Number);
        Assert.Equal(new FiscalYear(2020), goalTarget.Baseline.Period!.Start);
        Assert.Equal(new FiscalYear(2025), goalTarget.Target!.Period!.Start);

        KpiRecord firms = records.Kpis[1];
        Assert.Equal("誘致企業数", firms.Indicator);
        Assert.Equal("社", firms.Unit);
        Assert.Equal(new Measure("ア", "企業誘致の推進"), firms.Measure);

        KpiRecord visitors = records.Kpis[2];
        Assert.Equal(50m, visitors.Target!.Number);
        Assert.Equal("万人", visitors.Unit);
        Assert.Equal(new FiscalYear(2019), visitors.Baseline!.Period!.Start);
        Assert.Equal(10, visitors.Target.Source.Line);

        KpiRecord movers = records.Kpis[3];
        Assert.Equal("イ", movers.Measure!.Mark);
        Assert.True(movers.Target!.Period!.Cumulative);
        Assert.Equal(new FiscalYear(2021), movers.Target.Period.Start);
    }

    [Fact]
    public void Project_list_of_another_city()
    {
        SourceDocument document = Make(
            "令和5年度 関連事業一覧",
            "(単位:千円)",
            "施策体系\t番号\t再掲\t事業名\t部局名\t予算 事業費\t事業内容\t新規・継続\t交付金",
            "<b>基本目標1 しごとをつくる</b>\t\t\t",
            "<b>ア 企業誘致の推進</b>\t\t\t",
            "\t1\t\t(新)企業誘致事業\t経済部\t1,000\t企業を誘致する。\t新規\t",
            "\t2\t\t創業支援事業\t経済部\t2,500\t創業を支援する。\t継続\t○",
            "小計1\t2\t0\t\t\t3,600\t\t\t",
            "合計\t\t\t\t\t3,600\t\t\t");
        var extractor = new BudgetListInterpreter();
        Assert.True(extractor.CanRead(document));
        RecordSet records = extractor.Extract(document);
        Assert.Equal(2, records.Projects.Count);
        Assert.Equal("企業誘致事業", records.Projects[0].Name);
        Assert.Equal(new FiscalYear(2023), records.Projects[0].BudgetYear!.Start);
        Assert.Equal("○", records.Projects[1].Grant);

        // The stated 3,600 is 100 more than the rows: a note, but no row to blame.
        DataQualityNote subtotal = Assert.Single(records.Notes, n => n.Sources[0].Line == 8);
        Assert.Contains("3,600", subtotal.Message, StringComparison.Ordinal);
        Assert.Contains("3,500", subtotal.Message, StringComparison.Ordinal);
        Assert.Single(subtotal.Sources, s => s.Line != 9);
        Assert.Equal(2, records.Notes.Count);
    }

    [Fact]
    public void Evaluation_sheet_of_another_city()
    {
        SourceDocument document = Make(
            "基本目標1 しごとをつくる",
            "具体的な施策項目\t総合戦略における重要業績評価指標(KPI)\t\t\tKPIの現状認識\t今後の考え方\t施策評価(案)\t\t担当部",
            "ア 企業誘致の推進\t誘致企業数(累計数)(社)\t\t\t目標に向けて順調に推移している。\t引き続き誘致に取り組む。\t見直し\t重点を絞って進めるべき。\t経済部",
            "\t基準値\t令和4年度実績値\t令和7年度目標値",
            "\t4 (令和2年度)\t７\t10",
            "\t観光客数(各年度人数)(万人)",
            "基準値\t令和4年度実績値\t令和7年度目標値",
            "42\t\t50");
        var extractor = new AssessmentSheetInterpreter();
        Assert.True(extractor.CanRead(document));
        RecordSet records = extractor.Extract(document);
        Assert.Equal(2, records.Kpis.Count);
        KpiRecord firms = records.Kpis[0];
        Assert.Equal("見直し", firms.Evaluation);
        Assert.Equal("経済部", firms.Department);
        Assert.Equal("社", firms.Unit);
        Assert.Equal(7m, firms.Actual!.Number);
        Assert.Equal(new FiscalYear(2022), firms.Actual.Period!.Start);
        Assert.Equal(new FiscalYear(2020), firms.Baseline!.Period!.Start);

        // A blank actual cell: the values stay in their columns.
        KpiRecord visitors = records.Kpis[1];
        Assert.Equal(42m, visitors.Baseline!.Number);
        Assert.Null(visitors.Actual);
        Assert.Equal(50m, visitors.Target!.Number);
        Assert.Equal("見直し", visitors.Evaluation);
    }

    private static SourceDocument Make(params string[] lines) =>
        new(new DocumentInfo("900_synthetic.txt", "どこか市", "synthetic", "strategy", string.Empty, "どこか市"), lines);
}
