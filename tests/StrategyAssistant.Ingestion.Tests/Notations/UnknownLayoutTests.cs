using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Ingestion.Interpreters;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests.Notations;

/// <summary>A layout no notation interpreter claims is read by the header-role and arrow-line interpreters
/// (<see cref="DocumentInterpreter"/>); the documents a notation interpreter claims are read by it alone.</summary>
public class UnknownLayoutTests
{
    private static readonly INotationInterpreter[] s_layouts = [new YearColumnProgressInterpreter(), new MeasureKpiTableInterpreter(), new StatusKpiTableInterpreter()];
    private static readonly DocumentInterpreter s_generic = new(StrategyVocabulary.Default);

    private static SourceDocument OtherCity(params string[] lines) =>
        new(new DocumentInfo("900_test.txt", "架空市", "架空市 総合戦略", "strategy", "令和2年度～令和6年度", "架空市"), lines);

    [Fact]
    public void Every_bundled_document_is_claimed_by_a_notation_interpreter()
    {
        foreach (SourceDocument document in TestCorpus.Corpus.Documents)
        {
            Assert.Contains(NotationInterpreters.All, i => i.CanRead(document));
        }
    }

    [Fact]
    public void Registered_readers_read_each_kpi_of_the_claimed_layouts_once()
    {
        // Every KPI of the three layouts is read once.
        SourceDocument[] documents = [.. new[] { "002", "003", "004" }.Select(TestCorpus.Document)];
        RecordSet all = CorpusKnowledge.ReadRecords(documents);
        int expected = s_layouts.Sum(x => documents.Where(x.CanRead).Sum(d => x.Extract(d).Kpis.Count));
        Assert.Equal(expected, all.Kpis.Count);
        Assert.Equal(all.Kpis.Count, all.Kpis.Select(k => k.Id).Distinct().Count());
    }

    [Fact]
    public void Reads_the_common_patterns_in_an_unknown_layout()
    {
        SourceDocument doc = OtherCity(
            "基本目標1 しごとをつくる",
            "○新規就農者数：20人（R6年度）←12人（R1年度）",
            "○観光入込客数（各年度人数）",
            "：150万人（R6年度）←120.5万人（H30年度）",
            "移住支援事業\t移住者数 ／10人(令和元年)→50人(5年間)",
            string.Empty,
            "指標\t基準値(R1)\t実績(R3)\t目標値(R6)",
            "転入者数\t1,200人\t1,150人\t1,300人",
            "合計特殊出生率\t1.31\t1.25\t1.40",
            string.Empty);
        Assert.DoesNotContain(NotationInterpreters.All, i => i.CanRead(doc));
        RecordSet set = Read(doc);
        Assert.Equal(5, set.Kpis.Count);

        KpiRecord farmers = set.KpiAt(2);
        Assert.Equal("新規就農者数", farmers.Indicator);
        Assert.Equal(1, farmers.Goal!.Number);
        RecordTestSupport.AssertValue(farmers.Baseline, "12人（R1年度）", 12m, "人", 2019, 2019, "900_test.txt", 2);
        RecordTestSupport.AssertValue(farmers.Target, "20人（R6年度）", 20m, "人", 2024, 2024, "900_test.txt", 2);

        // The indicator on the line before its values.
        KpiRecord visitors = set.KpiAt(3);
        Assert.Equal("観光入込客数（各年度人数）", visitors.Indicator);
        Assert.Equal((3, 4), (visitors.Source.Line, visitors.Source.LineEnd));
        RecordTestSupport.AssertValue(visitors.Baseline, "120.5万人（H30年度）", 120.5m, "万人", 2018, 2018, "900_test.txt", 4);

        KpiRecord movers = set.KpiAt(5);
        Assert.Equal("移住者数", movers.Indicator);
        RecordTestSupport.AssertValue(movers.Baseline, "10人(令和元年)", 10m, "人", 2019, 2019, "900_test.txt", 5);
        Assert.Equal("50人(5年間)", movers.Target!.Text);

        KpiRecord table = set.KpiAt(8);
        Assert.Equal("転入者数", table.Indicator);
        RecordTestSupport.AssertValue(table.Baseline, "1,200人", 1200m, "人", 2019, 2019, "900_test.txt", 8);
        RecordTestSupport.AssertValue(table.Actual, "1,150人", 1150m, "人", 2021, 2021, "900_test.txt", 8);
        RecordTestSupport.AssertValue(table.Target, "1,300人", 1300m, "人", 2024, 2024, "900_test.txt", 8);
        Assert.Equal(1.40m, set.KpiAt(9).Target!.Number);
    }

    [Fact]
    public void The_left_arrow_lines_of_a_strategy_are_read_by_the_document_s_notation_interpreter()
    {
        RecordSet set = CorpusKnowledge.ReadRecords([TestCorpus.Document("001")]);
        KpiRecord education = set.KpiAt(182);
        Assert.Equal("子どもたちへの教育環境が充実していると感じる市民の割合（市民アンケート結果）", education.Indicator);
        RecordTestSupport.AssertValue(education.Baseline, "34.2%（R1年度）", 34.2m, "%", 2019, 2019, "001_a912f52f4cccf086.txt", 184);
        RecordTestSupport.AssertValue(education.Target, "38.5%（R6年度）", 38.5m, "%", 2024, 2024, "001_a912f52f4cccf086.txt", 184);

        KpiRecord employment = set.KpiAt(431);
        Assert.Equal("法定雇用率以上（R6年度）", employment.Target!.Text);
        Assert.Null(employment.Target.Number);

        KpiRecord pages = set.KpiAt(550);
        RecordTestSupport.AssertValue(pages.Baseline, "1,669 万件（H28-H30年度の平均値）", 1669m, "万件", 2016, 2018, "001_a912f52f4cccf086.txt", 552);
    }

    [Fact]
    public void Rows_that_are_not_figures_are_skipped()
    {
        SourceDocument doc = OtherCity(
            "指標\t基準値\t目標値",
            "人口(人)\t基準値\t目標値",
            "—\t30\t56",
            "転出者数\t未集計\t—");
        Assert.Empty(Read(doc).Kpis);
    }

    private static RecordSet Read(SourceDocument document) => s_generic.Read(RecordTestSupport.Lines(document).Layout);
}
