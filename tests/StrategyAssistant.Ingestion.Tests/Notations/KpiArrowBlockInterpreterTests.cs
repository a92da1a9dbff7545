using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;
using static StrategyAssistant.Ingestion.Tests.Notations.AsahikawaRecords;

namespace StrategyAssistant.Ingestion.Tests.Notations;

public class KpiArrowBlockInterpreterTests
{
    private const string File001 = "001_a912f52f4cccf086.txt";

    [Fact]
    public void Reads_every_kpi_and_goal_target()
    {
        Assert.Equal(36, StrategyRecords.Kpis.Count);
        Assert.Equal(4, StrategyRecords.Kpis.Count(k => k.IsGoalTarget));
        Assert.Equal([5, 11, 10, 10], StrategyRecords.Kpis.GroupBy(k => k.Goal!.Number).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.All(StrategyRecords.Kpis, k => Assert.NotNull(k.Target));
        Assert.All(StrategyRecords.Kpis.Where(k => !k.IsGoalTarget), k => Assert.NotNull(k.Measure));
    }

    [Fact]
    public void Values_on_the_line_after_the_indicator()
    {
        KpiRecord k = Kpi(StrategyRecords, "子どもたちへの教育環境が充実している");
        Assert.Equal("子どもたちへの教育環境が充実していると感じる市民の割合（市民アンケート結果）", k.Indicator);
        Assert.Equal("34.2%（R1年度）", k.Baseline!.Text);
        Assert.Equal(34.2m, k.Baseline.Number);
        Assert.Equal(new FiscalYear(2019), k.Baseline.Period!.Start);
        Assert.Equal(184, k.Baseline.Source.Line);
        Assert.Equal(38.5m, k.Target!.Number);
        Assert.Equal(new FiscalYear(2024), k.Target.Period!.Start);
        Assert.Equal("%", k.Unit);
        Assert.Equal(182, k.Source.Line);
        Assert.Equal(184, k.Source.LineEnd);
        Assert.Equal(new Measure("ウ", "子どもたちへの教育環境の充実"), k.Measure);
        Assert.Equal(1, k.Goal!.Number);
    }

    [Fact]
    public void Values_on_the_same_line_with_full_width_colon()
    {
        KpiRecord k = Kpi(StrategyRecords, "国際・全国等スポーツ大会数");
        Assert.Equal(315, k.Source.Line);
        Assert.Equal("13件（H30年度）", k.Baseline!.Text);
        Assert.Equal(13m, k.Baseline.Number);
        Assert.Equal(new FiscalYear(2018), k.Baseline.Period!.Start);
        Assert.Equal("19件（R6年度）", k.Target!.Text);
        Assert.Equal("19件", k.Target.Display);
        Assert.Equal("件", k.Unit);
        Assert.Equal("①", k.Measure!.Mark);
        Assert.Equal(new Measure("エ", "スポーツ、文化・芸術やアウトドア環境を活用した滞在の促進"), k.Measure.Parent);
        Assert.Null(Kpi(StrategyRecords, "観光客のリピート率").Measure!.Parent!.Parent);
        Assert.Null(Kpi(StrategyRecords, "まちなか居住人口").Measure!.Parent);
    }

    [Fact]
    public void Half_width_brackets_and_shared_measures()
    {
        KpiRecord k = Kpi(StrategyRecords, "市役所に対して良い印象");
        Assert.Equal("46.5% (R6年度)", k.Target!.Text);
        Assert.Equal(46.5m, k.Target.Number);
        Assert.Equal(588, k.Target.Source.Line);
        Assert.Equal(37.1m, k.Baseline!.Number);
        Assert.Equal("カ〜ケ", k.Measure!.Mark);
        Assert.Contains("デジタル技術の導入によるDX化の推進", k.Measure.Title, StringComparison.Ordinal);
        Assert.Contains("防災や雪対策の充実による安全・安心なまちづくりの推進", k.Measure.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Cumulative_target_without_baseline()
    {
        KpiRecord k = Kpi(StrategyRecords, "移住相談会や交流会などの参加者数");
        Assert.Null(k.Baseline);
        Assert.Equal(705m, k.Target!.Number);
        Assert.Equal("人", k.Unit);
        Assert.True(k.Target.Period!.Cumulative);
        Assert.Equal("FY2020–FY2024 cumulative", k.Target.Period.ToString());

        KpiRecord site = Kpi(StrategyRecords, "企業情報提供サイトを活用して");
        Assert.Equal(270, site.Source.Line);
        Assert.Equal(271, site.Target!.Source.Line);
        Assert.Equal(56m, site.Target.Number);
    }

    [Fact]
    public void Bulleted_kpis_text_targets_and_units()
    {
        KpiRecord k = Kpi(StrategyRecords, "障がい者の雇用率");
        Assert.Equal("法定雇用率以上（R6年度）", k.Target!.Text);
        Assert.Null(k.Target.Number);
        Assert.Equal(new FiscalYear(2024), k.Target.Period!.Start);
        Assert.Equal(2.19m, k.Baseline!.Number);
        Assert.Equal("%", k.Unit);

        KpiRecord value = Kpi(StrategyRecords, "粗付加価値額");
        Assert.Equal(9812544m, value.Target!.Number);
        Assert.Equal("万円", value.Unit);
        Assert.Equal(new FiscalYear(2017), value.Baseline!.Period!.Start);
        Assert.Equal(new Measure("イ", "先端技術や地域の強みを活用し未来を見据えた産業の創出"), value.Measure);

        KpiRecord women = Kpi(StrategyRecords, "女性就業率");
        Assert.Equal(new FiscalYear(2024), women.Target!.Period!.Start);
        Assert.Equal(new FiscalYear(2018), women.Baseline!.Period!.Start);
    }

    [Fact]
    public void Indicator_split_over_two_lines_with_a_stray_colon()
    {
        KpiRecord k = Kpi(StrategyRecords, "北北海道の自治体との連携による取組数");
        Assert.Equal("北北海道の自治体との連携による取組数（各年度件数）", k.Indicator);
        Assert.Equal(42m, k.Target!.Number);
        Assert.Equal(538, k.Target.Source.Line);
        Assert.Equal(new FiscalYear(2019), k.Baseline!.Period!.Start);
        Assert.Equal(new Measure("エ", "北北海道や上川中部圏域との連携促進"), k.Measure);
    }

    [Fact]
    public void Averaged_baseline_with_a_spaced_unit()
    {
        KpiRecord k = Kpi(StrategyRecords, "ホームページアクセス");
        Assert.Equal(1770m, k.Target!.Number);
        Assert.Equal("万件", k.Unit);
        Assert.Equal(new FiscalYear(2016), k.Baseline!.Period!.Start);
        Assert.Equal(new FiscalYear(2018), k.Baseline.Period.End);
        Assert.False(k.Baseline.Period.Cumulative);
        Assert.Equal(File001, k.Source.File);
    }

    [Fact]
    public void Goal_targets()
    {
        KpiRecord social = Kpi(StrategyRecords, "34歳以下の社会減");
        Assert.True(social.IsGoalTarget);
        Assert.Equal(2, social.Goal!.Number);
        Assert.Equal("▲987人", social.Baseline!.Text);
        Assert.Equal(-987m, social.Baseline.Number);
        Assert.Null(social.Baseline.Period);
        Assert.Null(social.Target!.Number);
        Assert.Equal(new FiscalYear(2024), social.Target.Period!.Start);
        Assert.Equal(222, social.Source.Line);

        KpiRecord stays = Kpi(StrategyRecords, "観光宿泊客延数");
        Assert.Equal(1300m, stays.Target!.Number);
        Assert.Equal("千人泊", stays.Unit);
        Assert.Equal(1083m, stays.Baseline!.Number);
        Assert.Equal(new FiscalYear(2018), stays.Baseline.Period!.Start);

        KpiRecord birth = Kpi(StrategyRecords, "合計特殊出生率");
        Assert.True(birth.IsGoalTarget);
        Assert.Equal("全国平均との乖離を縮小し，全国水準まで引き上げる", birth.Target!.Text);
        Assert.Equal("若い世代の結婚・出産・子育ての希望をかなえる", birth.Goal!.Title);
    }

    [Fact]
    public void Every_value_is_quoted_from_its_line()
    {
        foreach (KpiRecord k in StrategyRecords.Kpis)
        {
            foreach (KpiValue v in new[] { k.Baseline, k.Target }.OfType<KpiValue>())
            {
                Assert.Equal(File001, v.Source.File);
                string line = StrategyAssistant.Documents.Markup.Strip(Strategy.Line(v.Source.Line));
                Assert.Contains(v.Text, line, StringComparison.Ordinal);
            }
        }
    }
}
