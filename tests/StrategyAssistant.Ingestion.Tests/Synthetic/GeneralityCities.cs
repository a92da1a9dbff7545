namespace StrategyAssistant.Ingestion.Tests.Synthetic;

/// <summary>Fictional towns for the notations of the second held-out corpus, in wording of their own: cards of one field a
/// line with kanji numerals and arrow lines with no colon (現状 三十二億円 → 目標 三十五億円); a 区分 column of level words
/// (数値目標 / KPI) beside 基準年度値, 基準年度 and R4実績; a two-line header of years over 目標値 | 実績値 sub-columns with
/// the baseline's year under it, and an arrow line that ends in 直近実績. Each is read as text, as a PDF and (tables) as
/// an .xlsx.</summary>
public static class GeneralityCities
{
    public static IReadOnlyList<SyntheticCity> All { get; } =
    [
        // Cards: 【指標名】 then one field a line, kanji numerals after 累計 / 毎年; goal figures as arrow lines whose label
        // ends at a full-width space before 現状.
        new("霞ヶ丘村", "g01_cards.txt", "霞ヶ丘村 取組状況", TextNotation.Tabs,
        [
            ["霞ヶ丘村 総合戦略 取組状況（令和４年度）"],
            [""],
            ["【基本目標1】森の仕事をつくる"],
            [""],
            ["■数値目標"],
            ["・木材の出荷額　現状 三十二億円 → 目標 三十五億円（令和6年度）"],
            [""],
            ["①林業の担い手"],
            [""],
            ["【指標名】新規林業就業者数"],
            ["【基準値】三人（令和元年度）"],
            ["【目標値】累計十二人（令和6年度）"],
            ["【実績】七人（令和4年度）"],
            ["【達成度】58％"],
            ["【評価】○"],
            ["【所管課】林務課"],
            [""],
            ["【指標名】森林ボランティアの登録者数"],
            ["【基準値】四十五人（令和元年度）"],
            ["【目標値】六十人（令和6年度）"],
            ["【実績】五十二人（令和4年度）"],
            ["【評価】△"],
            ["【所管課】教育委員会"],
        ],
        [
            new("木材の出荷額", 32, null, 35, 2024, Unit: "億円", Goal: true),
            new("新規林業就業者数", 3, 2019, 12, 2024, 7, 2022, "人"),
            new("森林ボランティアの登録者数", 45, 2019, 60, 2024, 52, 2022, "人"),
        ])
        {
            HasSheetForm = false,
        },

        // A ledger whose 区分 column says the row's level, not a 目標/実績 row kind; the baseline's year in a column of its own.
        new("桜川町", "g02_levelcolumn.txt", "桜川町 KPI評価一覧", TextNotation.Tabs,
        [
            ["桜川町 KPI評価一覧（令和４年度）"],
            [""],
            ["番号", "区分", "指標名", "単位", "基準年度値", "基準年度", "目標値(R7)", "R4実績", "評価", "担当部局"],
            ["1", "数値目標", "町内事業所の従業者数", "人", "8,200", "R1", "8,500", "8,310", "B", "産業部"],
            ["2", "KPI", "創業の件数", "件", "6", "R2", "12", "9", "B", "産業部"],
            ["3", "数値目標", "転入者の数", "人", "410", "R1", "450", "398", "C", "企画部"],
        ],
        [
            new("町内事業所の従業者数", 8200, 2019, 8500, 2025, 8310, 2022, "人", Goal: true),
            new("創業の件数", 6, 2020, 12, 2025, 9, 2022, "件"),
            new("転入者の数", 410, 2019, 450, 2025, 398, 2022, "人", Goal: true),
        ]),

        // A per-year table on two header lines: years over 目標値 | 実績値, the baseline's year under its header; the final
        // year's target is the target, the latest actual that is not － the actual. A goal's arrow line ends in 直近実績.
        new("星見台市", "g03_yearsubcolumns.txt", "星見台市 中間評価", TextNotation.Tabs,
        [
            ["星見台市 総合戦略 中間評価"],
            [""],
            ["基本目標1 観光で稼ぐ"],
            ["数値目標"],
            ["年間宿泊者数：12.0万人（H30）⇒15.0万人（R6）　直近実績 13.1万人（R4）"],
            [""],
            ["施策1-1 体験観光の推進"],
            ["指標名", "基準年度値", "R3", "", "R4", "", "R5", "R6"],
            ["", "（R1）", "目標値", "実績値", "目標値", "実績値", "目標値", "目標値"],
            ["体験プログラム参加者数（人）", "1,200", "1,300", "980", "1,400", "1,510", "1,500", "1,600"],
            ["観光ガイド登録者数（人）", "15", "18", "17", "20", "－", "22", "25"],
        ],
        [
            new("年間宿泊者数", 12.0m, 2018, 15.0m, 2024, 13.1m, 2022, "万人", Goal: true),
            new("体験プログラム参加者数（人）", 1200, 2019, 1600, 2024, 1510, 2022, "人"),
            new("観光ガイド登録者数（人）", 15, 2019, 25, 2024, 17, 2021, "人"),
        ]),
    ];
}
