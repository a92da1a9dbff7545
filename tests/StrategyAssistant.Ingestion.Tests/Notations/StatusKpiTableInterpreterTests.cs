using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests.Notations;

/// <summary>岩見沢市 committee slides (003): statistics by year, goal KPI tables, per-事業 tables, budgets.</summary>
public class StatusKpiTableInterpreterTests
{
    private const string File = "003_9fd2a621cef68687.txt";
    private static readonly StatusKpiTableInterpreter s_extractor = new();

    private static RecordSet Records => RecordTestSupport.Extract(s_extractor, "003");

    [Fact]
    public void Counts_statistics_goal_KPIs_project_KPIs_and_projects()
    {
        Assert.Equal(68, Records.Kpis.Count);
        Assert.Equal(12, Records.Kpis.Count(k => k.Note is not null && k.Series.Count > 0));
        Assert.Equal(14, Records.Kpis.Count(k => k.IsGoalTarget));
        Assert.Equal(42, Records.Kpis.Count(k => k.Project is not null));

        // 29 事業 with KPI tables, 4 per-goal totals, 13 budget cells of the 事業費 / 交付金 table.
        Assert.Equal(46, Records.Projects.Count);
        Assert.Equal(29, Records.Projects.Count(p => p.Budget is null));

        // The document names no 担当部: no record invents one.
        Assert.All(Records.Kpis, k => Assert.Null(k.Department));
        Assert.All(Records.Projects, p => Assert.Null(p.Department));
        Assert.Equal([9, 5, 9, 6], Records.Projects.Where(p => p.Budget is null).GroupBy(p => p.Goal!.Number).OrderBy(g => g.Key).Select(g => g.Count()));
    }

    [Fact]
    public void Statistics_table_reads_years_from_its_header()
    {
        KpiRecord k = Records.KpiAt(202);
        Assert.Equal("合計特殊出生率 (岩見沢市)", k.Indicator);
        Assert.Equal([2015, 2016, 2017, 2018, 2019, 2020], k.Series.Select(s => s.Year.Year));
        RecordTestSupport.AssertValue(k.Series.Single(s => s.Year.Year == 2018).Actual, "1.26", 1.26m, null, 2018, 2018, File, 202);
        RecordTestSupport.AssertValue(k.Actual, "1.18", 1.18m, null, 2020, 2020, File, 202);
        Assert.Equal(1.31m, Records.KpiAt(201).Series[0].Actual!.Number);
        Assert.Equal("合計特殊出生率 (北海道)", Records.KpiAt(201).Indicator);

        // Multi-label rows: 自然 動態 / 出生 (合計特殊出生率) with 491 (1.27); averages and ratios are not years.
        KpiRecord births = Records.KpiAt(177);
        Assert.Equal("自然動態", births.Measure!.Title);
        RecordTestSupport.AssertValue(births.Series[0].Actual, "491 (1.27)", 491m, null, 2015, 2015, File, 177);
        Assert.Equal(7, births.Series.Count);
        RecordTestSupport.AssertValue(Records.KpiAt(183).Series[3].Actual, "▲312", -312m, null, 2018, 2018, File, 183);
    }

    [Fact]
    public void Goal_KPI_table_reads_values_status_and_footnote_years()
    {
        KpiRecord k = Records.KpiAt(263);
        Assert.True(k.IsGoalTarget);
        Assert.Equal("合計特殊出生率 (単年)", k.Indicator);
        Assert.Equal(3, k.Goal!.Number);
        Assert.Equal("合計特殊出生率の向上", k.Measure!.Title);
        RecordTestSupport.AssertValue(k.Baseline, "1.26", 1.26m, null, 2018, 2018, File, 263);
        RecordTestSupport.AssertValue(k.Target, "1.40", 1.40m, null, 2024, 2024, File, 263);
        RecordTestSupport.AssertValue(k.Actual, "1.18", 1.18m, null, 2020, 2020, File, 263);
        Assert.Equal("低調", k.Status);
        Assert.Contains(k.RelatedSources, c => c.Line == 267);

        KpiRecord income = Records.KpiAt(236);
        Assert.Equal("順調", income.Status);
        RecordTestSupport.AssertValue(income.Actual, "1,622千円", 1622m, "千円", 2020, 2020, File, 236);

        KpiRecord shipments = Records.KpiAt(238);
        RecordTestSupport.AssertValue(shipments.Baseline, "28,903千円", 28903m, "千円", 2016, 2018, File, 238);
        Assert.Contains("2016~2018年平均", shipments.Baseline!.Note, StringComparison.Ordinal);

        KpiRecord outflow = Records.KpiAt(252);
        RecordTestSupport.AssertValue(outflow.Baseline, "▲312人", -312m, "人", 2018, 2018, File, 252);
        Assert.Equal("転出超過数", outflow.Indicator);
    }

