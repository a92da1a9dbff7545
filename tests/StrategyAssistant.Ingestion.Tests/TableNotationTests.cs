using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Formats;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Tests.Synthetic;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Tests;

/// <summary>The table notations of issue 9 A besides the figures the synthetic-city theories check: which money column is
/// the budget, wrapped project names, decorated measure headings, header years, kanji numerals and spilled values.</summary>
public sealed class TableNotationTests
{
    private static readonly CorpusIngestor s_ingestor = new(StrategyVocabulary.Default, new IngestionOptions());

    public static TheoryData<string> Forms => ["text", "pdf", "xlsx"];

    [Theory]
    [MemberData(nameof(Forms))]
    public void The_budget_is_the_preferred_money_column_and_a_wrapped_name_is_one_project(string form)
    {
        RecordSet records = Read("朝凪町", form);
        Assert.Equal(
            [("漁業研修生受入事業", "5,200", "2,600", "水産課"), ("遊休漁船活用・担い手マッチング事業", "1,830", "900", "水産課")],
            records.Projects.Select(p => (p.Name, p.Budget!.Text, p.Grant, p.Department)));
        Assert.All(records.Projects, p => Assert.Equal("千円", p.Budget!.Unit));
        Assert.All(records.Projects, p => Assert.Equal("漁業の担い手づくり", p.Measure?.Title));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Bracketed_and_Markdown_measure_headings_set_the_measure_of_the_rows_under_them(string form)
    {
        Assert.Equal("漁業の担い手づくり", Read("朝凪町", form).Kpis.Single(k => !k.IsGoalTarget).Measure?.Title);
        Assert.All(Read("夕凪村", form).Kpis, k => Assert.Equal(("移住の受け皿づくり", 2), (k.Measure?.Title, k.Goal?.Number)));
    }

    [Fact]
    public void A_judgement_column_is_the_evaluation_and_an_as_of_date_keeps_its_words()
    {
        Assert.Equal("順調", Read("朝凪町", "text").Kpis.Single(k => !k.IsGoalTarget).Evaluation);
        KpiRecord kpi = Read("夕凪村", "text").Kpis.Single(k => k.Indicator == "移住相談会の開催回数");
        Assert.Equal(("R5.3月末", 2022), (kpi.Actual!.Period!.Text, kpi.Actual.Period.Start.Year));
        Assert.Equal("七回", kpi.Actual.Text);
    }

    [Fact]
    public void A_spilled_span_target_is_joined_to_its_cell_and_cites_the_row()
    {
        KpiRecord kpi = Read("夕凪村", "text").Kpis.Single(k => k.Indicator == "お試し住宅の利用世帯数");
        Assert.Equal("5年間で六十世帯", kpi.Target!.Text);
        Assert.True(kpi.Target.Period!.Cumulative);
        Assert.Equal((2020, 2024), (kpi.Target.Period.Start.Year, kpi.Target.Period.End.Year));
    }

    [Theory]
    [InlineData("十五人", 15, "人")]
    [InlineData("二十件", 20, "件")]
    [InlineData("百二十回", 120, "回")]
    [InlineData("４万２千人", 42000, "人")]
    [InlineData("1億2千万円", 120000000, "円")]
    [InlineData("十二万人", 12, "万人")]
    public void Kanji_numerals_are_figures(string text, int number, string unit)
    {
        Assert.True(Interpreters.KanjiNumerals.TryParse(text, out decimal value, out string? parsedUnit));
        Assert.Equal(((decimal)number, unit), (value, parsedUnit));
    }

    [Theory]
    [InlineData("千人")]
    [InlineData("万円")]
    [InlineData("一部実施")]
    [InlineData("1,200人")]
    [InlineData("一件")]
    [InlineData("〇人")]
    public void A_multiplier_alone_a_word_a_dash_look_alike_or_digits_only_are_no_kanji_figure(string text)
    {
        var source = new Citation("t.txt", "t", "乙町", 1, 1, text);
        KpiValue value = Interpreters.CellValue.Value(text, source);
        Assert.True(text.Any(char.IsAsciiDigit) ? value.Number == 1200 : value.Number is null, $"{text}: {value.Number}");
    }

    [Fact]
    public void A_card_value_after_a_qualifier_word_is_read_with_kanji_multipliers()
    {
        const string text = "乙町 KPI\n\n【指標名】展望台の来訪者数\n【基準値】約3万4千人（令和元年度）\n【目標値】4万人（令和6年度）\n【実績値】3万6千人（令和5年度）\n";
        KpiRecord kpi = Assert.Single(ReadText(text).Kpis);
        Assert.Equal(("約3万4千人（令和元年度）", 34000m, "約"), (kpi.Baseline!.Text, kpi.Baseline.Number, kpi.Baseline.Note?.Split(' ')[0]));
        Assert.Equal(36000m, kpi.Actual!.Number);
    }

    [Theory]
    [InlineData("直近値（R5.3月末）", 2022, "R5.3月末")]
    [InlineData("実績（令和5年9月末時点）", 2023, "令和5年9月末時点")]
    [InlineData("基準値（2019）", 2019, "2019")]
    [InlineData("FY2021", 2021, "FY2021")]
    [InlineData("目標値（令和6年度）", 2024, "令和6年度")]
    public void A_header_names_its_year_in_any_of_these_forms(string header, int year, string written)
    {
        FiscalPeriod period = HeaderYear.Of(header, StrategyVocabulary.Default)!;
        Assert.Equal((year, written), (period.Start.Year, period.Text));
    }

    [Theory]
    [InlineData("R5当初予算", "R4決算額", 0)]
    [InlineData("決算額", "予算額", 1)]
    [InlineData("事業費", "うち交付金", 0)]
    public void The_vocabulary_prefers_a_budget_over_a_settlement_whatever_the_order(string first, string second, int preferred)
    {
        StrategyVocabulary v = StrategyVocabulary.Default;
        Assert.Equal(ColumnRole.Grant, v.RoleOf("うち交付金（円）"));
        Assert.Equal(preferred, v.Preferred(ColumnRole.Budget, [(first, v.RoleOf(first)), (second, v.RoleOf(second))]));
    }

    [Fact]
    public void A_document_with_a_known_notation_and_a_table_of_another_keeps_the_rows_of_both()
    {
        // A numbered budget list (a notation with its own reader) and, further on, a KPI table of years under 基準値（2019）.
        const string text = "丁町 総合戦略 事業と指標\n\n（単位：千円）\n番号\t事業名\t担当部局\t予算事業費\n1\t移住支援事業\t企画課\t1,000\n2\t空き家改修補助事業\t建設課\t2,000\n\n"
            + "指標名\t基準値（2019）\t目標値（FY2024）\t実績値（FY2022）\n転入者数（人）\t210\t260\t232\n";
        var info = new DocumentInfo("t.txt", "丁町", "事業と指標", "strategy", string.Empty, "丁町");
        RecordSet records = s_ingestor.ReadRecords(TextDocumentReader.FromText(info, text)).Records;
        Assert.Equal(["移住支援事業", "空き家改修補助事業"], records.Projects.Select(p => p.Name));
        KpiRecord kpi = Assert.Single(records.Kpis);
        Assert.Equal((210m, 2019, 260m, 2024, 232m, 2022), (kpi.Baseline!.Number, kpi.Baseline.Period!.Start.Year, kpi.Target!.Number, kpi.Target.Period!.End.Year, kpi.Actual!.Number, kpi.Actual.Period!.Start.Year));
    }

    [Fact]
    public void A_claimed_notation_keeps_its_region_and_a_table_elsewhere_is_read_by_its_header_roles()
    {
        // The bundled evaluation sheet (read by its own notation interpreter) with a town's KPI card appended after it.
        SourceDocument sheet = TestCorpus.Document("000");
        string text = string.Join('\n', sheet.Lines) + "\n\n【指標名】転入支援窓口の相談件数\n【基準値】210件（令和元年度）\n【目標値】260件（令和6年度）\n【実績値】232件（令和4年度）\n";
        (RecordSet alone, _) = s_ingestor.ReadRecords(TextDocumentReader.FromText(sheet.Info, string.Join('\n', sheet.Lines)));
        (RecordSet records, string reader) = s_ingestor.ReadRecords(TextDocumentReader.FromText(sheet.Info, text));
        Assert.True(alone.Kpis.Count + 1 == records.Kpis.Count, $"{alone.Kpis.Count} -> {records.Kpis.Count}: {records.Kpis[^1].Indicator} {records.Kpis[^1].Source.Line}; lines {sheet.LineCount}");
        Assert.Equal("evaluation-sheet+interpreters", reader);
        Assert.Equal(alone.Kpis.Select(k => k.Id), records.Kpis.Take(alone.Kpis.Count).Select(k => k.Id));
        KpiRecord added = records.Kpis[^1];
        Assert.Equal(("転入支援窓口の相談件数", 260m, 2024), (added.Indicator, added.Target!.Number, added.Target.Period!.End.Year));
    }

    [Fact]
    public void A_card_of_one_field_a_line_gives_its_evaluation_and_department_and_the_next_card_starts_afresh()
    {
        SyntheticCity city = GeneralityCities.All.Single(c => c.City == "霞ヶ丘村");
        RecordSet records = SyntheticDocumentTests.Read(city, new TextDocumentReader(), System.Text.Encoding.UTF8.GetBytes(Renderings.Text(city)), ".txt");
        Assert.Equal(
            [("新規林業就業者数", "○", "林務課"), ("森林ボランティアの登録者数", "△", "教育委員会")],
            records.Kpis.Where(k => !k.IsGoalTarget).Select(k => (k.Indicator, k.Evaluation, k.Department)));
        Assert.Equal("累計十二人（令和6年度）", records.Kpis.Single(k => k.Indicator == "新規林業就業者数").Target!.Text);
    }

    [Theory]
    [InlineData("No.\t事業名\t区分\t令和５年度\n\t\t\t決算見込額\tうち交付金\t担当課\n1\t森の学校運営事業\t継続\t4,300\t2,150\t林務課\n2\t木の駅整備事業\t新規\t12,800\t6,400\t林務課")]
    [InlineData("番号\t事業名\tR5年度\n\t\t当初予算額\tうち交付金\t担当課\n1\t森の学校運営事業\t4,300\t2,150\t林務課\n2\t木の駅整備事業\t12,800\t6,400\t林務課")]
    public void A_year_over_the_money_columns_of_a_project_list_is_read_with_the_line_under_it(string table)
    {
        RecordSet records = ReadText("森の町 関連事業（単位：千円）\n" + table);
        Assert.Equal([("森の学校運営事業", "4,300", "林務課"), ("木の駅整備事業", "12,800", "林務課")], records.Projects.Select(p => (p.Name, p.Budget!.Text, p.Department)));
    }

    [Fact]
    public void Years_over_target_and_actual_sub_columns_on_a_page_give_the_final_target_and_the_latest_actual()
    {
        RecordSet records = ReadText(string.Join('\n',
            "施策1 森の仕事",
            "  指標名                   当初値      R3年度          R4年度          R5年度    判定      所管課",
            "                                       目標   実績     目標   実績     目標",
            "  木工体験の参加者数       120人       150    132      180    －       10～20    未達成    林務課",
            "  森林整備の面積           40ha        45     47       50     52       毎年55ha  達成      林務課",
            "  指標名                   当初値      R3年度          R4年度          R5年度    判定      所管課",
            "                                       目標   実績     目標   実績     目標",
            "  薪の販売量               30t         32     35       34     36       40t       達成      林務課"));
        Assert.Equal(
            [("木工体験の参加者数", "120人", "10～20", "132", "林務課"), ("森林整備の面積", "40ha", "毎年55ha", "52", "林務課"), ("薪の販売量", "30t", "40t", "36", "林務課")],
            records.Kpis.Select(k => (k.Indicator, k.Baseline!.Text, k.Target!.Text, k.Actual!.Text, k.Department)));
    }

    private static RecordSet ReadText(string text)
    {
        var info = new DocumentInfo("t.txt", "乙町", "KPI", "strategy", string.Empty, "乙町");
        return s_ingestor.ReadRecords(TextDocumentReader.FromText(info, text)).Records;
    }

    private static RecordSet Read(string name, string form)
    {
        SyntheticCity city = TableNotationCities.All.Single(c => c.City == name);
        return form switch
        {
            "pdf" => SyntheticDocumentTests.Read(city, new PdfDocumentReader(), Renderings.Pdf(city), ".pdf"),
            "xlsx" => SyntheticDocumentTests.Read(city, new XlsxDocumentReader(), Renderings.Xlsx(city), ".xlsx"),
            _ => SyntheticDocumentTests.Read(city, new TextDocumentReader(), System.Text.Encoding.UTF8.GetBytes(Renderings.Text(city)), ".txt"),
        };
    }
}
