using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Formats;
using StrategyAssistant.Ingestion.Tests.Synthetic;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests;

/// <summary>What the other-notation towns must carry besides their figures: status meanings from the document's own legend
/// (and none without one), missing-value reasons with their lines, achievement cells, goal/measure paths, stated totals per
/// goal, and the same records from pipe tables, CSV rows, PDF and .xlsx as from the tab-separated text.</summary>
public sealed class OtherNotationTests
{
    private static readonly CorpusIngestor s_ingestor = new(StrategyVocabulary.Default, new IngestionOptions());

    public static TheoryData<string> Forms => ["text", "pdf", "xlsx"];

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_symbol_means_what_the_legend_line_says_and_cites_it(string form)
    {
        RecordSet records = Read("霧ヶ原村", form);
        KpiRecord kpi = records.Kpis.Single(k => k.Indicator == "間伐面積（ha）");
        Assert.Equal("△", kpi.Status);
        Assert.Equal("目標値の50％以上80％未満", kpi.StatusMeaning!.Meaning);
        Assert.Contains("◎：目標値を達成", kpi.StatusMeaning.Legend.Quote, StringComparison.Ordinal);
        Assert.Equal(form == "xlsx" ? 4 : 3, kpi.StatusMeaning.Legend.Line);
        Assert.Equal("目標値を達成", records.Kpis.Single(k => k.Indicator == "木材加工品数（品）").StatusMeaning!.Meaning);
    }

    [Fact]
    public void Letters_follow_their_legend_and_a_symbol_without_one_keeps_no_meaning()
    {
        RecordSet letters = Read("桐生台市", "text");
        Assert.Equal(("C", "やや遅れ"), (letters.Kpis.Single(k => k.Indicator == "観光入込客数").Status, letters.Kpis.Single(k => k.Indicator == "観光入込客数").StatusMeaning!.Meaning));

        const string text = "甲町 KPI\n\n指標\t基準値\t目標値\t実績値\t評価\n転入者数\t210人\t260人\t232人\t○\n";
        KpiRecord kpi = Assert.Single(ReadText(text).Kpis);
        Assert.Null(kpi.Status);
        Assert.Equal("○", kpi.Evaluation);
        Assert.Null(kpi.StatusMeaning);
    }

