using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>What a question asks for.</summary>
public enum AskedValue
{
    /// <summary>基準値.</summary>
    Baseline,

    /// <summary>目標値.</summary>
    Target,

    /// <summary>実績値.</summary>
    Actual,

    /// <summary>達成状況 / 進捗 (順調・低調).</summary>
    Status,

    /// <summary>担当部 / 部局.</summary>
    Department,

    /// <summary>予算 / 事業費.</summary>
    Budget,

    /// <summary>Which projects (事業) serve a measure or indicator.</summary>
    Projects,

    /// <summary>施策評価 (継続発展 / 継続 / 見直し).</summary>
    Evaluation,

    /// <summary>方針 / 考え方 / 方向性 (answered from passages).</summary>
    Policy,

    /// <summary>合計 / 総額.</summary>
    Total,

    /// <summary>件数 / 何事業.</summary>
    Count,

    /// <summary>比較 (どちらが高い, 超えている).</summary>
    Compare,
}

/// <summary>A question, understood: the cities it names (known to the corpus or not), its fiscal years, what it asks for,
/// and its topic words (the measure or indicator in the user's own words, with synonyms added).</summary>
public sealed record Question
{
    public required string Text { get; init; }

    /// <summary>Corpus cities the question names.</summary>
    public IReadOnlyList<string> Cities { get; init; } = [];

    /// <summary>Municipalities the question names that the corpus does not cover (answer: not in the documents).</summary>
    public IReadOnlyList<string> OtherPlaces { get; init; } = [];

    public IReadOnlyList<FiscalPeriod> Years { get; init; } = [];

    public IReadOnlySet<AskedValue> Asked { get; init; } = new HashSet<AskedValue>();

    /// <summary>The topic: the question without city, years, value words and interrogatives, plus synonyms.</summary>
    public required string Topic { get; init; }

    /// <summary>The topic in the user's own words, before synonyms were added.</summary>
    public string OwnTopic { get; init; } = string.Empty;

    /// <summary>Spellings of the topic's words the documents may use instead (延べ数 → 延数, U・Iターン → UIターン), by rule.
    /// Not part of <see cref="Topic"/>: the absence check would count a spelling the documents never use as an absent word.</summary>
    public IReadOnlyList<string> SpellingVariants { get; init; } = [];

    /// <summary>The kind of answer the question word asks for.</summary>
    public AnswerType Type { get; init; }

    /// <summary>Manifest kinds of the documents the question mentions (評価シート → evaluation-sheet): filters, not asks.</summary>
    public IReadOnlyList<string> DocumentKinds { get; init; } = [];

    /// <summary>全部 / すべて / 一覧: the full list, not the best matches.</summary>
    public bool WantsAll { get; init; }

    /// <summary>1 for 一番大きい / 最も多い, -1 for 一番小さい / 最も少ない, 0 for no ranking.</summary>
    public int Ranking { get; init; }

    /// <summary>上位N: how many of a ranking.</summary>
    public int? Top { get; init; }

    /// <summary>Basic-goal number when the question names one (基本目標4).</summary>
    public int? GoalNumber { get; init; }

    /// <summary>The counter a count is answered in, from the question's count word (何件 → 件, いくつ → つ), or null.</summary>
    public string? Counter { get; init; }

    public bool Asks(AskedValue value) => Asked.Contains(value);

    /// <summary>True when it asks for a KPI value (基準値, 目標値, 実績値) or gives none of the other asks.</summary>
    public bool AsksKpiValue => Asks(AskedValue.Baseline) || Asks(AskedValue.Target) || Asks(AskedValue.Actual);
}