    [Fact]
    public void Reference_actual_in_parentheses_keeps_text_and_reads_number()
    {
        KpiRecord k = Records.KpiAt(275);
        Assert.Equal("健康寿命 (女性)", k.Indicator);
        RecordTestSupport.AssertValue(k.Baseline, "86.07歳", 86.07m, "歳", 2017, 2017, File, 275);
        RecordTestSupport.AssertValue(k.Target, "88.73歳", 88.73m, "歳", 2024, 2024, File, 275);
        Assert.Equal("(85.48歳)", k.Actual!.Text);
        Assert.Equal(85.48m, k.Actual.Number);
        Assert.Equal("-", k.Status);

        KpiRecord unsurveyed = Records.KpiAt(237);
        Assert.Equal("調査なし", unsurveyed.Actual!.Text);
        Assert.Null(unsurveyed.Actual.Number);
    }

    [Fact]
    public void Project_table_columns_follow_the_header_order()
    {
        KpiRecord waiting = Records.KpiAt(502);
        Assert.Equal("潜在待機児童数", waiting.Indicator);
        RecordTestSupport.AssertValue(waiting.Baseline, "15人", 15m, "人", null, null, File, 502);
        RecordTestSupport.AssertValue(waiting.Actual, "2人", 2m, "人", 2020, 2020, File, 502);
        RecordTestSupport.AssertValue(waiting.Target, "0人 (計画終了時)", 0m, "人", 2024, 2024, File, 502);
        Assert.Equal("計画終了時", waiting.Target!.Note);
        Assert.StartsWith("保育所入所運営事業 (保育の質と量の確保", waiting.Project, StringComparison.Ordinal);

        KpiRecord winter = Records.KpiAt(550);
        RecordTestSupport.AssertValue(winter.Baseline, "509世帯", 509m, "世帯", null, null, File, 550);
        RecordTestSupport.AssertValue(winter.Actual, "750世帯", 750m, "世帯", 2020, 2020, File, 550);
        RecordTestSupport.AssertValue(winter.Target, "660世帯 (計画終了時)", 660m, "世帯", 2024, 2024, File, 550);
        Assert.StartsWith("雪下ろし助成", winter.Outlook, StringComparison.Ordinal);

        // Header 目標値 shifted one cell right (line 460): the values still follow the header's order.
        KpiRecord consult = Records.KpiAt(461);
        RecordTestSupport.AssertValue(consult.Target, "1,322件/年 (毎年度実績)", 1322m, "件/年", 2020, 2024, File, 461);
        RecordTestSupport.AssertValue(consult.Actual, "1,511件", 1511m, "件", 2020, 2020, File, 461);

        KpiRecord founders = Records.KpiAt(339);
        RecordTestSupport.AssertValue(founders.Target, "50人 (5年間の合計)", 50m, "人", 2020, 2024, File, 339);
        Assert.True(founders.Target!.Period!.Cumulative);
    }

    [Fact]
    public void Bundled_project_lists_its_components()
    {
        ProjectRecord p = Records.ProjectAt(419);
        Assert.Equal("観光振興戦略推進事業 (観光振興戦略推進事業・ふるさと毛陽地域振興事業・北村温泉施設整備事業)", p.Name);
        Assert.Equal(["観光振興戦略推進事業", "ふるさと毛陽地域振興事業", "北村温泉施設整備事業"], p.Components);
        Assert.Equal(["観光入込客数 (イベントを除く)", "訪日外国人宿泊客数"], p.Kpis);
        Assert.Equal(2, p.Goal!.Number);
        Assert.Equal(426, p.Source.LineEnd);

        Assert.Equal("新規登載", Records.ProjectAt(546).Status);
        Assert.Equal("新規事業", Records.ProjectAt(584).Status);
        Assert.Empty(Records.ProjectAt(471).Components);
    }

    [Fact]
    public void Shared_indicator_takes_the_values_of_the_project_it_names()
    {
        KpiRecord k = Records.KpiAt(447);
        Assert.Equal("シティプロモーション推進事業", k.Project);
        Assert.Equal("社会動態における転出率", k.Indicator);
        Assert.Equal("移住定住促進事業との共通指標", k.Note);
        RecordTestSupport.AssertValue(k.Baseline, "3.57%", 3.57m, "%", null, null, File, 435);
        Assert.Contains(k.RelatedSources, c => c.Line == 435);

        // Written 暮らし here and くらし in the project it refers to.
        KpiRecord winter = Records.KpiAt(527);
        Assert.Equal(750m, winter.Actual!.Number);
        Assert.Contains(winter.RelatedSources, c => c.Line == 550);
    }

