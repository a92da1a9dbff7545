using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests.Notations;

/// <summary>砂川市 KPI progress table (002): 数値目標, 施策名・事業名 rows, yearly series, and the 小計 / 合計 reconciliation.</summary>
public class YearColumnProgressInterpreterTests
{
    private const string File = "002_c52bdce60cc03941.txt";
    private static readonly YearColumnProgressInterpreter s_extractor = new();

    private static RecordSet Records => RecordTestSupport.Extract(s_extractor, "002");

    [Fact]
    public void Counts_every_row_goal_targets_and_projects()
    {
        Assert.Equal(56, Records.Kpis.Count);
        Assert.Equal(4, Records.Kpis.Count(k => k.IsGoalTarget));
        Assert.Equal(48, Records.Projects.Count);

        // 46 KPIs plus six 施策名・事業名 rows whose KPI was not set (「…の設定が困難…」), kept as records.
        KpiRecord[] rows = [.. Records.Kpis.Where(k => !k.IsGoalTarget)];
        Assert.Equal(46, rows.Count(k => k.Note is null));
        Assert.Equal(6, rows.Count(k => k.Note is not null && k.Note.Contains("困難", StringComparison.Ordinal)));
        Assert.Equal([9, 7, 16, 16], Records.Projects.GroupBy(p => p.Goal!.Number).OrderBy(g => g.Key).Select(g => g.Count()));

        // The document names no 担当部: no record invents one.
        Assert.All(Records.Kpis, k => Assert.Null(k.Department));
        Assert.All(Records.Projects, p => Assert.Null(p.Department));
    }

    [Fact]
    public void Goal_target_keeps_baseline_and_target_with_years()
    {
        KpiRecord k = Records.KpiAt(6);
        Assert.True(k.IsGoalTarget);
        Assert.Equal("就業者数", k.Indicator);
        Assert.Equal(1, k.Goal!.Number);
        Assert.Equal("安定した雇用を創出し、地域人材の活躍の場をつくる", k.Goal.Title);
        RecordTestSupport.AssertValue(k.Baseline, "7,740人(平成27年)", 7740m, "人", 2015, 2015, File, 6);
        RecordTestSupport.AssertValue(k.Target, "6,300人(令和7年)", 6300m, "人", 2025, 2025, File, 6);
        Assert.Equal("6,300人", k.Target!.Display);

        // Bare 3年度 … 7年度 in a 令和 table: FY2021 … FY2025.
        Assert.Equal([2021, 2022, 2023, 2024, 2025], k.Series.Select(s => s.Year.Year));
        RecordTestSupport.AssertValue(k.Series[^1].Target, "6,300", 6300m, "人", 2025, 2025, File, 6);
        RecordTestSupport.AssertValue(k.Actual, "—", null, "人", 2021, 2021, File, 7);
        Assert.Contains("国勢調査", k.Assessment, StringComparison.Ordinal);
    }

    [Fact]
    public void Goal_target_actual_takes_the_unit_of_its_baseline()
    {
        KpiRecord k = Records.KpiAt(44);
        Assert.Equal("観光入込客数", k.Indicator);
        Assert.Equal("千人", k.Unit);
        RecordTestSupport.AssertValue(k.Actual, "902.9", 902.9m, "千人", 2021, 2021, File, 45);
        RecordTestSupport.AssertValue(k.Series[1].Target, "1,630", 1630m, "千人", 2022, 2022, File, 44);
        Assert.Equal(File, k.Source.File);
        Assert.Equal((44, 45), (k.Source.Line, k.Source.LineEnd));
    }

    [Fact]
    public void Indicator_belongs_to_its_project_and_measure()
    {
        KpiRecord k = Records.KpiAt(135);
        Assert.Equal("事業所が参照したデータ件数", k.Indicator);
        Assert.Equal("砂川市地域包括ケアネットワーク事業 (情報共有ネットワーク事業)", k.Project);
        Assert.Equal(new Measure("①", "地域包括ケアシステムの充実") { Parent = new Measure("(1)", "安心なくらしの確保") }, k.Measure);
        Assert.Equal("(1) 安心なくらしの確保", k.Measure!.Parent!.ToString());
        Assert.Equal(4, k.Goal!.Number);
        Assert.False(k.IsGoalTarget);
        RecordTestSupport.AssertValue(k.Baseline, "21,866件(令和元年)", 21866m, "件", 2019, 2019, File, 135);
        RecordTestSupport.AssertValue(k.Target, "22,000件(令和7年)", 22000m, "件", 2025, 2025, File, 135);
        RecordTestSupport.AssertValue(k.Actual, "30,378", 30378m, "件", 2021, 2021, File, 136);

        ProjectRecord p = Records.ProjectAt(135);
        Assert.Equal(k.Project, p.Name);
        Assert.Equal(["事業所が参照したデータ件数"], p.Kpis);
        Assert.Equal(k.Measure, p.Measure);
    }

