using StrategyAssistant.Documents;

namespace StrategyAssistant.Answering;

/// <summary>How an answer was composed.</summary>
public enum AnswerMode
{
    /// <summary>Composed from the records and passages without a language model.</summary>
    Offline,

    /// <summary>Written by a chat model and checked against its sources.</summary>
    Model,
}

/// <summary>A figure stated in an answer: the value as written, its unit and year, and which citation proves it.</summary>
/// <param name="Value">The value exactly as the document writes it (e.g. <c>1,104,287</c>).</param>
/// <param name="Unit">Its unit (千円, %, 人 …), or null.</param>
/// <param name="Year">The fiscal year or period as the document writes it (e.g. 令和6年度), or null.</param>
/// <param name="Citation">The 1-based number of the citation in <see cref="Answer.Citations"/>.</param>
/// <param name="Label">What the figure is (indicator and 基準値 / 目標値 / 実績値 / 予算), for tables.</param>
public sealed record Figure(string Value, string? Unit, string? Year, int Citation, string? Label = null);

/// <summary>An answer to a question: text with [n] citation markers, the citations, the figures and any data-quality notes.</summary>
public sealed record Answer
{
    public required string Question { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<Citation> Citations { get; init; } = [];

    public IReadOnlyList<Figure> Figures { get; init; } = [];

    /// <summary>Figures computed from cited figures (sums, differences, counts, comparisons), each with its derivation.</summary>
    public IReadOnlyList<Derivation> Derivations { get; init; } = [];

    /// <summary>Data-quality notes and notices (e.g. the model failed and the offline answer is shown).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public AnswerMode Mode { get; init; } = AnswerMode.Offline;

    /// <summary>False when the documents hold no answer (the text then says so).</summary>
    public bool Found { get; init; } = true;
}

/// <summary>Answers a question over the corpus. Hosts translate their I/O to this one call.</summary>
public interface IAnswerService
{
    Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken = default);
}
