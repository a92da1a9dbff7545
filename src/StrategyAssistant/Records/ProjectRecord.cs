using StrategyAssistant.Documents;

namespace StrategyAssistant.Records;

/// <summary>An amount of money as written (<c>1,104,287</c> in a 千円 table, <c>11億7,547万円</c>) and parsed exactly.</summary>
/// <param name="Text">As written.</param>
/// <param name="Amount">The number in <paramref name="Unit"/>, or null when the text is not one.</param>
/// <param name="Unit">千円, 万円, 円 … (the table's unit when the cell has none).</param>
public sealed record Money(string Text, decimal? Amount, string Unit)
{
    /// <summary>The amount in yen, when it is known.</summary>
    public decimal? InYen => Amount is null ? null : Amount * Unit switch
    {
        "千円" => 1_000m,
        "万円" => 10_000m,
        "億円" => 100_000_000m,
        _ => 1m,
    };

    public override string ToString() => Text.EndsWith(Unit, StringComparison.Ordinal) ? Text : Text + Unit;
}

/// <summary>A project (事業) and its budget (予算事業費), with the goal and measure it serves.</summary>
public sealed record ProjectRecord
{
    /// <summary>Stable id: file and line.</summary>
    public required string Id { get; init; }

    public required string City { get; init; }

    public required Citation Source { get; init; }

    public Goal? Goal { get; init; }

    public Measure? Measure { get; init; }

    /// <summary>The project's number in its list (番号), as written.</summary>
    public string? Number { get; init; }

    /// <summary>The name as written, without markers such as (新).</summary>
    public required string Name { get; init; }

    /// <summary>部局名 / 担当.</summary>
    public string? Department { get; init; }

    public Money? Budget { get; init; }

    /// <summary>The fiscal year of the budget (e.g. 令和6年度 関連事業一覧).</summary>
    public FiscalPeriod? BudgetYear { get; init; }

    /// <summary>The list's title or header line that gives <see cref="BudgetYear"/> when the project's own line does not,
    /// found at ingestion; null when the own line states it or no line above does.</summary>
    public Citation? BudgetYearSource { get; init; }

    /// <summary>事業内容.</summary>
    public string? Description { get; init; }

    /// <summary>新規 / 継続, as written.</summary>
    public string? Status { get; init; }

    /// <summary>再掲: listed again under another measure (count it once in totals).</summary>
    public bool IsRepeat { get; init; }

    /// <summary>交付金 flag (e.g. デジタル田園都市国家構想交付金), as written, or null.</summary>
    public string? Grant { get; init; }

    /// <summary>Projects this entry bundles, as the document lists them (観光振興戦略推進事業 (A・B・C)).</summary>
    public IReadOnlyList<string> Components { get; init; } = [];

    /// <summary>Indicators (KPI names) the project reports.</summary>
    public IReadOnlyList<string> Kpis { get; init; } = [];
}
