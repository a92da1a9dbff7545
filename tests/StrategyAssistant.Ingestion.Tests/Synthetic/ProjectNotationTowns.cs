namespace StrategyAssistant.Ingestion.Tests.Synthetic;

/// <summary>One project a town's list must yield: name, department, budget as written, its amount and unit, whether it is
/// 再掲 and the 施策 it stands under.</summary>
public sealed record ExpectedProject(string Name, string? Department, string? BudgetText, decimal? Amount, string Unit, bool Repeat = false, string? Measure = null);

/// <summary>A stated 小計 / 合計 a town's list must yield: its label, the figure as written, and whether the rows agree.</summary>
public sealed record ExpectedTotal(string Label, string Kind, string BudgetText, bool Agrees);

/// <summary>A fictional town's project list in one notation, written as its staff would: the file's text (a .csv file when
/// <see cref="File"/> says so), the projects, the stated totals and the notes it must yield.</summary>
public sealed record ProjectTown(string City, string File, string Notation, string Text, IReadOnlyList<ExpectedProject> Expected)
{
    public IReadOnlyList<ExpectedTotal> Totals { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public override string ToString() => City;
}

/// <summary>Fictional towns' project lists in the notations of the held-out report: full-width pipe tables (with a rule row,
/// ragged rows, no outer pipes), bullet lists (・ with a department in brackets, ◆ with 担当：, numbered (1) and ①, wrapped
/// over two lines, under 施策 headings), CSV (a quoted cell over two lines, quoted numbers, empty trailing cells),
/// parenthesised 再掲 budgets, and stated totals that disagree with their rows.</summary>
public static class ProjectNotationTowns
{
    public static IReadOnlyList<ProjectTown> All { get; } =
    [
        // Full-width pipes, no rule row, the unit in the budget header, a 合計 row that agrees.
        new("白樺町", "p01_fullpipes.txt", "pipe", """
            白樺町 地方創生関連事業一覧（令和5年度）

            基本目標1 しごとをつくる
            施策1 農業の担い手確保
            ｜事業名｜担当課｜予算額（千円）｜備考｜
            ｜新規就農者支援事業｜農林課｜12,400｜継続｜
            ｜農地集積推進事業｜農林課｜3,150｜新規｜
            ｜合計｜｜15,550｜｜
            """,
        [
            new("新規就農者支援事業", "農林課", "12,400", 12400, "千円", Measure: "農業の担い手確保"),
            new("農地集積推進事業", "農林課", "3,150", 3150, "千円", Measure: "農業の担い手確保"),
        ])
        { Totals = [new("合計", "total", "15,550", true)] },

        // Full-width pipes with a rule row of full-width dashes, a row that leaves out its trailing pipe and one with a cell
        // fewer; the unit in a caption line.
        new("黒松村", "p02_piperule.txt", "pipe", """
            黒松村 総合戦略 推進事業
            （単位：千円）
            ｜番号｜事業名｜担当課｜事業費｜
            ｜－－｜－－－－｜－－－｜－－－｜
            ｜1｜観光案内所運営事業｜商工観光課｜4,800｜
            ｜2｜サイクルツーリズム推進事業｜商工観光課｜2,100
            ｜3｜特産品販路開拓事業｜｜950｜
            ｜4｜移住相談窓口設置事業｜企画課｜
            """,
        [
            new("観光案内所運営事業", "商工観光課", "4,800", 4800, "千円"),
            new("サイクルツーリズム推進事業", "商工観光課", "2,100", 2100, "千円"),
            new("特産品販路開拓事業", null, "950", 950, "千円"),
            new("移住相談窓口設置事業", "企画課", null, null, string.Empty),
        ]),

        // Pipes without the outer ones, a rule of long-vowel marks, a 施策 heading above each group.
        new("青葉台町", "p03_innerpipes.txt", "pipe", """
            青葉台町 関連事業一覧

            施策1 子育て世帯の応援
            事業名｜担当課｜予算額（千円）
            ーーー｜ーーー｜ーーー
            子育て応援券交付事業｜子育て支援課｜8,200
            病児保育運営事業｜子育て支援課｜5,400

            施策2 移住の促進
            事業名｜担当課｜予算額（千円）
            ーーー｜ーーー｜ーーー
            空き家改修補助事業｜建設課｜3,000
            """,
        [
            new("子育て応援券交付事業", "子育て支援課", "8,200", 8200, "千円", Measure: "子育て世帯の応援"),
            new("病児保育運営事業", "子育て支援課", "5,400", 5400, "千円", Measure: "子育て世帯の応援"),
            new("空き家改修補助事業", "建設課", "3,000", 3000, "千円", Measure: "移住の促進"),
        ]),

        // ・ bullets with the department in brackets and 事業費：, under 施策 headings.
        new("山吹町", "p04_bullets.txt", "bullet", """
            山吹町総合戦略 令和5年度 主な事業

            基本目標2 ひとの流れをつくる
            施策1 移住の促進
            ・移住支援金給付事業（企画課）　事業費：12,400千円
            ・お試し住宅運営事業（企画課）　事業費：3,600千円
            施策2 子育て支援
            ・子育て応援券交付事業（子育て支援課）　事業費：8,200千円
            """,
        [
            new("移住支援金給付事業", "企画課", "12,400千円", 12400, "千円", Measure: "移住の促進"),
            new("お試し住宅運営事業", "企画課", "3,600千円", 3600, "千円", Measure: "移住の促進"),
            new("子育て応援券交付事業", "子育て支援課", "8,200千円", 8200, "千円", Measure: "子育て支援"),
        ]),

        // ◆ bullets with 担当： and 予算 before the figure, under bracketed 施策 headings.
        new("若草村", "p05_diamonds.txt", "bullet", """
            若草村 地方創生推進事業

            【施策1 観光の振興】
            ◆観光案内所運営事業　担当：商工観光課　予算 1,200千円
            ◆サイクルツーリズム推進事業　担当：商工観光課　予算 2,450千円

            【施策2 地域産業の振興】
            ◆特産品開発支援事業　担当：農林振興課　予算 980千円
            """,
        [
            new("観光案内所運営事業", "商工観光課", "1,200千円", 1200, "千円", Measure: "観光の振興"),
            new("サイクルツーリズム推進事業", "商工観光課", "2,450千円", 2450, "千円", Measure: "観光の振興"),
            new("特産品開発支援事業", "農林振興課", "980千円", 980, "千円", Measure: "地域産業の振興"),
        ]),

        // Numbered (1) and ① items, one wrapped over two lines, the unit from a caption, under 施策 headings.
        new("川霧町", "p06_numbered.txt", "bullet", """
            川霧町 総合戦略関連事業（単位：千円）

            施策1 地域おこしの担い手
            (1) 地域おこし協力隊活用事業　企画政策課　5,600
            (2) 空き家バンク運営事業　建設課　1,100
            施策2 中心市街地の活性化
            ① 中心市街地にぎわい創出イベント
            　 開催支援事業　商工課　2,000
            ② 商店街空き店舗活用事業　商工課　1,750
            """,
        [
            new("地域おこし協力隊活用事業", "企画政策課", "5,600", 5600, "千円", Measure: "地域おこしの担い手"),
            new("空き家バンク運営事業", "建設課", "1,100", 1100, "千円", Measure: "地域おこしの担い手"),
            new("中心市街地にぎわい創出イベント開催支援事業", "商工課", "2,000", 2000, "千円", Measure: "中心市街地の活性化"),
            new("商店街空き店舗活用事業", "商工課", "1,750", 1750, "千円", Measure: "中心市街地の活性化"),
        ]),

        // A .csv file: a name quoted over two lines, quoted numbers with commas, empty trailing cells, a 合計 that agrees.
        new("霜月町", "p07_projects.csv", "csv", """
            事業名,担当課,予算額（千円）,備考,
            "移住支援金給付事業
            （新規）",企画課,"12,400",,
            空き家改修補助事業,建設課,"3,000",,
            "地域公共交通
            確保維持事業",企画課,"7,050",継続,
            合計,,"22,450",,
            """,
        [
            new("移住支援金給付事業（新規）", "企画課", "12,400", 12400, "千円"),
            new("空き家改修補助事業", "建設課", "3,000", 3000, "千円"),
            new("地域公共交通確保維持事業", "企画課", "7,050", 7050, "千円"),
        ])
        { Totals = [new("合計", "total", "22,450", true)] },

        // CSV lines in a text file under a 施策 heading, with a quoted cell over two lines.
        new("小春村", "p08_csvlines.txt", "csv", """
            小春村 総合戦略 事業一覧（令和5年度）

            施策1 地域産業の振興
            番号,事業名,担当課,事業費（千円）
            1,特産品開発支援事業,農林課,"1,980"
            2,"農産物直売所
            機能強化事業",農林課,"4,200"
            3,ふるさと納税推進事業,企画課,850
            """,
        [
            new("特産品開発支援事業", "農林課", "1,980", 1980, "千円", Measure: "地域産業の振興"),
            new("農産物直売所機能強化事業", "農林課", "4,200", 4200, "千円", Measure: "地域産業の振興"),
            new("ふるさと納税推進事業", "企画課", "850", 850, "千円", Measure: "地域産業の振興"),
        ]),

        // A .csv file with a department column headed 担当部局, a quoted name with a comma, empty trailing cells on every row.
        new("朧谷町", "p09_budget.csv", "csv", """
            番号,事業名,担当部局,当初予算額（千円）,,,
            1,"観光PR,誘客推進事業",観光課,"2,300",,,
            2,道の駅活性化事業,観光課,"6,100",,,
            3,テレワーク拠点整備事業,企画課,"9,800",,,
            """,
        [
            new("観光PR,誘客推進事業", "観光課", "2,300", 2300, "千円"),
            new("道の駅活性化事業", "観光課", "6,100", 6100, "千円"),
            new("テレワーク拠点整備事業", "企画課", "9,800", 9800, "千円"),
        ]),

        // Tabs: a 再掲 project's budget in parentheses; the 合計 leaves it out, as the list means.
        new("鈴鳴町", "p10_repeat.txt", "repeat", """
            鈴鳴町 関連事業一覧
            （単位：千円）
            事業名	担当課	事業費
            ①移住の促進
            移住支援金給付事業	企画課	12,400
            空き家改修補助事業	建設課	3,000
            ②子育て支援
            子育て世帯移住応援事業	子育て支援課	2,500
            移住支援金給付事業	企画課	(12,400)
            合計		17,900
            """,
        [
            new("移住支援金給付事業", "企画課", "12,400", 12400, "千円", Measure: "移住の促進"),
            new("空き家改修補助事業", "建設課", "3,000", 3000, "千円", Measure: "移住の促進"),
            new("子育て世帯移住応援事業", "子育て支援課", "2,500", 2500, "千円", Measure: "子育て支援"),
            new("移住支援金給付事業", "企画課", "(12,400)", 12400, "千円", Repeat: true, Measure: "子育て支援"),
        ])
        { Totals = [new("合計", "total", "17,900", true)] },

        // Full-width pipes with a full-width parenthesised 再掲 budget; a 小計 per 施策 that leaves it out.
        new("楓ヶ丘町", "p11_repeatpipes.txt", "repeat", """
            楓ヶ丘町 事業一覧（単位：千円）
            ｜施策｜事業名｜担当課｜予算額｜
            ｜－｜－｜－｜－｜
            ｜①観光の振興｜観光協会支援事業｜商工観光課｜3,300｜
            ｜｜観光案内看板整備事業｜商工観光課｜1,200｜
            ｜小計｜｜｜4,500｜
            ｜②関係人口の創出｜ふるさと応援団運営事業｜企画課｜800｜
            ｜｜観光協会支援事業｜商工観光課｜（3,300）｜
            ｜小計｜｜｜800｜
            ｜合計｜｜｜5,300｜
            """,
        [
            new("観光協会支援事業", "商工観光課", "3,300", 3300, "千円", Measure: "観光の振興"),
            new("観光案内看板整備事業", "商工観光課", "1,200", 1200, "千円", Measure: "観光の振興"),
            new("ふるさと応援団運営事業", "企画課", "800", 800, "千円", Measure: "関係人口の創出"),
            new("観光協会支援事業", "商工観光課", "（3,300）", 3300, "千円", Repeat: true, Measure: "関係人口の創出"),
        ])
        { Totals = [new("小計", "subtotal", "4,500", true), new("小計", "subtotal", "800", true), new("合計", "total", "5,300", true)] },

        // Text from a PDF (spaces): a parenthesised 再掲 budget with its unit, and a 合計 that counts it twice.
        new("萩原村", "p12_repeatspaces.txt", "repeat", """
            萩原村 総合戦略 関連事業
            事業名                    担当課        予算額
            移住体験ツアー事業        企画課        640千円
            移住相談会出展事業        企画課        320千円
            移住体験ツアー事業        企画課        (640千円)
            合計                                    1,600千円
            """,
        [
            new("移住体験ツアー事業", "企画課", "640千円", 640, "千円"),
            new("移住相談会出展事業", "企画課", "320千円", 320, "千円"),
            new("移住体験ツアー事業", "企画課", "(640千円)", 640, "千円", Repeat: true),
        ])
        { Totals = [new("合計", "total", "1,600千円", false)], Notes = ["total-mismatch"] },

        // Tabs: a stated 合計 that disagrees with its rows (recorded as written, with a note).
        new("椿原町", "p13_badtotal.txt", "total", """
            椿原町 関連事業（単位：千円）
            事業名	担当課	予算額
            移住支援事業	企画課	1,000
            空き家改修補助事業	建設課	2,000
            観光案内所運営事業	商工課	500
            合計		3,000
            """,
        [
            new("移住支援事業", "企画課", "1,000", 1000, "千円"),
            new("空き家改修補助事業", "建設課", "2,000", 2000, "千円"),
            new("観光案内所運営事業", "商工課", "500", 500, "千円"),
        ])
        { Totals = [new("合計", "total", "3,000", false)], Notes = ["total-mismatch"] },

        // Pipes: a 小計 that disagrees, the 合計 that agrees with the rows.
        new("桐生台町", "p14_badsubtotal.txt", "total", """
            桐生台町 事業一覧
            | 事業名 | 担当課 | 事業費（千円） |
            |---|---|---|
            | ①農業の振興 | | |
            | 新規就農支援事業 | 農政課 | 4,000 |
            | 農地保全事業 | 農政課 | 1,500 |
            | 小計 | | 5,000 |
            | ②商工業の振興 | | |
            | 創業支援事業 | 商工課 | 2,200 |
            | 小計 | | 2,200 |
            | 合計 | | 7,700 |
            """,
        [
            new("新規就農支援事業", "農政課", "4,000", 4000, "千円", Measure: "農業の振興"),
            new("農地保全事業", "農政課", "1,500", 1500, "千円", Measure: "農業の振興"),
            new("創業支援事業", "商工課", "2,200", 2200, "千円", Measure: "商工業の振興"),
        ])
        { Totals = [new("小計", "subtotal", "5,000", false), new("小計", "subtotal", "2,200", true), new("合計", "total", "7,700", true)], Notes = ["total-mismatch"] },

        // A .csv file whose 合計 disagrees.
        new("柳川町", "p15_badtotal.csv", "total", """
            事業名,担当課,予算額（千円）
            移住支援事業,企画課,"1,000"
            創業支援事業,商工課,"2,500"
            合計,,"4,000"
            """,
        [
            new("移住支援事業", "企画課", "1,000", 1000, "千円"),
            new("創業支援事業", "商工課", "2,500", 2500, "千円"),
        ])
        { Totals = [new("合計", "total", "4,000", false)], Notes = ["total-mismatch"] },
    ];
}