    [Fact]
    public void Five_year_targets_span_the_table_and_are_cumulative_only_with_a_total()
    {
        KpiRecord hires = Records.KpiAt(15);
        Assert.Equal("雇用創出事業(企業振興促進対策事業)", hires.Project);
        RecordTestSupport.AssertValue(hires.Target, "15人(5年間)", 15m, "人", 2021, 2025, File, 15);
        Assert.True(hires.Target!.Period!.Cumulative);

        KpiRecord rate = Records.KpiAt(12);
        RecordTestSupport.AssertValue(rate.Target, "40.0%(5年間)", 40.0m, "%", 2021, 2025, File, 12);
        Assert.False(rate.Target!.Period!.Cumulative);
        RecordTestSupport.AssertValue(rate.Actual, "36.6", 36.6m, "%", 2021, 2021, File, 13);
        Assert.Equal("市内就職者率は前年から変わりなく推移している。", rate.Assessment);
        Assert.Equal("引き続き同様の取組を継続していく。", rate.Outlook);

        KpiRecord each = Records.KpiAt(52);
        RecordTestSupport.AssertValue(each.Target, "10件(各年度)", 10m, "件", 2021, 2025, File, 52);

        // 一件 stands where a figure is missing: kept as written, no number.
        RecordTestSupport.AssertValue(each.Baseline, "一件(令和元年)", null, null, 2019, 2019, File, 52);
    }

    [Fact]
    public void Negative_rates_and_prefixed_actuals_parse_exactly()
    {
        KpiRecord population = Records.KpiAt(129);
        RecordTestSupport.AssertValue(population.Baseline, "△7.04%(平成27年～令和2年)", -7.04m, "%", 2015, 2020, File, 129);
        RecordTestSupport.AssertValue(population.Target, "△5.13%(令和2年～令和7年)", -5.13m, "%", 2020, 2025, File, 129);
        RecordTestSupport.AssertValue(population.Actual, "△7.77%", -7.77m, "%", 2021, 2021, File, 130);

        KpiRecord checkup = Records.KpiAt(138);
        RecordTestSupport.AssertValue(checkup.Actual, "暫定値43.1", 43.1m, "%", 2021, 2021, File, 139);
        Assert.Equal("暫定値", checkup.Actual!.Note);
    }

    [Fact]
    public void Rows_without_a_KPI_are_kept_with_their_text()
    {
        KpiRecord none = Records.KpiAt(121);
        Assert.Equal("小中学校適正配置推進事業", none.Project);
        Assert.Equal("KPIの設定が困難なため設定しない", none.Note);
        Assert.Null(none.Target);
        Assert.Contains("令和5年度の中学校統合", none.Outlook ?? none.Assessment, StringComparison.Ordinal);
        Assert.Empty(Records.ProjectAt(121).Kpis);

        KpiRecord managed = Records.KpiAt(21);
        Assert.Equal("農作業受託面積", managed.Indicator);
        Assert.Equal("目標値の設定が困難なため、実績値の管理とする", managed.Note);
        RecordTestSupport.AssertValue(managed.Actual, "0", 0m, null, 2021, 2021, File, 22);
    }

    [Fact]
    public void Project_with_two_KPIs_lists_both_and_spans_their_lines()
    {
        ProjectRecord brand = Records.ProjectAt(27);
        Assert.Equal("地域ブランド構築事業", brand.Name);
        Assert.Equal(["チームを構成する事業者数", "地域ブランドの商品数"], brand.Kpis);
        Assert.Equal(30, brand.Source.LineEnd);
        Assert.Equal(new Measure("①", "商工業振興策の実施") { Parent = new Measure("(2)", "産業の競争力強化") }, brand.Measure);
        Assert.Equal("地域ブランド構築事業", Records.KpiAt(29).Project);
    }

    [Fact]
    public void Stated_counts_agree_with_the_rows_listed()
    {
        Assert.DoesNotContain(Records.Notes, n => n.Kind == "count-mismatch");
    }

