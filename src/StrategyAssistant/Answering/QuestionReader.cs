using System.Text.RegularExpressions;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>Reads a question with general rules: the lexicon of value words (基準値, 目標, 実績, 予算 …), the corpus's
/// cities, every fiscal-year notation (through <see cref="FiscalYearParser"/>), and synonyms of the domain.</summary>
public sealed partial class QuestionReader
{
    private static readonly (AskedValue Value, string[] Words)[] s_askWords =
    [
        (AskedValue.Baseline, ["基準値", "基準", "現状値", "ベースライン", "当初値"]),
        (AskedValue.Target, ["目標", "目指", "めざ", "計画値", "にする計画", "予定", "見込"]),
        (AskedValue.Actual, ["実績", "結果", "だった", "現在の値", "今の値", "今は", "実際", "登録世帯数"]),
        (AskedValue.Status, ["進捗", "達成状況", "順調", "低調", "状況", "進み具合"]),
        (AskedValue.Department, ["担当", "部局", "所管", "どこの部", "どの部", "担当部"]),
        (AskedValue.Budget, ["予算", "事業費", "いくら", "金額", "千円", "万円", "費用", "繰出金", "経費"]),
        (AskedValue.Projects, ["事業は", "事業が", "どの事業", "何の事業", "事業を", "紐づ", "ひもづ", "まとめた"]),
        (AskedValue.Evaluation, ["評価", "継続発展", "見直し"]),
        (AskedValue.Policy, ["方針", "考え方", "方向性", "どう考え", "今後"]),
        (AskedValue.Total, ["合計", "総額", "総事業費", "小計", "全部で", "あわせて", "合わせて"]),
        (AskedValue.Count, ["何事業", "いくつの事業", "事業数", "件数", "何件の事業", "何本"]),
        (AskedValue.Compare, ["比較", "比べ", "どっち", "どちら", "超えて", "上回", "下回", "差は"]),
    ];

    /// <summary>Domain terms that contain an ask word but ask nothing (合計特殊出生率 is not a 合計).</summary>
    private static readonly string[] s_maskedTerms = ["合計特殊出生率", "事業所", "目標管理", "実績報告", "評価指標", "重要業績評価指標"];

    /// <summary>Words that only shape the question; removed from the topic.</summary>
    private static readonly string[] s_questionWords =
    [
        "教えてください", "教えて", "それでは", "じゃあ", "では", "その", "それ", "ください", "知りたい", "ですか", "でしょうか", "なってる", "なっている", "なってますか", "ってこと",
        "どのくらい", "どれくらい", "どれだけ", "いくつ", "いくら", "どこ", "どの", "どれ", "どう", "何人", "何件", "何名", "何歳", "何%", "何％",
        "何千円", "何円", "何事業", "何", "単位で", "単位", "って", "について", "に関して", "ある?", "ある？", "は?", "は？", "?", "？", "、", "。",
        "基準値", "目標値", "実績値", "目標", "実績", "基準", "予算額", "予算", "事業費", "担当部局", "担当部", "担当", "部局", "施策評価", "評価",
        "KPI", "kpi", "値", "年度", "計画", "の数", "数値", "施策", "事業", "されている", "されてる", "している", "してる", "いる",
    ];

    /// <summary>Spelling variants and synonyms of the domain: each group's words stand for each other in a topic.</summary>
    private static readonly string[][] s_synonyms =
    [
        ["子ども", "子供", "こども"],
        ["出生率", "合計特殊出生率"],
        ["移住", "UIJターン", "U・Iターン", "移住者"],
        ["障がい", "障害"],
        ["予算", "事業費"],
        ["観光客", "観光入込客", "入込客"],
        ["働く", "就業", "雇用"],
        ["結婚", "婚活", "縁結び"],
        ["育児", "子育て"],
        ["高齢者", "シニア"],
        ["まちなか", "中心市街地"],
        ["ふるさと納税", "寄附"],
        ["デジタル", "DX", "ICT"],
    ];

