namespace StrategyAssistant.Answering;

/// <summary>The thresholds that decide which found records and passages answer a question, in one place.</summary>
public sealed record AnswerRankerOptions
{
    /// <summary>A record answers only when it names this share of the question's topic (IDF-weighted).</summary>
    public double RecordCoverage { get; init; } = 0.5;

    /// <summary>A passage is quoted only when it holds this share of the question's terms.</summary>
    public double PassageCoverage { get; init; } = 0.3;

    /// <summary>When this share of the topic (IDF-weighted) is words the documents never use, they do not cover it.</summary>
    public double AbsentTopicShare { get; init; } = 0.5;

    /// <summary>An indicator the question sets beside another (転入と転出) answers at this coverage: each names part of the topic.</summary>
    public double OperandCoverage { get; init; } = 0.3;

    /// <summary>A katakana word of the question counts as named by a record whose name spells it this alike (1 − edits / length):
    /// one misprinted or missing kana of a six-letter word (ホームペーリ for ホームページ), never one of a four-letter word.</summary>
    public double NearSpelling { get; init; } = 0.8;

    /// <summary>Records within this much coverage of the best one are its equals.</summary>
    public double TieMargin { get; init; } = 0.02;

    /// <summary>At most this many records answer one question.</summary>
    public int MaxRecords { get; init; } = 3;
}

/// <summary>Chooses the records that answer: at or above the coverage bar, close to the best, the ones named outright
/// first among equals. Owns the thresholds (<see cref="AnswerRankerOptions"/>).</summary>
public sealed class AnswerRanker
{
    /// <summary>A name match at or above this means the question names the record itself.</summary>
    public const double NamedOutright = 0.9;

    public AnswerRanker(AnswerRankerOptions? options = null) => Options = options ?? new AnswerRankerOptions();

    public AnswerRankerOptions Options { get; }

    public bool Answers<T>(Ranked<T> ranked) => ranked.Coverage >= Options.RecordCoverage;

    /// <summary>The best usable records: at or above the coverage bar and within <see cref="AnswerRankerOptions.TieMargin"/> of
    /// the best one, those named outright first among equals, at most <see cref="AnswerRankerOptions.MaxRecords"/>.</summary>
    public List<T> Best<T>(IReadOnlyList<Ranked<T>> ranked, Func<T, bool> usable)
    {
        var candidates = ranked.Where(r => usable(r.Item) && r.Coverage >= Options.RecordCoverage).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        double best = candidates.Max(r => r.Coverage);
        candidates = [.. candidates.Where(r => r.Coverage >= best - Options.TieMargin)];
        if (candidates.Any(r => r.NameMatch >= NamedOutright))
        {
            candidates = [.. candidates.Where(r => r.NameMatch >= NamedOutright)];
        }

        return [.. candidates.Take(Options.MaxRecords).Select(r => r.Item)];
    }
}
