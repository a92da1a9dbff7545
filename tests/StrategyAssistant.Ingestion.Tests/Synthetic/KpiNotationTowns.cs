namespace StrategyAssistant.Ingestion.Tests.Synthetic;

/// <summary>One KPI row a town's table must yield: figures as numbers, years (Western fiscal year), unit, level, and the
/// evaluation and achievement rate as written where the table has them. A null figure is a blank cell kept blank.</summary>
public sealed record TownKpi(
    string Indicator,
    decimal? Baseline,
    int? BaselineYear,
    decimal? Target,
    int? TargetYear,
    decimal? Actual,
    int? ActualYear,
    string? Unit,
    bool Goal = false)
{
    /// <summary>The evaluation or status as written (評価 / 達成状況 cell), when the table has one.</summary>
    public string? Mark { get; init; }

    /// <summary>The meaning a legend gives the mark.</summary>
    public string? MarkMeaning { get; init; }

    /// <summary>The achievement rate as written (達成率 cell).</summary>
    public string? Achievement { get; init; }
}

/// <summary>A fictional town's KPI table in one notation, written as its staff would (a .csv file when <see cref="File"/>
/// says so), with the KPI rows, the projects and the notes it must yield.</summary>
public sealed record KpiTown(string City, string File, string Notation, string Text, IReadOnlyList<TownKpi> Expected)
{
    public IReadOnlyList<ExpectedProject> Projects { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public override string ToString() => City;
}

/// <summary>Fictional towns' KPI tables in the notations the held-out report read worst: CSV KPI tables (roles and years in
/// the header cells, goal and measure tables one after the other), evaluation sheets (A/B/C and ◎○△ with a legend, 達成率),
/// per-year tables (R3…R6 with 目標/実績 rows), labels on the line above their values, qualifiers (約, 以上, 未満) and
/// kanji numerals, as-of dates as the actual's year, blank actual cells (－, 未集計, an empty cell), and a CSV project list
/// with a stray unclosed quote.</summary>
public static class KpiNotationTowns
{
    public static IReadOnlyList<KpiTown> All { get; } =
    [
        // A .csv file: 基本目標 / 施策 / KPI / 単位 columns, years in the value headers, blank actuals as － and 未集計.
        new("雪割町", "k01_kpi.csv", "csv", """
            基本目標,施策,KPI,単位,基準値（令和元年度）,目標値（令和6年度）,実績値（令和5年度）,担当課
            1 しごとをつくる,1-1 農業の振興,新規就農者数,人,3,10,7,農政課
            1 しごとをつくる,1-1 農業の振興,農産物直売所の売上高,千円,"45,000","60,000","52,300",農政課
            2 ひとを呼ぶ,2-1 移住の促進,移住相談件数,件,40,80,－,企画課
            2 ひとを呼ぶ,2-1 移住の促進,移住者数,人,12,30,未集計,企画課
            """,
        [
            new("新規就農者数", 3, 2019, 10, 2024, 7, 2023, "人"),
            new("農産物直売所の売上高", 45000, 2019, 60000, 2024, 52300, 2023, "千円"),
            new("移住相談件数", 40, 2019, 80, 2024, null, null, "件"),
            new("移住者数", 12, 2019, 30, 2024, null, null, "人"),
        ]),

        // A .csv file: a 基本目標's 数値目標 table and a 施策's KPI table, one indicator in both with different targets.
        new("青葉台村", "k02_kpi.csv", "csv", """
            青葉台村 総合戦略 KPI一覧,,,
            基本目標1 観光でにぎわうむら,,,
            【数値目標】,,,
            指標,基準値（令和元年度）,目標値（令和6年度）,実績値（令和4年度）
            観光入込客数,12万人,15万人,13.8万人
            施策1 体験型観光の推進,,,
            【重要業績評価指標（KPI）】,,,
            指標,基準値（令和元年度）,目標値（令和6年度）,実績値（令和4年度）
            観光入込客数,12万人,14.5万人,13.8万人
            体験プログラム参加者数,"1,200人","2,000人","1,650人"
            """,
        [
            new("観光入込客数", 12, 2019, 15, 2024, 13.8m, 2022, "万人", Goal: true),
            new("観光入込客数", 12, 2019, 14.5m, 2024, 13.8m, 2022, "万人"),
            new("体験プログラム参加者数", 1200, 2019, 2000, 2024, 1650, 2022, "人"),
        ])
        { Notes = ["goal-measure-differ"] },

        // Tabs: an evaluation sheet with an A/B/C legend line, 達成率 and 評価 columns.
        new("鈴蘭町", "k03_eval.txt", "evaluation", """
            鈴蘭町 総合戦略 効果検証シート（令和5年度）

            評価　A：目標を達成　B：目標の8割以上　C：目標の8割未満

            基本目標1 安心して子育てできるまち
            施策1 子育て支援の充実
            指標名	基準値（H30）	目標値（R6）	実績値（R5）	達成率	評価	担当課
            保育所の待機児童数（人）	5	0	0	100.0%	A	子育て支援課
            子育て支援センター利用者数（人）	3,200	4,000	3,350	83.8%	B	子育て支援課
            放課後児童クラブの登録児童数（人）	80	120	90	75.0%	C	子育て支援課
            """,
        [
            new("保育所の待機児童数（人）", 5, 2018, 0, 2024, 0, 2023, "人") { Mark = "A", MarkMeaning = "目標を達成", Achievement = "100.0%" },
            new("子育て支援センター利用者数（人）", 3200, 2018, 4000, 2024, 3350, 2023, "人") { Mark = "B", MarkMeaning = "目標の8割以上", Achievement = "83.8%" },
            new("放課後児童クラブの登録児童数（人）", 80, 2018, 120, 2024, 90, 2023, "人") { Mark = "C", MarkMeaning = "目標の8割未満", Achievement = "75.0%" },
        ]),

        // Tabs: ◎○△ in a 達成状況 column with a ※ legend line above, a blank 施策 cell keeping the one above.
        new("若潮町", "k04_marks.txt", "evaluation", """
            若潮町 KPI進捗状況

            ※達成状況　◎：目標を達成　○：順調に推移　△：遅れている
            施策	KPI	基準値（R1）	目標値（R6）	直近値（R5）	達成状況
            漁業の振興	漁業就業者数（人）	140	150	152	◎
            	水産物加工品の開発数（品）	2	10	6	○
            観光の振興	海水浴場の入込客数（人）	8,000	10,000	7,200	△
            """,
        [
            new("漁業就業者数（人）", 140, 2019, 150, 2024, 152, 2023, "人") { Mark = "◎", MarkMeaning = "目標を達成" },
            new("水産物加工品の開発数（品）", 2, 2019, 10, 2024, 6, 2023, "品") { Mark = "○", MarkMeaning = "順調に推移" },
            new("海水浴場の入込客数（人）", 8000, 2019, 10000, 2024, 7200, 2023, "人") { Mark = "△", MarkMeaning = "遅れている" },
        ]),

        // Tabs: per-year columns R3…R6 with a 目標 row and a 実績 row under a 区分 column; a － in the latest actual.
        new("月見野村", "k05_series.txt", "series", """
            月見野村 総合戦略 KPI 年度別

            施策1 移住定住の促進
            指標	基準値（R1）	区分	R3	R4	R5	R6
            移住者数（人）	10	目標	12	14	16	18
            		実績	11	15	13
            空き家バンク登録件数（件）	5	目標	8	10	12	15
            		実績	6	9	－
            """,
        [
            new("移住者数（人）", 10, 2019, 18, 2024, 13, 2023, "人"),
            new("空き家バンク登録件数（件）", 5, 2019, 15, 2024, 9, 2022, "件"),
        ]),

        // Tabs: per-year columns without a 区分 header; the indicator on a line of its own, its 目標 and 実績 rows under it.
        new("萌黄町", "k06_series.txt", "series", """
            萌黄町 総合戦略 重要業績評価指標

            施策2 創業の支援
            指標名	R3	R4	R5	R6
            新規創業件数（件）
            　目標	3	3	4	5
            　実績	2	4	3
            創業相談件数（件）
            　目標	20	22	24	25
            　実績	18	25	21
            """,
        [
            new("新規創業件数（件）", null, null, 5, 2024, 3, 2023, "件"),
            new("創業相談件数（件）", null, null, 25, 2024, 21, 2023, "件"),
        ]),

        // Runs of spaces (text taken from a PDF): years under the roles on a second header line, each label on the line
        // above its values.
        new("石楠花町", "k07_wrapped.txt", "wrapped", """
            石楠花町 まち・ひと・しごと創生総合戦略 KPI一覧

            指標名                         基準値           目標値           実績値
                                           （令和元年度）   （令和6年度）    （令和4年度）
            ふるさと納税の寄附件数
                                           1,200件          2,000件          1,850件
            地域おこし協力隊の定着者数
                                           2人              8人              5人
            """,
        [
            new("ふるさと納税の寄附件数", 1200, 2019, 2000, 2024, 1850, 2022, "件"),
            new("地域おこし協力隊の定着者数", 2, 2019, 8, 2024, 5, 2022, "人"),
        ]),

        // Tabs: qualifiers (約, 以上, 未満), kanji numerals, and an as-of date as the actual's year.
        new("白鷺町", "k08_qualifiers.txt", "qualifiers", """
            白鷺町 KPI一覧

            指標	基準値（令和元年度）	目標値（令和6年度）	実績値（令和5年3月31日現在）
            町内の観光客数	約3万人	4万人以上	約3.5万人
            公共施設のバリアフリー化率	45%	60%以上	52%
            交通事故の発生件数	二十件	十件未満	十四件
            """,
        [
            new("町内の観光客数", 3, 2019, 4, 2024, 3.5m, 2022, "万人"),
            new("公共施設のバリアフリー化率", 45, 2019, 60, 2024, 52, 2022, "%"),
            new("交通事故の発生件数", 20, 2019, 10, 2024, 14, 2022, "件"),
        ]),

        // Runs of spaces: blank actual cells (－, 未集計, an empty cell) beside a 備考 column; per-year actual columns.
        new("紅葉谷町", "k09_blanks.txt", "blanks", """
            紅葉谷町 総合戦略 KPI進捗

            指標名                 基準値（R1）   目標値（R6）   実績値（R4）   実績値（R5）   備考
            移住者数               20人           40人           28人           －             集計中
            出生数                 35人           40人           33人           未集計
            転出超過数             60人           30人           45人                          調査予定
            観光客数               5万人          7万人          5.8万人        6.2万人
            """,
        [
            new("移住者数", 20, 2019, 40, 2024, 28, 2022, "人"),
            new("出生数", 35, 2019, 40, 2024, null, null, "人"),
            new("転出超過数", 60, 2019, 30, 2024, 45, 2022, "人"),
            new("観光客数", 5, 2019, 7, 2024, 6.2m, 2023, "万人"),
        ]),

        // A .csv project list with a stray unclosed quote on one row: the rows after it are still rows, and a note says so.
        new("菜の花村", "k10_projects.csv", "csv", """
            事業名,担当課,予算額（千円）
            "移住体験ツアー事業,企画課,1500
            空き家改修補助事業,建設課,"3,000"
            子育て応援給付事業,保健福祉課,"2,400"
            """,
        [])
        {
            Projects =
            [
                new("移住体験ツアー事業", "企画課", "1500", 1500, "千円"),
                new("空き家改修補助事業", "建設課", "3,000", 3000, "千円"),
                new("子育て応援給付事業", "保健福祉課", "2,400", 2400, "千円"),
            ],
            Notes = ["csv-unclosed-quote"],
        },
        // CSV lines in a text file whose unquoted figures look like a number's thousands group (415,207): a line with the
        // header's field count is a row; a line with more fields is read with its unquoted thousands joined (1,200).
        new("若葉町", "k11_csvlines.txt", "csv", """
            若葉町 総合戦略 KPI一覧

            番号,指標名,基準値（令和元年度）,目標値（令和6年度）,実績値（令和5年度）,単位
            1,観光入込客数,415,500,452,千人
            2,移住者数,120,207,165,人
            3,町民講座の受講者数,1,200,1,500,1,380,人
            """,
        [
            new("観光入込客数", 415, 2019, 500, 2024, 452, 2023, "千人"),
            new("移住者数", 120, 2019, 207, 2024, 165, 2023, "人"),
            new("町民講座の受講者数", 1200, 2019, 1500, 2024, 1380, 2023, "人"),
        ]),

        // Tabs: per-year columns headed R3年度…, 目標値 / 実績値 rows, the baseline's year in its cell.
        new("瑠璃沢村", "k12_series.txt", "series", """
            瑠璃沢村 KPI進捗（年度別）

            指標名	基準値	区分	R3年度	R4年度	R5年度	R6年度
            観光客数（人）	8,000（R1）	目標値	8,500	9,000	9,500	10,000
            		実績値	7,900	8,800	9,100
            """,
        [
            new("観光客数（人）", 8000, 2019, 10000, 2024, 9100, 2023, "人"),
        ]),

        // Tabs: each label on a line of its own, its values on the next line under an empty first cell.
        new("翡翠町", "k13_wrapped.txt", "wrapped", """
            翡翠町 KPI一覧

            指標	基準値（R1）	目標値（R6）	実績値（R5）
            子育て世帯の転入数
            	25世帯	40世帯	31世帯
            町営住宅の入居率
            	82%	95%	88%
            """,
        [
            new("子育て世帯の転入数", 25, 2019, 40, 2024, 31, 2023, "世帯"),
            new("町営住宅の入居率", 82, 2019, 95, 2024, 88, 2023, "%"),
        ]),

        // Tabs: years in the cells, the actual's an as-of date (令和5年3月31日現在, R5.3.31現在).
        new("琥珀町", "k14_asof.txt", "asof", """
            琥珀町 KPI一覧

            指標名	基準値	目標値	実績値
            図書館の貸出冊数	52,000冊（R1）	60,000冊（R6）	55,400冊（令和5年3月31日現在）
            公民館の利用者数	12,000人（R1）	15,000人（R6）	13,100人（R5.3.31現在）
            """,
        [
            new("図書館の貸出冊数", 52000, 2019, 60000, 2024, 55400, 2022, "冊"),
            new("公民館の利用者数", 12000, 2019, 15000, 2024, 13100, 2022, "人"),
        ]),

        // Tabs: a 総合評価 column of full-width letters, 達成率 in full-width percent, the legend with ＝ under the table.
        new("瑪瑙町", "k15_eval.txt", "evaluation", """
            瑪瑙町 施策評価シート

            施策	指標名	基準値（H30）	目標値（R6）	実績（R5）	達成率	総合評価
            観光の振興	宿泊者数（人）	12,000	15,000	13,800	60.0％	Ｂ
            	観光案内所の利用者数（人）	3,000	4,000	4,100	110.0％	Ａ
            【評価基準】Ａ＝目標を達成した　Ｂ＝目標に向けて進んでいる　Ｃ＝遅れている
            """,
        [
            new("宿泊者数（人）", 12000, 2018, 15000, 2024, 13800, 2023, "人") { Mark = "Ｂ", MarkMeaning = "目標に向けて進んでいる", Achievement = "60.0％" },
            new("観光案内所の利用者数（人）", 3000, 2018, 4000, 2024, 4100, 2023, "人") { Mark = "Ａ", MarkMeaning = "目標を達成した", Achievement = "110.0％" },
        ]),

        // Tabs: a level column (数値目標 / KPI) in one table, one indicator at both levels with different targets.
        new("珊瑚町", "k16_levels.txt", "levels", """
            珊瑚町 KPI一覧

            基本目標1 しごとをつくる
            区分	指標	基準値（R1）	目標値（R6）	実績値（R5）
            数値目標	町内の事業所数（所）	310	320	305
            KPI	町内の事業所数（所）	310	315	305
            KPI	創業支援件数（件）	4	10	7
            """,
        [
            new("町内の事業所数（所）", 310, 2019, 320, 2024, 305, 2023, "所", Goal: true),
            new("町内の事業所数（所）", 310, 2019, 315, 2024, 305, 2023, "所"),
            new("創業支援件数（件）", 4, 2019, 10, 2024, 7, 2023, "件"),
        ])
        { Notes = ["goal-measure-differ"] },

        // Runs of spaces: an empty actual cell between a target and a 達成率 / 備考 cell stays empty.
        new("黒曜町", "k17_blank.txt", "blanks", """
            黒曜町 KPI進捗

            指標名                基準値（R1）    目標値（R6）    実績値（R5）    達成率      備考
            ごみのリサイクル率    18.0%           25.0%                           －          R6公表予定
            移住相談件数          30件            60件            45件            50.0%
            """,
        [
            new("ごみのリサイクル率", 18, 2019, 25, 2024, null, null, "%"),
            new("移住相談件数", 30, 2019, 60, 2024, 45, 2023, "件") { Achievement = "50.0%" },
        ]),
    ];
}