    /// <summary>Words ending in 市/町/県 that are not municipalities.</summary>
    private static readonly string[] s_notPlaces = ["都市", "中核市", "政令市", "本市", "当市", "全市", "同市", "他市", "各市", "市町村", "近隣市", "城下町", "門前町", "各県", "他県", "都道府県"];

    private readonly IReadOnlyList<string> _cities;

    public QuestionReader(IEnumerable<string> cities)
    {
        _cities = [.. cities];
    }

    public Question Read(string text)
    {
        var cities = _cities.Where(c => text.Contains(c.TrimEnd('市', '町', '村'), StringComparison.Ordinal)).ToList();
        var otherPlaces = Places().Matches(text)
            .Select(m => m.Value)
            .Where(p => !s_notPlaces.Any(n => p.EndsWith(n, StringComparison.Ordinal)))
            .Where(p => !_cities.Any(c => p.EndsWith(c, StringComparison.Ordinal) || c.StartsWith(p.TrimEnd('市', '町', '村'), StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var years = new List<FiscalPeriod>();
        string topic = text;
        foreach (FiscalYearParser.Match match in FiscalYearParser.FindAll(text, FiscalYearParser.Era.Reiwa).OrderByDescending(m => m.Index))
        {
            if (!years.Any(y => y.Start == match.Period.Start && y.End == match.Period.End))
            {
                years.Insert(0, match.Period);
            }

            topic = topic.Remove(match.Index, match.Length).Insert(match.Index, " ");
        }

        // Indicator names that contain ask words (合計 in 合計特殊出生率) are masked before looking for asks.
        string askText = s_maskedTerms.Aggregate(text, (t, term) => t.Replace(term, " ", StringComparison.Ordinal));
        var asked = new HashSet<AskedValue>();
        foreach ((AskedValue value, string[] words) in s_askWords)
        {
            if (words.Any(w => askText.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                asked.Add(value);
            }
        }

        // 「H30は何件で、R6には何件」: two years and no value word ask for the values of both years.
        if (years.Count >= 2 && !asked.Overlaps([AskedValue.Baseline, AskedValue.Target, AskedValue.Actual]))
        {
            asked.Add(AskedValue.Baseline);
            asked.Add(AskedValue.Target);
        }

        int? goal = GoalNumber().Match(text) is { Success: true } g ? int.Parse(g.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        foreach (string city in cities)
        {
            topic = topic.Replace(city, " ", StringComparison.Ordinal).Replace(city.TrimEnd('市', '町', '村'), " ", StringComparison.Ordinal);
        }

        topic = GoalNumber().Replace(topic, " ");
        foreach (string word in s_questionWords)
        {
            topic = topic.Replace(word, " ", StringComparison.OrdinalIgnoreCase);
        }

        topic = Spaces().Replace(topic, " ").Trim();
        return new Question
        {
            Text = text,
            Cities = cities,
            OtherPlaces = otherPlaces,
            Years = years,
            Asked = asked,
            Topic = ExpandSynonyms(topic),
            OwnTopic = topic,
            GoalNumber = goal,
        };
    }

    /// <summary>Adds the synonyms of every lexicon word the topic contains.</summary>
    public static string ExpandSynonyms(string topic)
    {
        var extra = new List<string>();
        foreach (string[] group in s_synonyms)
        {
            if (group.Any(w => topic.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                extra.AddRange(group.Where(w => !topic.Contains(w, StringComparison.OrdinalIgnoreCase)));
            }
        }

        return extra.Count == 0 ? topic : topic + " " + string.Join(' ', extra);
    }

    // A municipality or prefecture: two to four kanji (or katakana) before 市/町/村/都/府/県, not 市民, 市役所, 県道 ….
    [GeneratedRegex(@"(?<![\p{IsCJKUnifiedIdeographs}ぁ-んァ-ヶ])[\p{IsCJKUnifiedIdeographs}ァ-ヶ]{2,4}(?:市|町|村|都|府|県)(?![民長内外役場町村議立営街道政])")]
    private static partial Regex Places();

    [GeneratedRegex(@"基本目標\s?([0-9]+)")]
    private static partial Regex GoalNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
