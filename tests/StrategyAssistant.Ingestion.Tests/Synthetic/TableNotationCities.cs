namespace StrategyAssistant.Ingestion.Tests.Synthetic;

/// <summary>Fictional towns for the table notations of issue 9 A: measure headings in brackets or after Markdown's #, year
/// columns headed FY2021 under a 基準値（2019）, a 判定 column, an as-of date as a column's year (直近値（R5.3月末）), kanji
/// numerals as figures, a span target cut onto the next line, and project lists with two money columns, a うち column and
/// names wrapped without a number column. Each is read as text, as a PDF and as an .xlsx.</summary>
public static class TableNotationCities
{
    public static IReadOnlyList<SyntheticCity> All { get; } =
    [
        // Tabs: 【数値目標】 and 【施策1-1 …】 captions over 区分 tables with FY year columns and a 判定 column; then a project
        // list whose money columns are R5当初予算 | R4決算額 | うち交付金, with names wrapped onto the next row.
        new("朝凪町", "t01_fycolumns.txt", "朝凪町 総合戦略検証シート", TextNotation.Tabs,
        [
            ["朝凪町総合戦略 検証シート"],
            [""],
            ["基本目標1 海とともに働く"],
            [""],
            ["【数値目標】"],
            ["指標名", "基準値（2019）", "区分", "FY2021", "FY2022", "FY2023", "判定"],
            ["町内の漁獲量（t）", "820", "目標", "830", "840", "850", ""],
            ["", "", "実績", "812", "845", "", "概ね順調"],
            [""],
            ["【施策1-1 漁業の担い手づくり】"],
            ["指標名", "基準値（2019）", "区分", "FY2021", "FY2022", "FY2023", "判定"],
            ["新規漁業就業者数（人）", "2", "目標", "3", "4", "5", ""],
            ["", "", "実績", "3", "5", "6", "順調"],
            [""],
            ["（単位：千円）"],
            ["施策", "事業名", "担当課", "R5当初予算", "R4決算額", "うち交付金"],
            ["1-1", "漁業研修生受入事業", "水産課", "5,200", "4,870", "2,600"],
            ["", "遊休漁船活用・", "", "", "", ""],
            ["", "担い手マッチング事業", "水産課", "1,830", "1,410", "900"],
        ],
        [
            new("町内の漁獲量（t）", 820, 2019, 850, 2023, 845, 2022, "t", Goal: true),
            new("新規漁業就業者数（人）", 2, 2019, 5, 2023, 6, 2023, "人"),
        ]),

        // Tabs: a Markdown heading ### 施策2 over a table; the current value's year is an as-of date (R5.3月末 → FY2022);
        // kanji numerals as figures; a 5年間で target cut onto the next line under its cell.
        new("夕凪村", "t02_kanjifigures.txt", "夕凪村 KPI一覧", TextNotation.Tabs,
        [
            ["夕凪村総合戦略 KPI一覧"],
            [""],
            ["## 基本目標2 人を迎える"],
            [""],
            ["### 施策2 移住の受け皿づくり"],
            [""],
            ["指標", "現状値（R3）", "目標値（R6）", "直近値（R5.3月末）"],
            ["お試し住宅の利用世帯数", "十二世帯", "5年間で", "三十一世帯"],
            ["", "", "六十世帯", ""],
            ["移住相談会の開催回数", "４回", "十回", "七回"],
        ],
        [
            new("お試し住宅の利用世帯数", 12, 2021, 60, 2024, 31, 2022, "世帯"),
            new("移住相談会の開催回数", 4, 2021, 10, 2024, 7, 2022, "回"),
        ]),
    ];
}
