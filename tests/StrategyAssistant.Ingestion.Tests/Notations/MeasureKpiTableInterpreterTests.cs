using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests.Notations;

/// <summary>芦別市 strategy (004): ★ 数値目標, 事業 with 基本的方向, and the 具体的な施策 / 基準値 / KPI tables.</summary>
public class MeasureKpiTableInterpreterTests
{
    private const string File = "004_62fb755ce21c91b3.txt";
    private static readonly MeasureKpiTableInterpreter s_extractor = new();

    private static RecordSet Records => RecordTestSupport.Extract(s_extractor, "004");

    [Fact]
    public void Counts_goal_targets_KPI_rows_and_projects()
    {
        Assert.Equal(65, Records.Kpis.Count);
        Assert.Equal(4, Records.Kpis.Count(k => k.IsGoalTarget));
        Assert.Equal(16, Records.Projects.Count);
        Assert.Equal([5, 4, 2, 5], Records.Projects.GroupBy(p => p.Goal!.Number).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.All(Records.Kpis.Where(k => !k.IsGoalTarget), k => Assert.NotNull(k.Project));

        // The document names no 担当部: no record invents one.
        Assert.All(Records.Kpis, k => Assert.Null(k.Department));
        Assert.All(Records.Projects, p => Assert.Null(p.Department));
    }

    [Fact]
    public void Goal_target_keeps_its_text_and_reads_the_five_year_total()
    {
        KpiRecord k = Records.KpiAt(5);
        Assert.True(k.IsGoalTarget);
        Assert.Equal("市内企業等における新規雇用者数", k.Indicator);
        Assert.Equal(1, k.Goal!.Number);
        RecordTestSupport.AssertValue(k.Target, "5年間で200人", 200m, "人", 2020, 2024, File, 5);
        Assert.True(k.Target!.Period!.Cumulative);

        KpiRecord migration = Records.KpiAt(93);
        RecordTestSupport.AssertValue(migration.Target, "5年後に△100人", -100m, "人", 2024, 2024, File, 93);

        KpiRecord stay = Records.KpiAt(217);
        RecordTestSupport.AssertValue(stay.Target, "5年後に50%以上", 50m, "%", 2024, 2024, File, 217);
        Assert.Contains("以上", stay.Target!.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_links_project_measure_and_reads_the_header_years()
    {
        KpiRecord k = Records.KpiAt(118);
        Assert.Equal("移住者数", k.Indicator);
        Assert.Equal("U・Iターン促進事業", k.Project);
        Assert.Equal(new Measure("①", "自然環境や地域特性を活かした移住・定住策の推進"), k.Measure);
        Assert.Equal(2, k.Goal!.Number);
        RecordTestSupport.AssertValue(k.Baseline, "16人", 16m, "人", 2018, 2018, File, 118);
        RecordTestSupport.AssertValue(k.Target, "40人", 40m, "人", 2024, 2024, File, 118);
    }

    [Fact]
    public void Baseline_year_follows_each_table_header()
    {
        // 基準値 (R4) for 星の降る里あしべつ応援団, 基準値 (R2) for ふるさと納税.
        KpiRecord supporters = Records.KpiAt(125);
        Assert.Equal("登録者数", supporters.Indicator);
        Assert.Equal("「星の降る里あしべつ応援団」事業の推進", supporters.Measure!.Title);
        RecordTestSupport.AssertValue(supporters.Baseline, "24名", 24m, "名", 2022, 2022, File, 125);
        RecordTestSupport.AssertValue(supporters.Target, "50名", 50m, "名", 2024, 2024, File, 125);

        KpiRecord donations = Records.KpiAt(122);
        RecordTestSupport.AssertValue(donations.Baseline, "3,366件", 3366m, "件", 2020, 2020, File, 122);
        RecordTestSupport.AssertValue(donations.Target, "35,000件", 35000m, "件", 2024, 2024, File, 122);
    }

    [Fact]
    public void Text_targets_are_kept_without_a_number()
    {
        KpiRecord sales = Records.KpiAt(18);
        Assert.Equal("施設園芸作物の販売額", sales.Indicator);
        RecordTestSupport.AssertValue(sales.Baseline, "106,043千円", 106043m, "千円", 2018, 2018, File, 18);
        Assert.Equal("5年間で10%程度の増加", sales.Target!.Text);
        Assert.Null(sales.Target.Number);

        KpiRecord keep = Records.KpiAt(20);
        Assert.Equal("基準値を維持", keep.Target!.Text);
        Assert.Null(keep.Target.Number);
        RecordTestSupport.AssertValue(keep.Baseline, "3人／年", 3m, "人/年", 2018, 2018, File, 20);
    }

    [Fact]
    public void Continuation_rows_keep_the_measure_and_indicators_shared_by_both_cells_split_off()
    {
        KpiRecord k = Records.KpiAt(184);
        Assert.Equal("つばさ保育園利用数", k.Indicator);
        Assert.Equal("⑥", k.Measure!.Mark);
        Assert.Equal("地域ぐるみの子育て環境整備", k.Measure.Title);

        KpiRecord same = Records.KpiAt(180);
        Assert.Equal("受給率【重度心身障がい者】", same.Indicator);
        RecordTestSupport.AssertValue(same.Baseline, "100%", 100m, "%", 2018, 2018, File, 180);
        RecordTestSupport.AssertValue(same.Target, "100%", 100m, "%", 2024, 2024, File, 180);

        KpiRecord snow = Records.KpiAt(229);
        Assert.Equal("利用世帯数", snow.Indicator);
        RecordTestSupport.AssertValue(snow.Baseline, "253世帯", 253m, "世帯", 2018, 2018, File, 229);
        RecordTestSupport.AssertValue(snow.Target, "250世帯", 250m, "世帯", 2024, 2024, File, 229);
    }

    [Fact]
    public void Awkward_cells_parse_as_written()
    {
        KpiRecord co2 = Records.KpiAt(88);
        Assert.Equal("公共施設における二酸化炭素排出量", co2.Indicator);
        Assert.Equal("8,386.607 kg-CO ₂", co2.Baseline!.Text);
        Assert.Equal(8386.607m, co2.Baseline.Number);

        KpiRecord schools = Records.KpiAt(195);
        RecordTestSupport.AssertValue(schools.Target, "全3校", 3m, "校", 2024, 2024, File, 195);
        RecordTestSupport.AssertValue(schools.Baseline, "0校", 0m, "校", 2022, 2022, File, 195);

        KpiRecord forestry = Records.KpiAt(35);
        Assert.Equal("新規林業従事者数", forestry.Indicator);

        // No indicator written (未策定 → 計画策定): the 施策 names it.
        KpiRecord plan = Records.KpiAt(269);
        Assert.Equal("ゼロカーボンシティの推進", plan.Indicator);
        RecordTestSupport.AssertValue(plan.Baseline, "未策定", null, null, 2022, 2022, File, 269);
        RecordTestSupport.AssertValue(plan.Target, "2024年度 (令和6年度) 中の計画策定", null, null, 2024, 2024, File, 269);
    }

    [Fact]
    public void Project_carries_its_direction_and_KPIs()
    {
        ProjectRecord p = Records.ProjectAt(7);
        Assert.Equal("1", p.Number);
        Assert.Equal("農業振興事業", p.Name);
        Assert.Equal(1, p.Goal!.Number);
        Assert.Contains("売れる米づくりを最大目標とする稲作経営の安定化", p.Description, StringComparison.Ordinal);
        Assert.Equal(5, p.Kpis.Count);
        Assert.Equal(File, p.Source.File);
        Assert.Equal(22, p.Source.LineEnd);
    }

    [Fact]
    public void Repeated_project_number_is_noted()
    {
        DataQualityNote note = Assert.Single(Records.Notes);
        Assert.Equal("duplicate-number", note.Kind);
        Assert.Equal([245, 272], note.Sources.Select(s => s.Line));
        Assert.Contains("3. 広域連携事業", note.Message, StringComparison.Ordinal);
    }
}

/// <summary>Another city's strategy of the same kind: ★ 数値目標, 事業, 具体的な施策 table with other header years.</summary>
public class MeasureTableOtherCityTests
{
    [Fact]
    public void Reads_a_strategy_of_another_city()
    {
        var doc = new StrategyAssistant.Documents.SourceDocument(
            new StrategyAssistant.Documents.DocumentInfo("902_test.txt", "架空市", "架空市 総合戦略", "strategy", "令和3年度～令和7年度", "架空市"),
            [
                "基本目標 1 しごとをつくる",
                "★ 新規雇用者数：5年間で50人",
                "1. 企業支援事業",
                "(1) 基本的方向",
                "◆企業を支援します。",
                "(2) 具体的な施策と重要業績評価指標（KPI）",
                "具体的な施策\t基準値(R1)\tKPI(R7)",
                "①創業の支援 創業を支援します。\t創業件数 2件\t創業件数 5件",
                "\t相談件数 10件\t基準値を維持",
            ]);
        var extractor = new MeasureKpiTableInterpreter();
        Assert.True(extractor.CanRead(doc));
        RecordSet set = extractor.Extract(doc);
        Assert.Equal(3, set.Kpis.Count);

        RecordTestSupport.AssertValue(set.KpiAt(2).Target, "5年間で50人", 50m, "人", 2021, 2025, "902_test.txt", 2);
        KpiRecord starts = set.KpiAt(8);
        Assert.Equal("創業件数", starts.Indicator);
        Assert.Equal("企業支援事業", starts.Project);
        Assert.Equal(new Measure("①", "創業の支援"), starts.Measure);
        RecordTestSupport.AssertValue(starts.Baseline, "2件", 2m, "件", 2019, 2019, "902_test.txt", 8);
        RecordTestSupport.AssertValue(starts.Target, "5件", 5m, "件", 2025, 2025, "902_test.txt", 8);
        Assert.Equal("相談件数", set.KpiAt(9).Indicator);

        ProjectRecord p = Assert.Single(set.Projects);
        Assert.Equal("企業を支援します。", p.Description);
        Assert.Equal(["創業件数", "相談件数"], p.Kpis);
    }
}