    [Fact]
    public void Budgets_keep_the_unit_as_written()
    {
        ProjectRecord total2020 = Assert.Single(Records.Projects, p => p.Budget?.Text == "11億7,547万円");
        Assert.Equal(117547m, total2020.Budget!.Amount);
        Assert.Equal("万円", total2020.Budget.Unit);
        Assert.Equal(1_175_470_000m, total2020.Budget.InYen);
        Assert.Equal(2020, total2020.BudgetYear!.Start.Year);
        Assert.Equal(303, total2020.Source.Line);

        ProjectRecord adopted = Assert.Single(Records.Projects, p => p.Budget?.Text == "31,225千円");
        Assert.Equal("地方創生推進交付金", adopted.Grant);
        Assert.Equal("千円", adopted.Budget!.Unit);
        Assert.Equal(2020, adopted.BudgetYear!.Start.Year);
        Assert.Equal(["ワークライフバランスの推進と就業環境の整備による地域活性化事業", "観光振興戦略推進事業"], adopted.Components);

        ProjectRecord goal1 = Records.ProjectAt(310);
        Assert.Equal("総合戦略関連事業", goal1.Name);
        Assert.Equal(1, goal1.Goal!.Number);
        Assert.Equal(11118m, goal1.Budget!.Amount);

        ProjectRecord firstPeriod = Assert.Single(Records.Projects, p => p.Budget?.Text == "32億4,046万円");
        Assert.Equal((2016, 2019), (firstPeriod.BudgetYear!.Start.Year, firstPeriod.BudgetYear.End.Year));
    }

    [Fact]
    public void Stated_project_counts_per_goal_are_compared_with_the_slides()
    {
        DataQualityNote[] notes = [.. Records.Notes];
        Assert.Equal(2, notes.Length);
        Assert.All(notes, n => Assert.Equal("count-mismatch", n.Kind));
        Assert.Equal([393, 529], notes.Select(n => n.Sources[0].Line));
        Assert.Contains("7事業", notes[0].Message, StringComparison.Ordinal);
        Assert.Contains("5件", notes[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overall_statements_are_not_records()
    {
        Assert.DoesNotContain(Records.Kpis, k => k.Source.Line == 231);
        Assert.DoesNotContain(Records.Projects, p => p.Source.Line == 231);
    }
}

/// <summary>Another city's committee slides: a goal KPI table with footnote and a 事業 table.</summary>
public class CommitteeSlidesOtherCityTests
{
    [Fact]
    public void Reads_slides_of_another_city()
    {
        var doc = new StrategyAssistant.Documents.SourceDocument(
            new StrategyAssistant.Documents.DocumentInfo("903_test.txt", "架空市", "架空市 推進委員会資料", "committee-material", "令和4年度", "架空市"),
            [
                "第2期総合戦略（令和3年度～令和7年度）",
                "重要業績評価指標 (2021年)",
                "【基本目標1】しごとをつくる",
                "重要業績評価指標 (KPI)\t\t基準値\t目標値\t実績\t状況",
                "雇用の創出\t①新規雇用者数\t100人\t150人\t120人\t順調",
                string.Empty,
                "①雇用統計 (基準値: 2019年、目標値: 計画期間終了時点)",
                string.Empty,
                "○創業支援事業 (創業相談事業・創業補助事業)",
                "令和3年度の取組み\t重要業績評価指標 (KPI)\t\t\t\t今後の見直しの方向性など",
                "\t項目\t基準値\t2021年度\t目標値\t",
                "創業を支援した\t創業件数\t5件\t7件\t10件 (計画終了時)\t継続する",
            ]);
        var extractor = new StatusKpiTableInterpreter();
        Assert.True(extractor.CanRead(doc));
        RecordSet set = extractor.Extract(doc);
        Assert.Equal(2, set.Kpis.Count);

        KpiRecord jobs = set.KpiAt(5);
        Assert.Equal("新規雇用者数", jobs.Indicator);
        Assert.Equal("順調", jobs.Status);
        RecordTestSupport.AssertValue(jobs.Baseline, "100人", 100m, "人", 2019, 2019, "903_test.txt", 5);
        RecordTestSupport.AssertValue(jobs.Target, "150人", 150m, "人", 2025, 2025, "903_test.txt", 5);
        RecordTestSupport.AssertValue(jobs.Actual, "120人", 120m, "人", 2021, 2021, "903_test.txt", 5);

        KpiRecord starts = set.KpiAt(12);
        Assert.Equal("創業支援事業 (創業相談事業・創業補助事業)", starts.Project);
        RecordTestSupport.AssertValue(starts.Actual, "7件", 7m, "件", 2021, 2021, "903_test.txt", 12);
        RecordTestSupport.AssertValue(starts.Target, "10件 (計画終了時)", 10m, "件", 2025, 2025, "903_test.txt", 12);
        Assert.Equal("継続する", starts.Outlook);

        ProjectRecord p = Assert.Single(set.Projects);
        Assert.Equal(["創業相談事業", "創業補助事業"], p.Components);
        Assert.Equal("創業を支援した", p.Description);
    }
}