    [Fact]
    public void Status_words_follow_a_legend_of_words()
    {
        const string text = "戊町 KPI\n\n達成：目標値以上　概ね順調：目標値の80％以上　遅れ：目標値の80％未満\n\n指標\t基準値\t目標値\t実績値\t達成状況\n転入者数\t210人\t260人\t232人\t概ね順調\n";
        KpiRecord kpi = Assert.Single(ReadText(text).Kpis);
        Assert.Equal(("概ね順調", "目標値の80％以上", 3), (kpi.StatusMeaning!.Symbol, kpi.StatusMeaning.Meaning, kpi.StatusMeaning.Legend.Line));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_target_row_per_year_gives_the_yearly_targets_and_the_last_one_is_the_target(string form)
    {
        KpiRecord kpi = Read("楢岡村", form).Kpis.Single(k => k.Indicator == "村内の新規就業者数（人）");
        Assert.Equal([(2022, 4m, 3m), (2023, 5m, 5m), (2024, 6m, (decimal?)null)], kpi.Series.Select(s => (s.Year.Year, s.Target!.Number!.Value, s.Actual?.Number)));
    }

    [Fact]
    public void An_inline_meaning_beside_a_card_letter_is_its_own_legend()
    {
        KpiRecord kpi = Read("葦原町", "text").Kpis.Single(k => k.Indicator == "新規漁業就業者数");
        Assert.Equal("Ｂ（概ね順調）", kpi.Evaluation);
        Assert.Equal(("Ｂ", "概ね順調"), (kpi.StatusMeaning!.Symbol, kpi.StatusMeaning.Meaning));
        Assert.Equal(11, kpi.StatusMeaning.Legend.Line);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void A_missing_actual_keeps_the_reason_the_row_or_a_footnote_gives(string form)
    {
        RecordSet records = Read("霧ヶ原村", form);
        KpiValue remark = records.Kpis.Single(k => k.Indicator == "子育てひろば参加者数（人）").Actual!;
        Assert.Equal("－", remark.Text);
        Assert.Equal("感染症の影響によりひろばを休止したため", remark.MissingReason!.Text);
        Assert.Contains("感染症の影響によりひろばを休止したため", remark.MissingReason.Source.Quote, StringComparison.Ordinal);
        int offset = form == "xlsx" ? 1 : 0;
        Assert.Equal(19 + offset, remark.MissingReason.Source.Line);

        KpiValue mark = records.Kpis.Single(k => k.Indicator == "乗合タクシー利用者数（人）").Actual!;
        Assert.Equal("算出不可", mark.Text);
        Assert.StartsWith("※3 実績値の「算出不可」は", mark.MissingReason!.Text, StringComparison.Ordinal);
        Assert.Equal(22 + offset, mark.MissingReason.Source.Line);

        KpiValue blank = records.Kpis.Single(k => k.Indicator == "村民満足度").Actual!;
        Assert.Equal(string.Empty, blank.Text);
        Assert.Null(blank.Number);
        Assert.StartsWith("※2 村民満足度は", blank.MissingReason!.Text, StringComparison.Ordinal);
        Assert.Equal(12 + offset, blank.MissingReason.Source.Line);

        // A figure has no reason, and a blank cell with nothing to say stays no value.
        Assert.Null(records.Kpis.Single(k => k.Indicator == "間伐面積（ha）").Actual!.MissingReason);
    }

    [Fact]
    public void A_card_actual_keeps_the_reason_in_its_parenthesis_or_its_footnote()
    {
        RecordSet records = Read("葦原町", "text");
        KpiValue dash = records.Kpis.Single(k => k.Indicator == "海水浴場利用者数").Actual!;
        Assert.Equal("令和４年度は海水浴場を開設せず", dash.MissingReason!.Text);
        Assert.Equal(17, dash.MissingReason.Source.Line);
        KpiValue surveying = records.Kpis.Single(k => k.Indicator == "移住相談件数").Actual!;
        Assert.Equal("調査中", surveying.Text);
        Assert.Equal(23, surveying.MissingReason!.Source.Line);
        Assert.True(records.Kpis.Single(k => k.Indicator == "水産業従事者数").IsGoalTarget);
        Assert.Equal("担い手の育成", records.Kpis.Single(k => k.Indicator == "新規漁業就業者数").Measure!.Title);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Goal_and_measure_columns_and_heading_rows_place_each_row(string form)
    {
        RecordSet mist = Read("霧ヶ原村", form);
        Assert.Equal("暮らしを守る", mist.Kpis.Single(k => k.Indicator == "村民満足度").Goal!.Title);
        Assert.Equal(("②", "子育て支援"), (mist.Kpis.Single(k => k.Indicator == "子育てひろば参加者数（人）").Measure!.Mark, mist.Kpis.Single(k => k.Indicator == "子育てひろば参加者数（人）").Measure!.Title));
        Assert.Equal("林務課", mist.Kpis.Single(k => k.Indicator == "間伐面積（ha）").Department);

        RecordSet holly = Read("柊台町", form);
        Assert.Equal("産業の振興", holly.Kpis.Single(k => k.IsGoalTarget).Goal!.Title);
        Assert.Equal("観光の推進", holly.Kpis.Single(k => k.Indicator == "体験型観光プログラム参加者数(人)").Measure!.Title);
        Assert.Equal("46.7%", holly.Kpis.Single(k => k.Indicator == "体験型観光プログラム参加者数(人)").Achievement!.Text);
        Assert.Equal(50.0m, holly.Kpis.Single(k => k.IsGoalTarget).Achievement!.Number);
    }

    [Fact]
    public void Heading_rows_inside_a_table_set_the_level_and_the_measure()
    {
        RecordSet records = Read("湊川市", "pdf");
        Assert.True(records.Kpis.Single(k => k.Indicator == "市内従業者数（人）").IsGoalTarget);
        KpiRecord wrapped = records.Kpis.Single(k => k.Indicator == "誘致企業の新規雇用者数（人）");
        Assert.Equal("企業誘致の促進", wrapped.Measure!.Title);
        Assert.Equal("目標達成は困難", wrapped.StatusMeaning!.Meaning);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Stated_subtotals_carry_the_goal_they_total_and_are_not_projects(string form)
    {
        RecordSet records = Read("松風町", form);
        Assert.Equal(["新規就農支援事業", "創業支援事業", "移住体験住宅運営事業"], records.Projects.Select(p => p.Name));
        Assert.DoesNotContain(records.Projects, p => p.Name is "小計" or "合計");
        ListTotal first = records.Totals.First(t => t.Kind == "subtotal");
        Assert.Equal((1, "仕事をつくる"), (first.Goal!.Number, first.Goal.Title));
        Assert.Equal((11000m, 11000m, 2), (first.Budget!.Amount!.Value, first.ListedBudget, first.ListedCount));
        ListTotal total = records.Totals.Single(t => t.Kind == "total");
        Assert.Null(total.Goal);
        Assert.Equal((12900m, 3), (total.ListedBudget, total.ListedCount));
        Assert.True(total.Agrees);
        Assert.Equal("仕事をつくる", records.Kpis.Single(k => k.Indicator == "新規就農者数").Goal!.Title);
        Assert.Equal("新規就農支援事業", records.Kpis.Single(k => k.Indicator == "新規就農者数").Project);
    }

    [Fact]
    public void A_subtotal_per_measure_names_its_measure()
    {
        const string text = "乙町 事業一覧\n\n（単位：千円）\n事業名\t担当課\t事業費\n①移住の促進\n移住支援事業\t企画課\t1,000\n空き家改修補助事業\t建設課\t2,000\n小計\t\t3,000\n②観光の振興\n観光案内所運営事業\t商工課\t500\n小計\t\t500\n合計\t\t3,500\n";
        RecordSet records = ReadText(text);
        var subtotals = records.Totals.Where(t => t.Kind == "subtotal").ToList();
        Assert.Equal(["移住の促進", "観光の振興"], subtotals.Select(t => t.Measure!.Title));
        Assert.Equal([3000m, 500m], subtotals.Select(t => t.ListedBudget));
        Assert.Null(records.Totals.Single(t => t.Kind == "total").Measure);
    }

    [Fact]
    public void A_pipe_table_and_csv_rows_read_as_the_tab_separated_table_does()
    {
        const string tabs = "丙市 KPI\n\n指標\t基準値（2019年度）\t目標値（2024年度）\t実績値（2022年度）\t達成率\n創業件数\t12件\t30件\t21件\t50.0%\n観光入込客数（千人）\t1,200\t1,500\t1,320\t40.0%\n";
        const string pipes = "丙市 KPI\n\n| 指標 | 基準値（2019年度） | 目標値（2024年度） | 実績値（2022年度） | 達成率 |\n|---|---|---|---|---|\n| 創業件数 | 12件 | 30件 | 21件 | 50.0% |\n| 観光入込客数（千人） | 1,200 | 1,500 | 1,320 | 40.0% |\n";
        const string csv = "丙市 KPI\n\n指標,基準値（2019年度）,目標値（2024年度）,実績値（2022年度）,達成率\n創業件数,12件,30件,21件,50.0%\n観光入込客数（千人）,\"1,200\",\"1,500\",\"1,320\",40.0%\n";
        string Shape(RecordSet r) => string.Join("\n", r.Kpis.Select(k => $"{k.Indicator}|{k.Baseline?.Number}|{k.Baseline?.Period}|{k.Target?.Number}|{k.Target?.Period}|{k.Actual?.Number}|{k.Actual?.Period}|{k.Unit}|{k.Achievement?.Text}"));
        RecordSet fromTabs = ReadText(tabs);
        Assert.Equal(2, fromTabs.Kpis.Count);
        Assert.Equal(Shape(fromTabs), Shape(ReadText(pipes)));
        Assert.Equal(Shape(fromTabs), Shape(ReadText(csv)));
        var info = new DocumentInfo("p.csv", "丙市", "KPI", "strategy", string.Empty, "丙市");
        string csvFile = csv.Replace("丙市 KPI\n\n", string.Empty, StringComparison.Ordinal);
        Assert.Equal(Shape(fromTabs), Shape(s_ingestor.ReadRecords(new TextDocumentReader().Read(info, System.Text.Encoding.UTF8.GetBytes(csvFile))).Records));
    }

    [Fact]
    public void A_comma_in_a_number_or_a_sentence_does_not_make_a_line_csv()
    {
        const string text = "丁町\n\n○観光入込客数：1,200人（R1年度）→ 1,500人（R6年度）\n本町では、観光、移住、子育てを柱とします。\n";
        KpiRecord kpi = Assert.Single(ReadText(text).Kpis);
        Assert.Equal((1200m, 1500m), (kpi.Baseline!.Number, kpi.Target!.Number));
    }

    private static RecordSet ReadText(string text)
    {
        var info = new DocumentInfo("t.txt", "甲町", "KPI", "strategy", string.Empty, "甲町");
        return s_ingestor.ReadRecords(TextDocumentReader.FromText(info, text)).Records;
    }

    private static RecordSet Read(string name, string form)
    {
        SyntheticCity city = OtherNotationCities.All.Single(c => c.City == name);
        return form switch
        {
            "pdf" => SyntheticDocumentTests.Read(city, new PdfDocumentReader(), Renderings.Pdf(city), ".pdf"),
            "xlsx" => SyntheticDocumentTests.Read(city, new XlsxDocumentReader(), Renderings.Xlsx(city), ".xlsx"),
            _ => SyntheticDocumentTests.Read(city, new TextDocumentReader(), System.Text.Encoding.UTF8.GetBytes(Renderings.Text(city)), ".txt"),
        };
    }
}
