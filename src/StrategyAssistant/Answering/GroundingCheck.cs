using System.Text;
using StrategyAssistant.Answering.Grounding;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Answering;

/// <summary>The result of a grounding check: the claims no cited source supports (empty when the answer may be shown), and the
/// text to show, without the sentences that were removed (URLs and instructions the sources do not contain).</summary>
public sealed record GroundingResult(IReadOnlyList<string> Untraced)
{
    public bool Grounded => Untraced.Count == 0;

    /// <summary>The answer as it may be shown (the removed sentences taken out).</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Sentences taken out: URLs or instructions the sources do not contain.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];
}

/// <summary>Claim-level grounding. The answer is read sentence by sentence into claims — a figure with its unit, the value role
/// (基準値 / 目標値 / 実績値 / 予算), year, city and the indicator or project it is about — and each must match one figure of a
/// cited record or quote on all that the sentence states, after normalising digits (full-width, kanji numerals 四十五 /
/// 四万五千), money (千円 / 万円 / 億円 / 円), %/ポイント and eras (令和6年度 = R6 = 2024年度). A figure of another record
/// (another indicator, project or city) does not ground the claim. A number the sources do not state is accepted only as the
/// result of a verified <see cref="Derivation"/>. Years must stand in the sources or the question; a sentence that asserts a
/// change of status (撤回, 中止, 達成 …, see grounding-ja.json) needs a source that says so; sentences with URLs or
/// instructions the sources do not contain are removed.</summary>
public static class GroundingCheck
{
    /// <summary>Checks an answer against its own citations, the records they cite and its derivations.</summary>
    public static GroundingResult Check(Answer answer, KnowledgeBase? knowledge, string question) =>
        Check(answer.Text, answer.Citations, knowledge, question, answer.Derivations);

    /// <summary>Checks a text against quotes alone (no records: roles and years as each quote's line writes them).</summary>
    public static GroundingResult Check(string answerText, IEnumerable<string> sourceQuotes, string question = "") =>
        Check(answerText, [.. sourceQuotes.Select(q => new Citation(string.Empty, string.Empty, string.Empty, 0, 0, q))], null, question, []);

    public static GroundingResult Check(string answerText, IReadOnlyList<Citation> citations, KnowledgeBase? knowledge, string question, IReadOnlyList<Derivation> derivations)
    {
        var session = new GroundingSession(GroundingSources.Create(citations, knowledge), question, answerText, citations, derivations);
        foreach (string sentence in Sentences(answerText))
        {
            session.Add(sentence);
        }

        return session.Result;
    }

