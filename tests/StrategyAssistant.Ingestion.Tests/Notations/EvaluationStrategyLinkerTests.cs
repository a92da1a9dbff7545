using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Records;
using static StrategyAssistant.Ingestion.Tests.Notations.AsahikawaRecords;

namespace StrategyAssistant.Ingestion.Tests.Notations;

public class EvaluationStrategyLinkerTests
{
    private const string File000 = "000_721c89b86c30dc30.txt";
    private const string File001 = "001_a912f52f4cccf086.txt";

    private static List<KpiRecord> Asahikawa => [.. All.Kpis.Where(k => k.City == "旭川市")];

    [Fact]
    public void Every_sheet_kpi_is_linked_to_the_strategy()
    {
        List<KpiRecord> sheet = [.. Asahikawa.Where(k => k.Source.File == File000)];
        Assert.Equal(30, sheet.Count);
        Assert.All(sheet, k => Assert.Contains(k.RelatedSources, c => c.File == File001));
        Assert.All(sheet, k => Assert.Contains(k.RelatedSources, c => c.File == File000));

        // The strategy's linked records are folded in; its goal targets and the two shared カ〜ケ indicators stay.
        Assert.Equal(6, Asahikawa.Count(k => k.Source.File == File001));
        Assert.Equal(36, Asahikawa.Count);
    }

    [Fact]
    public void Baseline_and_target_from_the_strategy_where_the_sheet_is_blank()
    {
        KpiRecord k = Asahikawa.Single(k => k.Indicator.StartsWith("子どもたちへの教育環境が充実", StringComparison.Ordinal));
        Assert.Equal(File000, k.Source.File);
        Assert.Equal(15, k.Source.Line);
        Assert.Equal("学校教育部", k.Department);
        Assert.Equal(34.2m, k.Baseline!.Number);
        Assert.Equal(new Citation(File001, k.Baseline.Source.Title, "旭川市", 184, 184, k.Baseline.Source.Quote), k.Baseline.Source);
        Assert.Equal(38.5m, k.Target!.Number);
        Assert.Contains(k.AllSources(), c => c.Covers(File001, 184));
        Assert.Contains(k.AllSources(), c => c.Covers(File000, 15));
    }

    [Fact]
    public void Actual_from_the_sheet_and_sheet_values_kept()
    {
        KpiRecord k = Asahikawa.Single(k => k.Indicator.StartsWith("国際・全国等スポーツ大会数", StringComparison.Ordinal));
        Assert.Equal(3m, k.Actual!.Number);
        Assert.Equal(File000, k.Actual.Source.File);
        Assert.Equal("13 (平成30年度)", k.Baseline!.Text);
        Assert.Equal("13件", k.Baseline.Display);
        Assert.Equal("19件", k.Target!.Display);
        Assert.Contains(k.RelatedSources, c => c.Covers(File001, 315));
    }

    [Fact]
    public void Near_identical_names_link()
    {
        KpiRecord homepage = Asahikawa.Single(k => k.Indicator.StartsWith("ホームペーリアクセス", StringComparison.Ordinal));
        Assert.Contains(homepage.RelatedSources, c => c.Covers(File001, 550));

        KpiRecord winter = Asahikawa.Single(k => k.Indicator.StartsWith("冬期(12-3月)", StringComparison.Ordinal));
        Assert.Contains(winter.RelatedSources, c => c.Covers(File001, 342));

        KpiRecord pageViews = Asahikawa.Single(k => k.Indicator.StartsWith("あさひかわ縁結び", StringComparison.Ordinal));
        Assert.Contains(pageViews.RelatedSources, c => c.Covers(File001, 170));
        Assert.Equal(62000m, pageViews.Target!.Number);
        Assert.Equal(new FiscalYear(2018), pageViews.Baseline!.Period!.Start);
    }

    [Fact]
    public void Disagreeing_years_are_noted()
    {
        List<DataQualityNote> notes = [.. All.Notes.Where(n => n.Kind == "period-mismatch")];
        Assert.Equal(2, notes.Count);
        Assert.All(notes, n => Assert.Contains(n.Sources, c => c.File == File000));
        Assert.All(notes, n => Assert.Contains(n.Sources, c => c.File == File001));
        Assert.Contains(notes, n => n.Message.Contains("42件（R6年度）", StringComparison.Ordinal));
        Assert.DoesNotContain(All.Notes, n => n.Kind == "value-mismatch");
    }

    [Fact]
    public void Sheet_measures_agree_with_the_strategy_but_one_number()
    {
        // The realigned rows of the sheet (ウ/エ/オ of goal 4) land under the strategy's measures; only the sheet's ④ is the strategy's ③.
        DataQualityNote note = Assert.Single(All.Notes, n => n.Kind == "measure-mismatch");
        Assert.Contains("④ 冬季のイベントやアクティビティ等の充実による冬季観光の推進", note.Message, StringComparison.Ordinal);
        Assert.Contains("③ 冬季のイベントやアクティビティ等の充実による冬季観光の推進", note.Message, StringComparison.Ordinal);
        Assert.Equal([48, 342], note.Sources.Select(s => s.Line));
    }

    [Fact]
    public void Names_normalise_across_documents()
    {
        Assert.Equal(
            NameSimilarity.NormalizeIndicator("子どもたちが健やかに成長していると感じる市民の割合(市民アンケート結果)(%)"),
            NameSimilarity.NormalizeIndicator("子どもたちが健やかに成長していると感じる市民の割合（市民アンケート結果）"));
        Assert.Equal(
            NameSimilarity.NormalizeIndicator("北北海道の自治体との連携による取組数(各年度件数)"),
            NameSimilarity.NormalizeIndicator("北北海道の自治体との連携による取組数：（各年度件数）"));
        Assert.Equal(
            NameSimilarity.NormalizeIndicator("粗付加価値額"),
            NameSimilarity.NormalizeIndicator("粗付加価値額<sup>21</sup>"));
        Assert.Equal(1.0, NameSimilarity.Dice("abc", "abc"));
        Assert.Equal(0.0, NameSimilarity.Dice("ab", "cd"));
    }

    [Fact]
    public void Records_of_one_document_are_never_linked_to_each_other()
    {
        RecordSet linked = new EvaluationStrategyLinker().Link(SheetRecords);
        Assert.Equal(SheetRecords.Kpis.Count, linked.Kpis.Count);
        Assert.All(linked.Kpis, k => Assert.Empty(k.RelatedSources));
    }
}
