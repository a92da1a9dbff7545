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
    public static (string City, Goal? Goal, Measure Measure)? Find(Question question, IReadOnlyList<ProjectRecord> projects) =>
        Find(question, projects.Where(p => p.Measure is not null).Select(p => (p.City, p.Goal, p.Measure!)));

    /// <summary>The one measure among <paramref name="measures"/> (of project lists, KPI tables or both) the question names.</summary>
    public static (string City, Goal? Goal, Measure Measure)? Find(Question question, IEnumerable<(string City, Goal? Goal, Measure Measure)> measures)
    {
        string text = question.Text.Normalize(NormalizationForm.FormKC);
        (string? mark, string? sub) = Mark(text);
        string? quoted = QuotedPattern().Match(text) is { Success: true } q ? q.Groups["t"].Value.Trim() : null;
        IReadOnlyList<string> phrases = Phrases(text, question.Cities);
        IReadOnlyList<int> goals = DerivedFigures.GoalNumbers(text);
        var candidates = measures
            .Where(m => question.Cities.Count == 0 || question.Cities.Contains(m.City))
            .Where(m => goals.Count == 0 || (m.Goal is { } g && goals.Contains(g.Number)))
            .Distinct()
            .Select(c => (Candidate: c, Score: Score(c.Measure, text, mark, quoted, sub, phrases)))
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
    internal static double Score(Measure measure, string text, string? mark, string? quoted, string? sub = null, IReadOnlyList<string>? phrases = null)
    {
        string title = measure.Title.Normalize(NormalizationForm.FormKC);
        // エ② names the measure ② under エ; エ alone a measure marked エ itself.
        bool markMatch = mark is not null && measure.Mark is { } own && (sub is null
            ? Bare(own) == mark
            : Bare(own) == sub && measure.Parent?.Mark is { } parent && Bare(parent) == mark);
        bool titleMatch = (quoted is { Length: >= 2 } && (title.Contains(quoted, StringComparison.Ordinal) || quoted.Contains(title, StringComparison.Ordinal)))
            || (title.Length >= 4 && text.Contains(title, StringComparison.Ordinal));
        // A measure named in the user's words (ゼロカーボンの施策, 健康づくりの施策): the words before 施策 stand in the title.
        bool phraseMatch = !titleMatch && (phrases ?? []).Any(p => PhraseCoverage(p, title) >= MinPhraseCoverage);
        if (!markMatch && !titleMatch && !phraseMatch)
        {
            return 0;
        }

        int shared = 0, total = 0;
        for (int i = 0; i + 1 < title.Length; i++)
        {
            total++;
            shared += text.Contains(title.AsSpan(i, 2), StringComparison.Ordinal) ? 1 : 0;
        }

        return (titleMatch ? 2 : 0) + (markMatch ? 1 : 0) + (phraseMatch ? 1.5 : 0) + (total == 0 ? 0 : (double)shared / total);
    }

    /// <summary>A phrase names a title when the title holds this share of the phrase's bigrams.</summary>
    private const double MinPhraseCoverage = 0.75;

    /// <summary>The share of the phrase's bigrams (its bracketed parts each on their own, 中黒 and の between words ignored)
    /// that the title holds.</summary>
    internal static double PhraseCoverage(string phrase, string title)
    {
        string plainTitle = EnumeratedOperands.Plain(title);
        int held = 0, total = 0;
        foreach (string part in BracketPattern().Split(phrase).Select(EnumeratedOperands.Plain).Where(p => p.Length >= 2))
        {
            for (int i = 0; i + 1 < part.Length; i++)
            {
                total++;
                held += plainTitle.Contains(part.AsSpan(i, 2), StringComparison.Ordinal) ? 1 : 0;
            }
        }

        return total == 0 ? 0 : (double)held / total;
    }

    /// <summary>The words a question puts before a measure anchor (旭川のゼロカーボンシティ(脱炭素化)の施策 → ゼロカーボンシティ(脱炭素化);
    /// 移住の総合的な環境整備の事業 → 移住の総合的な環境整備): from the last comma or space, without the city and the particles at
    /// its edges; three characters or more. A project's own name (移住促進事業) is no phrase: its 事業 has no の before it.</summary>
    internal static IReadOnlyList<string> Phrases(string text, IReadOnlyList<string> cities)
    {
        var phrases = new List<string>();
        foreach (string anchor in QuestionVocabulary.Default.MeasureAnchors)
        {
            AddPhrases(text, anchor, cities, phrases);
        }

        return phrases;
    }

    private static void AddPhrases(string text, string anchor, IReadOnlyList<string> cities, List<string> phrases)
    {
        for (int at = text.IndexOf(anchor, StringComparison.Ordinal); at > 0; at = text.IndexOf(anchor, at + anchor.Length, StringComparison.Ordinal))
        {
            string before = text[..at];
            int start = before.LastIndexOfAny(['、', ',', '。', ' ', '　', '?']) + 1;
            string phrase = before[start..];
            foreach (string city in cities)
            {
                string stem = city.TrimEnd('市', '町', '村');
                phrase = phrase.StartsWith(city, StringComparison.Ordinal) ? phrase[city.Length..] : phrase.StartsWith(stem, StringComparison.Ordinal) ? phrase[stem.Length..] : phrase;
            }

            phrase = EdgeParticles().Replace(phrase, string.Empty);
            // …の施策の事業: the words before the first anchor are the phrase, read at that anchor.
            bool anchoredEarlier = QuestionVocabulary.Default.MeasureAnchors.Any(a => a != anchor && phrase.Contains(a.TrimStart('の'), StringComparison.Ordinal));
            if (phrase.Length >= 3 && !anchoredEarlier && !phrases.Contains(phrase))
            {
                phrases.Add(phrase);
            }
        }
    }

    [GeneratedRegex(@"^[のでにはがを]+|[のでにはがを]+$")]
    private static partial Regex EdgeParticles();

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
