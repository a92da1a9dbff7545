using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;
using static StrategyAssistant.Ingestion.Tests.Notations.AsahikawaRecords;

namespace StrategyAssistant.Ingestion.Tests.Notations;

public class AssessmentSheetInterpreterTests
{
    private const string File000 = "000_721c89b86c30dc30.txt";

    [Fact]
    public void Reads_every_kpi_of_the_sheet()
    {
        Assert.Equal(30, SheetRecords.Kpis.Count);
        Assert.Equal([4, 9, 9, 8], SheetRecords.Kpis.GroupBy(k => k.Goal!.Number).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.All(SheetRecords.Kpis, k => Assert.Equal("旭川市", k.City));
        Assert.All(SheetRecords.Kpis, k => Assert.NotNull(k.Measure));
        Assert.All(SheetRecords.Kpis, k => Assert.NotNull(k.Evaluation));
        Assert.All(SheetRecords.Kpis, k => Assert.NotNull(k.Department));
        Assert.All(SheetRecords.Kpis, k => Assert.NotNull(k.Unit));
    }

    [Fact]
    public void Actual_on_the_line_after_its_header()
    {
        KpiRecord k = Kpi(SheetRecords, "移住相談会や交流会などの参加者数");
        Assert.Equal("移住相談会や交流会などの参加者数(累計数)", k.Indicator);
        Assert.Equal("人", k.Unit);
        Assert.Equal("190", k.Actual!.Text);
        Assert.Equal(190m, k.Actual.Number);
        Assert.Equal(new FiscalYear(2020), k.Actual.Period!.Start);
        Assert.Equal(File000, k.Actual.Source.File);
        Assert.Equal(24, k.Actual.Source.Line);
        Assert.True(k.Source.Covers(File000, 24));
        Assert.Equal("—", k.Baseline!.Text);
        Assert.Null(k.Baseline.Number);
        Assert.Equal(705m, k.Target!.Number);
        Assert.True(k.Target.Period!.Cumulative);
        Assert.Equal(new FiscalYear(2020), k.Target.Period.Start);
        Assert.Equal(new FiscalYear(2024), k.Target.Period.End);
        Assert.Equal("継続発展", k.Evaluation);
        Assert.Equal("地域振興部 経済部", k.Department);
        Assert.Equal(new Measure("ア", "移住(UIJターンを含む)に関する総合的な環境整備"), k.Measure);
    }

    [Fact]
    public void Second_kpi_of_a_measure_without_a_leading_cell()
    {
        KpiRecord k = Kpi(SheetRecords, "企業情報提供サイトを活用して");
        Assert.Equal(25, k.Source.Line);
        Assert.Equal(27, k.Actual!.Source.Line);
        Assert.Equal(30m, k.Actual.Number);
        Assert.Equal("56 (令和2-6年度累計数)", k.Target!.Text);
        Assert.Equal("ア", k.Measure!.Mark);
        Assert.Equal("継続発展", k.Evaluation);
    }

    [Fact]
    public void Baseline_with_its_own_year()
    {
        KpiRecord k = Kpi(SheetRecords, "まちなか居住人口");
        Assert.Equal("9,817 (令和元年度)", k.Baseline!.Text);
        Assert.Equal(9817m, k.Baseline.Number);
        Assert.Equal(new FiscalYear(2019), k.Baseline.Period!.Start);
        Assert.Equal("9,677", k.Actual!.Text);
        Assert.Equal(9677m, k.Actual.Number);
        Assert.Equal(101, k.Actual.Source.Line);
        Assert.Equal(10400m, k.Target!.Number);
        Assert.Equal(new FiscalYear(2024), k.Target.Period!.Start);
        Assert.Equal("地域振興部", k.Department);
        Assert.Equal(4, k.Goal!.Number);
        Assert.Equal("人", k.Unit);
    }

    [Fact]
    public void Evaluation_department_and_unit_of_the_first_goal()
    {
        KpiRecord k = Kpi(SheetRecords, "子どもたちが健やかに成長している");
        Assert.Equal("継続発展", k.Evaluation);
        Assert.Equal("子育て支援部", k.Department);
        Assert.Equal("%", k.Unit);
        Assert.Equal(13, k.Source.Line);
        Assert.StartsWith("引き続き、子育て、保育ニーズを把握しながら", k.EvaluationViewpoint, StringComparison.Ordinal);
        Assert.StartsWith("子どもたちの健やかな成長を示す指標値は", k.Assessment, StringComparison.Ordinal);
        Assert.StartsWith("子育て世代が安心して将来にわたる展望を描けるよう", k.Outlook, StringComparison.Ordinal);
        Assert.Null(k.Actual);

        KpiRecord education = Kpi(SheetRecords, "子どもたちへの教育環境が充実している");
        Assert.Equal("学校教育部", education.Department);
        Assert.Equal(15, education.Source.Line);

        KpiRecord pageViews = Kpi(SheetRecords, "あさひかわ縁結びネットワーク");
        Assert.Equal("PV", pageViews.Unit);
        Assert.Equal("市民生活部", pageViews.Department);
    }

    [Fact]
    public void Blank_value_cells_are_noted()
    {
        List<DataQualityNote> missing = [.. SheetRecords.Notes.Where(n => n.Kind == "missing-value")];
        Assert.Equal(4, missing.Count);
        Assert.Contains(missing, n => n.Sources[0].Line == 13 && n.Message.Contains("令和2年度実績値", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluation_with_a_space_is_one_word()
    {
        KpiRecord k = Kpi(SheetRecords, "海外進出企業の海外拠点数");
        Assert.Equal("継続発展", k.Evaluation);
        Assert.Equal("30(令和元年度実績) (令和2年度分については9月頃確定予定)", k.Actual!.Text);
        Assert.Equal(30m, k.Actual.Number);
        Assert.Equal(new FiscalYear(2019), k.Actual.Period!.Start);
        Assert.Contains("9月頃確定予定", k.Actual.Note, StringComparison.Ordinal);
        Assert.Equal("箇所", k.Unit);
    }

    [Fact]
    public void Text_targets_and_decimal_values()
    {
        KpiRecord k = Kpi(SheetRecords, "障がい者の雇用率");
        Assert.Equal("法定雇用率以上", k.Target!.Text);
        Assert.Null(k.Target.Number);
        Assert.Equal(2.19m, k.Baseline!.Number);
        Assert.Equal(new FiscalYear(2019), k.Baseline.Period!.Start);
        Assert.Equal(2.74m, k.Actual!.Number);
        Assert.Equal(83, k.Actual.Source.Line);

        KpiRecord repeat = Kpi(SheetRecords, "観光客のリピート率");
        Assert.Equal("69.8", repeat.Actual!.Text);
        Assert.Equal("66.0", repeat.Target!.Text);
        Assert.Equal(44, repeat.Target.Source.Line);
        Assert.Equal("58.0 (平成30年度)", repeat.Baseline!.Text);
        Assert.Equal(new FiscalYear(2018), repeat.Baseline.Period!.Start);
    }

    [Fact]
    public void Actual_of_an_earlier_year_keeps_its_year_and_note()
    {
        KpiRecord k = Kpi(SheetRecords, "スポーツ合宿誘致者数");
        Assert.Equal(3908m, k.Actual!.Number);
        Assert.Equal(new FiscalYear(2019), k.Actual.Period!.Start);
        Assert.Equal("3,908", k.Actual.ValueText);
        Assert.Equal(3395m, k.Baseline!.Number);
        Assert.Equal(41, k.Baseline.Source.Line);
        Assert.Equal("①", k.Measure!.Mark);

        // The heading row of the measure has no mark in the sheet: the one after ウ.
        Assert.Equal(new Measure("エ", "スポーツ、文化・芸術やアウトドア環境を活用した滞在の促進"), k.Measure.Parent);
        Assert.Equal(new Measure("ア", "旭川空港の利用拡大と交通機能の充実"), Kpi(SheetRecords, "空港乗降客数").Measure!.Parent);
        Assert.Null(Kpi(SheetRecords, "まちなか居住人口").Measure!.Parent);
    }

    [Fact]
    public void Averaged_baseline_span()
    {
        KpiRecord k = Kpi(SheetRecords, "ホームペーリアクセス");
        Assert.Equal(1669m, k.Baseline!.Number);
        Assert.Equal(new FiscalYear(2016), k.Baseline.Period!.Start);
        Assert.Equal(new FiscalYear(2018), k.Baseline.Period.End);
        Assert.Equal("平成28-30年度の平均値", k.Baseline.Note);
        Assert.Equal(2768m, k.Actual!.Number);
        Assert.Equal("万件", k.Unit);
    }

    [Fact]
    public void Detached_evaluation_is_read_for_its_row_with_a_note()
    {
        KpiRecord k = Kpi(SheetRecords, "新規開業件数");
        Assert.Equal("継続発展", k.Evaluation);
        Assert.Equal("経済部 農政部 福祉保険部", k.Department);
        Assert.StartsWith("まちを支える産業の担い手不足", k.EvaluationViewpoint, StringComparison.Ordinal);
        DataQualityNote note = Assert.Single(SheetRecords.Notes, n => n.Kind == "shifted-row" && n.Sources.Any(s => s.Line == 85));
        Assert.Contains(note.Sources, s => s.Line == 72);
        Assert.Contains("街の産業を支える人材として全ての人が活躍できる環境づくり", note.Subjects);

        // The other KPIs of the row's measure share its evaluation.
        Assert.Equal("継続発展", Kpi(SheetRecords, "障がい者の雇用率").Evaluation);
    }

    [Fact]
    public void Stray_mark_in_an_indicator_row_is_noted()
    {
        KpiRecord k = Kpi(SheetRecords, "本圏域を訪れる観光客の旅行消費額");
        Assert.Equal("②", k.Measure!.Mark);
        Assert.Equal("千円", k.Unit);
        Assert.Equal(36.3m, k.Actual!.Number);
        Assert.Contains(SheetRecords.Notes, n => n.Kind == "shifted-row" && n.Sources.Any(s => s.Line == 45));
    }

    [Fact]
    public void Rows_shifted_against_their_labels_are_realigned()
    {
        KpiRecord grants = Kpi(SheetRecords, "地域まちづくり推進事業補助金");
        Assert.Equal(new Measure("ウ", "地域主体のまちづくりの充実"), grants.Measure);
        Assert.Equal("市民生活部", grants.Department);
        Assert.Equal(52m, grants.Actual!.Number);
        Assert.Equal(108, grants.Actual.Source.Line);

        KpiRecord north = Kpi(SheetRecords, "北北海道の自治体との連携による取組数");
        Assert.Equal(new Measure("エ", "北北海道や上川中部圏域との連携促進"), north.Measure);
        Assert.StartsWith("北海道新幹線旭川延伸促進期成会をはじめ", north.Assessment, StringComparison.Ordinal);
        Assert.Equal("総合政策部", north.Department);
        Assert.Equal(new FiscalYear(2019), north.Target!.Period!.Start);

        KpiRecord kamikawa = Kpi(SheetRecords, "上川中部定住自立圏形成協定");
        Assert.Equal("エ", kamikawa.Measure!.Mark);

        KpiRecord homepage = Kpi(SheetRecords, "ホームペーリアクセス");
        Assert.Equal(new Measure("オ", "関係人口の拡大を目指した積極的な情報提供の促進"), homepage.Measure);
        Assert.StartsWith("市内発生状況や経済対策など", homepage.Assessment, StringComparison.Ordinal);
        Assert.Equal("継続", homepage.Evaluation);

        DataQualityNote note = Assert.Single(SheetRecords.Notes, n => n.Kind == "shifted-row" && n.Sources.Any(s => s.Line == 115));
        Assert.Contains("関係人口の拡大を目指した積極的な情報提供の促進", note.Subjects);
        Assert.Equal(File000, note.Sources[0].File);
    }

    [Fact]
    public void Values_cite_the_line_where_they_stand()
    {
        foreach (KpiRecord k in SheetRecords.Kpis)
        {
            foreach (KpiValue v in new[] { k.Baseline, k.Actual, k.Target }.OfType<KpiValue>())
            {
                Assert.Equal(File000, v.Source.File);
                string line = Sheet.Line(v.Source.Line);
                Assert.Contains(v.Text, line.Replace('\t', ' '), StringComparison.Ordinal);
                Assert.True(k.Source.Covers(File000, v.Source.Line));
            }
        }
    }
}