    [Fact]
    public void A_missing_row_is_reported_against_the_stated_subtotal_and_total()
    {
        // Drop 農業6次産業化支援事業 (lines 36-37, a project without a KPI) and 地域ブランドの商品数 (lines 29-30, a KPI).
        IReadOnlyList<string> lines = TestCorpus.Document("002").Lines;
        var kept = lines.Where((_, i) => i + 1 is not (>= 36 and <= 37) and not (>= 29 and <= 30));
        RecordSet set = s_extractor.Extract(RecordTestSupport.WithLines("002", kept));

        DataQualityNote[] notes = [.. set.Notes.Where(n => n.Kind == "count-mismatch")];
        Assert.Equal(2, notes.Length);
        Assert.Contains("小計(事業数:9、KPI数:8)", notes[0].Message, StringComparison.Ordinal);
        Assert.Contains("事業数8、KPI数7", notes[0].Message, StringComparison.Ordinal);
        Assert.Contains("合計(事業数:48、KPI数:46)", notes[1].Message, StringComparison.Ordinal);
        Assert.Contains("事業数47、KPI数45", notes[1].Message, StringComparison.Ordinal);
        Assert.Equal(35, notes[0].Sources[0].Line);
    }

    [Fact]
    public void Units_that_differ_between_baseline_and_target_are_noted_not_fixed()
    {
        KpiRecord k = Records.KpiAt(59);
        Assert.Equal("1,638件(令和7年)", k.Target!.Text);
        Assert.Equal("件", k.Target.Unit);
        Assert.Equal("千人", k.Baseline!.Unit);
        Assert.Null(k.Unit);

        DataQualityNote[] notes = [.. Records.Notes.Where(n => n.Kind == "unit-mismatch")];
        Assert.Equal([59, 92], notes.Select(n => n.Sources[0].Line));
        Assert.Contains("1,625千人(令和元年)", notes[0].Message, StringComparison.Ordinal);
        Assert.Contains("1,638件(令和7年)", notes[0].Message, StringComparison.Ordinal);
    }
}

/// <summary>Another city's progress table (R-era headers, 目標 / 実績 rows, a three-year plan) reads the same way.</summary>
public class ProgressTableOtherCityTests
{
    [Fact]
    public void Reads_a_progress_table_of_another_city()
    {
        var doc = new StrategyAssistant.Documents.SourceDocument(
            new StrategyAssistant.Documents.DocumentInfo("901_test.txt", "架空市", "架空市 KPI進捗", "progress-report", "令和3年度", "架空市"),
            [
                "基本目標1 しごとをつくる",
                "数値目標\t基準値\t目標値\t区分\tR2年度\tR3年度\tR4年度\t合計\t所見",
                "雇用者数\t100人(令和元年)\t130人(令和4年)\t目標\t110\t120\t130\t—\t順調に推移。",
                "\t\t\t実績\t105\t\t\t\t",
                "施策名・事業名\t重要業績評価指標(KPI)\t区分\tR2年度\tR3年度\tR4年度\t合計\t増減理由及び今後の取り組み",
                "① 企業の支援",
                "起業支援事業\t起業件数 ／2件(令和元年)→9件(3年間)\t目標\t3\t3\t3\t9\t件数は増えた。今後も支援する。",
                "\t\t実績\t4\t\t\t4\t",
                "企業誘致事業\tKPIの設定が困難なため設定しない\t目標\t—\t—\t—\t—\t",
                "\t\t実績\t—\t—\t—\t—\t",
                "小計(事業数:3、KPI数:1)",
            ]);
        var extractor = new YearColumnProgressInterpreter();
        Assert.True(extractor.CanRead(doc));
        RecordSet set = extractor.Extract(doc);
        Assert.Equal(3, set.Kpis.Count);
        Assert.Equal(2, set.Projects.Count);

        KpiRecord goal = set.KpiAt(3);
        Assert.True(goal.IsGoalTarget);
        RecordTestSupport.AssertValue(goal.Actual, "105", 105m, "人", 2020, 2020, "901_test.txt", 4);

        KpiRecord starts = set.KpiAt(7);
        Assert.Equal("起業件数", starts.Indicator);
        Assert.Equal("起業支援事業", starts.Project);
        Assert.Equal("①", starts.Measure!.Mark);
        RecordTestSupport.AssertValue(starts.Target, "9件(3年間)", 9m, "件", 2020, 2022, "901_test.txt", 7);
        Assert.True(starts.Target!.Period!.Cumulative);
        Assert.Equal("件数は増えた。", starts.Assessment);
        Assert.Equal("今後も支援する。", starts.Outlook);

        DataQualityNote note = Assert.Single(set.Notes);
        Assert.Equal("count-mismatch", note.Kind);
        Assert.Contains("小計(事業数:3、KPI数:1)", note.Message, StringComparison.Ordinal);
        Assert.Contains("事業数2、KPI数1", note.Message, StringComparison.Ordinal);
    }
}
