using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>One line of a group a question narrows: a project (or the project a KPI row names), a measure, an indicator.</summary>
internal sealed record ScopedLine(string City, string Name, Citation Source, Goal? Goal, Measure? Measure, string? Department, string? Status, string? Evaluation, bool IsRepeat)
{
    /// <summary>The project record, for a line of a project list (its budget).</summary>
    public ProjectRecord? Project { get; init; }
}

/// <summary>The filters a question narrows a group of lines by, each kept only when some line of the group meets it: a
/// department of the group (環境部が所管; 以外 / を除く after it excludes it), a quoted phrase the lines carry (「低調」), a short
/// bracketed mark ((新)), a status or evaluation value of the lines named as a word of its own (順調なのは, 継続発展), and a
/// modifier on the counted noun that the lines carry (新規事業).</summary>
internal static partial class ScopedGroup
{
    /// <summary>Longest phrase taken as a filter; a longer quote is a title, not a mark.</summary>
    private const int MaxPhrase = 24;

    /// <summary>The filters, or null when the question quotes a phrase no line of the group carries (nothing to count).
    /// <paramref name="title"/> is the named measure's title (its words filter nothing); <paramref name="noun"/> the counted noun.</summary>
    public static List<(string Label, Func<ScopedLine, bool> Keep)>? Filters(Question question, IReadOnlyList<ScopedLine> scope, string title, string noun)
    {
        string text = Normalized(question.Text);
        // The field a value is read from: the evaluation when the question asks for one (評価が「継続」), the status when it asks
        // for that (状況が順調), else either (a project's 新規・継続 is its status, a measure's 継続 its evaluation).
        bool evaluation = !question.Asks(AskedValue.Status), status = !question.Asks(AskedValue.Evaluation);
        string? Field(ScopedLine l, string value) => (status && l.Status == value) || (evaluation && l.Evaluation == value) ? value : null;
        var filters = new List<(string Label, Func<ScopedLine, bool> Keep)>();
        var values = scope.SelectMany(l => new[] { status ? l.Status : null, evaluation ? l.Evaluation : null }).OfType<string>().Where(v => v.Length >= 2).Distinct().ToList();
        foreach ((string phrase, bool quoted) in Phrases(text).Where(p => title.Length == 0 || !title.Contains(p.Phrase, StringComparison.Ordinal)))
        {
            // A value of the lines' own fields (継続 is not 継続発展) is matched whole; other phrases as the lines' text.
            if (values.Contains(phrase))
            {
                filters.Add(($"「{phrase}」", l => Field(l, phrase) is not null));
                continue;
            }

            if (!scope.Any(l => Normalized(l.Source.Quote).Contains(phrase, StringComparison.Ordinal)))
            {
                // A quoted phrase no line carries cannot be counted; a bracketed word no line carries is an aside ((雇用)).
                if (quoted)
                {
                    return null;
                }

                continue;
            }

            filters.Add(($"「{phrase}」", l => Normalized(l.Source.Quote).Contains(phrase, StringComparison.Ordinal)));
        }

        AddDepartmentFilter(text, scope, filters);
        string unquoted = QuotedPattern().Replace(text, " ");
        foreach (string value in values.OrderByDescending(v => v.Length).Where(v => NamesValue(unquoted, v, noun, values)))
        {
            filters.Add((value, l => Field(l, value) is not null));
        }

        // 「新規事業になってるのは何事業」: a status word (data) on the counted noun, as the lines write it.
        foreach (string modifier in QuestionVocabulary.Default.StatusModifiers.Where(w => unquoted.Contains(w + noun, StringComparison.Ordinal)))
        {
            string phrase = modifier + noun;
            int carrying = scope.Count(l => Normalized(l.Source.Quote).Contains(phrase, StringComparison.Ordinal));
            if (carrying > 0 && carrying < scope.Count && !values.Contains(modifier) && !title.Contains(phrase, StringComparison.Ordinal))
            {
                filters.Add(($"「{phrase}」", l => Normalized(l.Source.Quote).Contains(phrase, StringComparison.Ordinal)));
            }
        }

        return filters;
    }

    /// <summary>The question names a field value as a word of its own: not inside a longer value it also names (継続 in 継続発展),
    /// not the start of a longer word (新規 in 新規就農者), unless the counted noun follows (新規事業).</summary>
    private static bool NamesValue(string text, string value, string noun, IReadOnlyList<string> values)
    {
        for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            int end = at + value.Length;
            if (values.Any(longer => longer.Length > value.Length && longer.Contains(value, StringComparison.Ordinal) && text.Contains(longer, StringComparison.Ordinal)))
            {
                return false;
            }

            bool wordEnds = end >= text.Length || !IsWordChar(text[end]) || text.AsSpan(end).StartsWith(noun, StringComparison.Ordinal);
            bool wordStarts = at == 0 || !IsWordChar(text[at - 1]);
            if (wordEnds && wordStarts)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= 'ァ' and <= 'ヶ') or 'ー';

    /// <summary>A department of the scope the question names (the longest), keeping its lines, or the others' when 以外 / を除く
    /// follows it.</summary>
    private static void AddDepartmentFilter(string text, IReadOnlyList<ScopedLine> scope, List<(string, Func<ScopedLine, bool>)> filters)
    {
        if (Department(text, scope.Select(l => l.Department)) is not { } department)
        {
            return;
        }

        int after = text.IndexOf(Normalized(department), StringComparison.Ordinal) + Normalized(department).Length;
        bool excluded = QuestionVocabulary.Default.ExclusionWords.Any(x => text.AsSpan(after).StartsWith(x, StringComparison.Ordinal));
        filters.Add(excluded ? ($"{department}以外", l => l.Department != department) : (department, l => l.Department == department));
    }

    /// <summary>The longest of these departments the text names.</summary>
    public static string? Department(string text, IEnumerable<string?> departments) =>
        departments.OfType<string>().Where(d => d.Length >= 2 && text.Contains(Normalized(d), StringComparison.Ordinal)).OrderByDescending(d => d.Length).FirstOrDefault();

    /// <summary>Quoted phrases (「低調」) and short bracketed marks ((新)) that the question names lines by; a bracketed measure
    /// mark ((ク)) or a bracketed aside longer than a mark is not one.</summary>
    private static IEnumerable<(string Phrase, bool Quoted)> Phrases(string text)
    {
        foreach (Match m in QuotedPattern().Matches(text))
        {
            if (m.Groups["t"].Value.Trim() is { Length: > 0 and <= MaxPhrase } phrase)
            {
                yield return (phrase, true);
            }
        }

        foreach (Match m in MarkPattern().Matches(text))
        {
            yield return (m.Value, false);
        }
    }

    public static string Normalized(string text) => text.Normalize(NormalizationForm.FormKC);

    [GeneratedRegex(@"[「『](?<t>[^」』]+)[」』]")]
    private static partial Regex QuotedPattern();

    /// <summary>A one- or two-kanji mark in brackets: (新), (再掲).</summary>
    [GeneratedRegex(@"\([\p{IsCJKUnifiedIdeographs}]{1,2}\)")]
    private static partial Regex MarkPattern();
}