    /// <summary>Splits a text after each 。！？!? and line break, keeping every character (the pieces concatenate to the text).</summary>
    public static IEnumerable<string> Sentences(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (IsSentenceEnd(text[i]))
            {
                // Closing brackets and citation markers right after the end belong to the sentence.
                int end = i + 1;
                while (end < text.Length && (text[end] is '」' or '）' or ')' || (text[end] == ' ' && end + 1 < text.Length && text[end + 1] == '[')))
                {
                    end++;
                }

                yield return text[start..end];
                start = end;
                i = end - 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    public static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '!' or '?' or '\n';
}

/// <summary>Checks an answer one sentence at a time, so that a stream can show each sentence once it is verified. What a
/// sentence is about (city, subjects) carries to the next; the result is the same as checking the whole text.</summary>
public sealed class GroundingSession
{
    private readonly GroundingSources _sources;
    private readonly ClaimReader _reader;
    private readonly string _question;
    private readonly HashSet<int> _questionYears;
    private readonly List<NumberToken> _questionNumbers;
    private readonly HashSet<string> _sourceStatus;
    private readonly List<string> _untraced = [];
    private readonly List<string> _removed = [];
    private readonly StringBuilder _text = new();
    private readonly List<string> _squashedQuotes;

    public GroundingSession(GroundingSources sources, string question, string? answerText = null, IReadOnlyList<Citation>? citations = null, IReadOnlyList<Derivation>? derivations = null)
    {
        _sources = sources;
        _question = Figures.Prepare(question ?? string.Empty);
        _reader = new ClaimReader(sources, _question);
        _questionYears = [.. Records.FiscalYearParser.FindAll(_question).SelectMany(m => Enumerable.Range(m.Period.Start.Year, m.Period.End.Year - m.Period.Start.Year + 1))];
        _questionNumbers = Figures.Scan(_question, sources.Vocabulary);
        _sourceStatus = ClaimReader.StatusWords(sources.Text, sources.Vocabulary);
        _squashedQuotes = [.. (citations ?? []).Select(c => Squash(Figures.Prepare(c.Quote)))];
        if (derivations is { Count: > 0 } && answerText is not null && citations is not null)
        {
            DerivationCheck.AddVerified(sources, derivations, answerText, citations, _untraced);
        }
    }

    public GroundingResult Result => new([.. _untraced]) { Text = _text.ToString().Trim(), Removed = [.. _removed] };

    public bool Grounded => _untraced.Count == 0;

    /// <summary>Checks one sentence (as <see cref="GroundingCheck.Sentences"/> splits them). Returns the text to show for it
    /// (empty when it was removed), or null when it holds an unsupported claim.</summary>
    public string? Add(string sentence)
    {
        string prepared = Figures.Prepare(sentence);
        GroundingVocabulary words = _sources.Vocabulary;
        if (UnsupportedUrlOrInstruction(prepared, words))
        {
            _removed.Add(sentence.Trim());
            return string.Empty;
        }

        int before = _untraced.Count;
        List<Claim> claims = _reader.Read(prepared);
        if (IsVerbatim(prepared))
        {
            // A sentence that quotes a source word for word claims only what the source says.
            _text.Append(sentence);
            return sentence;
        }

        foreach (Records.FiscalYearParser.Match year in Records.FiscalYearParser.FindAll(prepared))
        {
            if (!Known(year.Period.Start.Year) || !Known(year.Period.End.Year))
            {
                _untraced.Add(year.Period.Text);
            }
        }

        foreach (Claim claim in claims)
        {
            if (!Supported(claim))
            {
                _untraced.Add(claim.IsFigure ? claim.ToString() : claim.Number.Text);
            }
        }

        foreach (string status in ClaimReader.StatusWords(prepared, words).Where(w => !_sourceStatus.Contains(w)))
        {
            _untraced.Add(status);
        }

        if (_untraced.Count > before)
        {
            return null;
        }

        _text.Append(sentence);
        return sentence;
    }

    private bool IsVerbatim(string prepared)
    {
        string core = Squash(prepared).TrimEnd('…');
        return core.Length >= 8 && _squashedQuotes.Any(q => q.Contains(core, StringComparison.Ordinal));
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private bool Known(int year) => _sources.Years.Contains(year) || _questionYears.Contains(year);

    private bool Supported(Claim claim)
    {
        if (_sources.Facts.Any(f => Matches(claim, f)))
        {
            return true;
        }

        if (claim.IsFigure)
        {
            return false;
        }

        // A bare number (第2期, 基本目標4, a date part): anywhere in the sources, titles, the question, or an era number.
        decimal value = claim.Number.Full;
        return _sources.Facts.Any(f => Figures.SameQuantity(claim.Number, f.Number))
            || _sources.Plain.Any(p => p.Full == value)
            || _questionNumbers.Any(q => q.Full == value)
            || _sources.Years.Concat(_questionYears).Any(y => y == value || y - 2018 == value || y - 1988 == value);
    }

    private static bool Matches(Claim claim, GroundingFact fact) =>
        Figures.SameQuantity(claim.Number, fact.Number)
        && (claim.Role is null || fact.Roles.Count == 0 || fact.Roles.Contains(claim.Role))
        && (claim.Year is null || fact.Years.Count == 0 || fact.Years.Any(y => y.Start == claim.Year.Start && y.End == claim.Year.End))
        && (claim.City is null || fact.City is null || string.Equals(fact.City, claim.City, StringComparison.Ordinal))
        && (claim.Subjects.Count == 0 || fact.Subjects.Count == 0 || fact.Subjects.Any(claim.Subjects.Contains));

    private bool UnsupportedUrlOrInstruction(string prepared, GroundingVocabulary words)
    {
        foreach (System.Text.RegularExpressions.Match url in DerivationCheck.Url().Matches(prepared))
        {
            if (!_sources.Text.Contains(url.Value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        string core = prepared.Trim().TrimEnd('。', '.', ' ');
        return core.Length > 0
            && words.Instructions.Any(i => prepared.Contains(i, StringComparison.OrdinalIgnoreCase))
            && !_sources.Text.Contains(core, StringComparison.Ordinal);
    }
}
