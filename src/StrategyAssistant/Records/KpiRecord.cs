using StrategyAssistant.Documents;

namespace StrategyAssistant.Records;

/// <summary>A 基本目標 (basic goal) of a strategy: its number and title.</summary>
public sealed record Goal(int Number, string Title)
{
    public override string ToString() => $"基本目標{Number} {Title}";
}

/// <summary>A 施策 (measure) under a goal: its mark (ア, イ, ①, (1) …) and title.</summary>
public sealed record Measure(string? Mark, string Title)
{
    /// <summary>The measure this one sits under where the document has two levels (砂川市 (1) › ①; 旭川市 エ › ①), or null.</summary>
    public Measure? Parent { get; init; }

    public override string ToString() => Mark is null ? Title : $"{Mark} {Title}";
}

/// <summary>A status symbol or letter and what the document's legend says it means (◎：目標値を達成), cited to the legend line.</summary>
public sealed record StatusMeaning(string Symbol, string Meaning, Citation Legend);

/// <summary>A key performance indicator (重要業績評価指標, KPI) or 数値目標 with its values and provenance.</summary>
public sealed record KpiRecord
{
    /// <summary>Stable id: file and first line, e.g. <c>000_721c89b86c30dc30.txt:13</c>.</summary>
    public required string Id { get; init; }

    public required string City { get; init; }

    /// <summary>The lines the record was read from (the indicator and its values).</summary>
    public required Citation Source { get; init; }

    public Goal? Goal { get; init; }

    public Measure? Measure { get; init; }

    /// <summary>The project (事業) the KPI belongs to, where the document ties it to one.</summary>
    public string? Project { get; init; }

    /// <summary>The indicator as written (e.g. 合計特殊出生率 (単年)).</summary>
    public required string Indicator { get; init; }

    /// <summary>True for a 基本目標's 数値目標 rather than a 施策/事業 KPI.</summary>
    public bool IsGoalTarget { get; init; }

    public string? Unit { get; init; }

    public KpiValue? Baseline { get; init; }

    public KpiValue? Target { get; init; }

    public KpiValue? Actual { get; init; }

    /// <summary>Yearly targets and actuals where the document has a series.</summary>
    public IReadOnlyList<YearlyValue> Series { get; init; } = [];

    /// <summary>順調 / 低調 / 概ね順調 …, as written.</summary>
    public string? Status { get; init; }

    /// <summary>What <see cref="Status"/> (a symbol or letter: ◎○△×, S–D) means by the document's own legend, with the legend
    /// line as its citation; null when the document has no legend for it (the symbol is then kept verbatim, unexplained).</summary>
    public StatusMeaning? StatusMeaning { get; init; }

    /// <summary>An achievement or progress column (達成率, 進捗率) as written, with its cell.</summary>
    public KpiValue? Achievement { get; init; }

    /// <summary>施策評価: 継続発展 / 継続 / 見直し.</summary>
    public string? Evaluation { get; init; }

    /// <summary>評価の視点.</summary>
    public string? EvaluationViewpoint { get; init; }

    /// <summary>担当部 / 部局.</summary>
    public string? Department { get; init; }

    /// <summary>The line that states <see cref="Department"/> when it is not the record's own (a measure's first row states it
    /// for all its indicators), found at ingestion; null when the record's own lines state it.</summary>
    public Citation? DepartmentSource { get; init; }

    /// <summary>The line that states <see cref="Evaluation"/> when it is not the record's own, found at ingestion.</summary>
    public Citation? EvaluationSource { get; init; }

    /// <summary>KPIの現状認識 / 所見 / 増減理由.</summary>
    public string? Assessment { get; init; }

    /// <summary>今後の考え方 / 見直しの方向性 / 今後の取り組み.</summary>
    public string? Outlook { get; init; }

    /// <summary>What the document says about the row besides its values, as written (e.g. KPIの設定が困難なため設定しない,
    /// 移住定住促進事業との共通指標, the title of a statistics table).</summary>
    public string? Note { get; init; }

    /// <summary>Other places the same indicator stands (e.g. the strategy for an evaluation-sheet KPI).</summary>
    public IReadOnlyList<Citation> RelatedSources { get; init; } = [];

    /// <summary>Every citation of the record: its own lines, its values', and related ones.</summary>
    public IEnumerable<Citation> AllSources()
    {
        yield return Source;
        foreach (KpiValue? v in new[] { Baseline, Target, Actual })
        {
            if (v is not null)
            {
                yield return v.Source;
            }
        }

        foreach (Citation c in RelatedSources)
        {
            yield return c;
        }
    }
}
