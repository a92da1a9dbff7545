using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>The measure (施策) a question names outright, by its mark within a goal (施策キ, （施策ケ）, 基本目標4キ, （ク）,
/// エ② for the second measure under エ) or by its title (施策『…』 or the title written in full), and its projects from the
/// record hierarchy.</summary>
internal static partial class NamedMeasure
{
    /// <summary>The one measure the question names, with its city and goal; null when none or several equally fit.</summary>
    public static (string City, Goal? Goal, Measure Measure)? Find(Question question, IReadOnlyList<ProjectRecord> projects)
    {
        string text = question.Text.Normalize(NormalizationForm.FormKC);
        (string? mark, string? sub) = Mark(text);
        string? quoted = QuotedPattern().Match(text) is { Success: true } q ? q.Groups["t"].Value.Trim() : null;
        IReadOnlyList<int> goals = DerivedFigures.GoalNumbers(text);
        var candidates = projects
            .Where(p => p.Measure is not null && (question.Cities.Count == 0 || question.Cities.Contains(p.City)))
            .Where(p => goals.Count == 0 || (p.Goal is { } g && goals.Contains(g.Number)))
            .Select(p => (p.City, p.Goal, Measure: p.Measure!))
            .Distinct()
            .Select(c => (Candidate: c, Score: Score(c.Measure, text, mark, quoted, sub)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .ToList();
        if (candidates.Count == 0 || (candidates.Count > 1 && candidates[1].Score >= candidates[0].Score))
        {
            return null;
        }

        return candidates[0].Candidate;
    }

    /// <summary>Every project listed under the measure, in document order.</summary>
    public static List<ProjectRecord> Members((string City, Goal? Goal, Measure Measure) named, IReadOnlyList<ProjectRecord> projects) =>
        [.. projects.Where(p => p.City == named.City && p.Goal == named.Goal && p.Measure == named.Measure)];

    /// <summary>A title named in full or quoted weighs most; a mark alone counts, and title bigrams shared with the question
    /// break ties between measures of the same mark under different goals or cities.</summary>
    internal static double Score(Measure measure, string text, string? mark, string? quoted, string? sub = null)
    {
        string title = measure.Title.Normalize(NormalizationForm.FormKC);
        // エ② names the measure ② under エ; エ alone a measure marked エ itself.
        bool markMatch = mark is not null && measure.Mark is { } own && (sub is null
            ? Bare(own) == mark
            : Bare(own) == sub && measure.Parent?.Mark is { } parent && Bare(parent) == mark);
        bool titleMatch = (quoted is { Length: >= 2 } && (title.Contains(quoted, StringComparison.Ordinal) || quoted.Contains(title, StringComparison.Ordinal)))
            || (title.Length >= 4 && text.Contains(title, StringComparison.Ordinal));
        if (!markMatch && !titleMatch)
        {
            return 0;
        }

        int shared = 0, total = 0;
        for (int i = 0; i + 1 < title.Length; i++)
        {
            total++;
            shared += text.Contains(title.AsSpan(i, 2), StringComparison.Ordinal) ? 1 : 0;
        }

        return (titleMatch ? 2 : 0) + (markMatch ? 1 : 0) + (total == 0 ? 0 : (double)shared / total);
    }

    /// <summary>The mark a question names a measure by, and the sub-measure's number when it names one (エ② → エ, 2), in
    /// NFKC text: after 施策, after 基本目標N, in brackets of its own, or a katakana mark with a sub-measure number.</summary>
    internal static (string? Mark, string? Sub) Mark(string text)
    {
        foreach (Regex pattern in (Regex[])[MarkPattern(), GoalMarkPattern(), BracketedMarkPattern(), CompoundMarkPattern()])
        {
            if (pattern.Match(text) is { Success: true } m)
            {
                return (m.Groups["m"].Value, m.Groups["s"].Success ? m.Groups["s"].Value : null);
            }
        }

        return (null, null);
    }

    private static string Bare(string mark) => BracketPattern().Replace(mark.Normalize(NormalizationForm.FormKC), string.Empty);

    [GeneratedRegex(@"施策\s*[(（]?\s*(?<m>[ア-ヶ])(?![ァ-ヶー])")]
    private static partial Regex MarkPattern();

    [GeneratedRegex(@"基本目標\s?[0-9]\s?の?\s?(?<m>[ア-ン])(?<s>[0-9])?(?![ァ-ヶー0-9])")]
    private static partial Regex GoalMarkPattern();

    [GeneratedRegex(@"[(（]\s*(?<m>[ア-ン])(?<s>[0-9])?\s*[)）]")]
    private static partial Regex BracketedMarkPattern();

    [GeneratedRegex(@"(?<![ァ-ヶー])(?<m>[ア-ン])(?<s>[0-9])(?![0-9])")]
    private static partial Regex CompoundMarkPattern();

    [GeneratedRegex(@"[『「](?<t>[^』」]+)[』」]")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"[()（）\s.．、]")]
    private static partial Regex BracketPattern();
}
