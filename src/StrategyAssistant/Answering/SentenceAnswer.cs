using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering;

/// <summary>Answers a prose question with the sentence that answers it: the found passages are split into sentences, each
/// scored by how many of the question's content words it holds (dense sentences first) and by whether it holds what the
/// answer type asks for (a date for いつ, a number for いくつ, a definition for とは, a cause for なぜ); the best sentence of each
/// of the best passages is quoted with its line.</summary>
public static partial class SentenceAnswer
{
    /// <summary>How much a sentence that holds what the answer type asks for gains.</summary>
    public const double TypeBonus = 0.5;

    /// <summary>Sentences with fewer terms than this (headings, bare cells) score in proportion.</summary>
    public const int MinSentenceTerms = 6;

    public sealed record Scored(Citation Citation, double Score);

    /// <summary>A sentence that names another plan period (第1期 when the question asks about 第2期) counts this much.</summary>
    public const double OtherPlanFactor = 0.5;

    /// <param name="knowledge">Names the documents cited.</param>
    /// <param name="passages">The found passages, best first.</param>
    /// <param name="questionTerms">The question's analyzer terms.</param>
    /// <param name="type">What the question word asks for.</param>
    /// <param name="analyzer">The index analyzer.</param>
    /// <param name="max">At most this many sentences.</param>
    /// <param name="next">The passage that follows one in its document: what a heading standing alone heads.</param>
    /// <param name="plan">The plan period the question names (第2期), or null.</param>
    public static IReadOnlyList<Scored> Best(KnowledgeBase knowledge, IEnumerable<Ranked<Passage>> passages, IReadOnlyList<string> questionTerms, AnswerType type, Analyzer analyzer, int max = 3,
        Func<Passage, Passage?>? next = null, string? plan = null, IReadOnlyList<FiscalPeriod>? years = null)
    {
        // Content terms only: kana-only terms are particles and okurigana, digits are the question's own numbers.
        var wanted = new HashSet<string>(questionTerms.Where(t => t.Any(c => c is < '\u3041' or > '\u309F') && !t.All(char.IsDigit)), StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return [];
        }

        // Each passage is represented by its best sentence; passages keep their retrieval order (coverage), and among passages
        // of equal coverage the better sentence comes first.
        var best = new List<(Scored Sentence, double Coverage)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Ranked<Passage> ranked in passages)
        {
            Passage passage = ranked.Item;
            var own = passage.NumberedLines().ToList();
            // A heading standing alone (### 目指す姿, or a bare one-line title such as 合計特殊出生率): the text it heads answers.
            bool alone = own.Count > 0 && (own.All(l => IsTitle(l.Text)) || (own.Count == 1 && IsBareTitle(own[0].Text)));
            List<(int Line, string Text)> lines = alone && next?.Invoke(passage) is { } body ? [.. own, .. body.NumberedLines()] : own;

            // A heading's words that the question asks about carry over to the sentences under it.
            var context = new HashSet<string>(StringComparer.Ordinal);
            Scored? top = null;
            foreach ((int first, int last, string unit) in Units(lines, alone))
            {
                if (IsContents(unit))
                {
                    continue;
                }

                if (IsTitle(unit) || (alone && first == own[0].Line && IsBareTitle(unit)))
                {
                    context.UnionWith(QueryTerms.Analyze(analyzer, IndexFields.Text, unit, int.MaxValue).Where(wanted.Contains));
                    continue;
                }

                foreach (string sentence in Sentences(unit))
                {
                    // A passage found through its heading may hold none of the words itself: its first sentence stands for it.
                    top ??= new Scored(knowledge.Cite(passage.File, first, last, sentence), 0);
                    var terms = QueryTerms.Analyze(analyzer, IndexFields.Text, sentence, int.MaxValue);
                    // A sentence that already matches the topic (two words or more) and states a year the question asks about matches
                    // it as one more word (the digits of 2021年 are no term); a table's header row (基準値(H30) KPI(R6)) gains nothing.
                    int hits = terms.Where(wanted.Contains).Concat(context).Distinct(StringComparer.Ordinal).Count();
                    hits += hits >= 2 && StatesYear(sentence, years) ? 1 : 0;
                    bool fits = Fits(sentence, type);
                    double bonus = (fits ? TypeBonus : 0) + (type == AnswerType.Date && DateRange().IsMatch(sentence) ? TypeBonus / 2 : 0);
                    double score = ((hits / Math.Sqrt(Math.Max(terms.Count, 1))) + bonus) * Math.Min(1, terms.Count / (double)MinSentenceTerms) * PlanFactor(sentence, plan);
                    if ((hits > 0 || fits) && score > top.Score)
                    {
                        top = new Scored(knowledge.Cite(passage.File, first, last, sentence), score);
                    }
                }
            }

            if (top is not null && seen.Add(Key(top.Citation.Quote)))
            {
                best.Add((top, ranked.Coverage));
            }
        }

        return [.. best.OrderByDescending(b => Math.Round(b.Coverage, 2)).ThenByDescending(b => b.Sentence.Score).Take(max).Select(b => b.Sentence)];
    }

    /// <summary>True when <paramref name="text"/> names one of <paramref name="years"/> (2021年, 令和3年 and R3 alike).</summary>
    public static bool StatesYear(string text, IReadOnlyList<FiscalPeriod>? years) =>
        years is { Count: > 0 } && FiscalYearParser.FindAll(text).Any(m => years.Any(y => m.Period.Start <= y.End && y.Start <= m.Period.End));

    /// <summary>The passage's lines as statements: a line that opens with a parenthesis (（2020年12月以降急激に減少）) adds to
    /// the statement of the line before it, and is quoted and cited with it.</summary>
    private static IEnumerable<(int First, int Last, string Text)> Units(List<(int Line, string Text)> lines, bool alone)
    {
        (int First, int Last, string Text)? open = null;
        foreach ((int n, string text) in lines)
        {
            if (open is { } previous && text.Length > 0 && text[0] is '(' or '（' && !text.Contains('\t', StringComparison.Ordinal)
                && !previous.Text.Contains('\t', StringComparison.Ordinal) && !IsTitle(previous.Text) && !(alone && IsBareTitle(previous.Text)))
            {
                open = (previous.First, n, previous.Text + text);
                continue;
            }

            if (open is not null)
            {
                yield return open.Value;
            }

            open = (n, n, text);
        }

        if (open is not null)
        {
            yield return open.Value;
        }
    }

    /// <summary>A one-line title without a number (合計特殊出生率, 社会増減): short, no sentence end, no figure, no list mark.</summary>
    private static bool IsBareTitle(string line) =>
        line.Length <= MaxBareTitleChars && !line.Contains('。', StringComparison.Ordinal) && !line.Contains('\t', StringComparison.Ordinal)
        && !line.Any(char.IsDigit) && line[0] is not ('-' or '・' or '○' or '●' or '◆' or '■' or '※' or '→' or '(' or '（');

    /// <summary>A bare title is at most this long.</summary>
    private const int MaxBareTitleChars = 30;

    /// <summary>The plan period a text names (第2期), or null.</summary>
    public static string? PlanOf(string text) => PlanPeriod().Match(text.Normalize(System.Text.NormalizationForm.FormKC)) is { Success: true } m ? m.Value : null;

    private static double PlanFactor(string sentence, string? plan)
    {
        if (plan is null)
        {
            return 1;
        }

        var named = PlanPeriod().Matches(sentence.Normalize(System.Text.NormalizationForm.FormKC)).Select(m => m.Value).ToList();
        return named.Count > 0 && !named.Contains(plan, StringComparer.Ordinal) ? OtherPlanFactor : 1;
    }

    /// <summary>A heading line (### 目指す姿, (2) 重要業績評価指標の進捗状況について, 3 計画期間): it names what follows, it does
    /// not answer.</summary>
    private static bool IsTitle(string line) =>
        line.StartsWith('#') || (line.Length <= MaxTitleChars && !line.Contains('。', StringComparison.Ordinal) && !line.Contains('\t', StringComparison.Ordinal) && NumberedTitle().IsMatch(line));

    /// <summary>A numbered line longer than this is prose, not a title.</summary>
    private const int MaxTitleChars = 50;

    /// <summary>A table-of-contents entry (… ..... 12): a title and a page number.</summary>
    private static bool IsContents(string line) => ContentsEntry().IsMatch(line);

    // The same sentence written twice (a slide title and its table of contents) is quoted once.
    private static string Key(string sentence) => new([.. sentence.Normalize(System.Text.NormalizationForm.FormKC).Where(char.IsLetterOrDigit)]);

    /// <summary>A line's sentences: split after 。 (and after ！？); a table row is one unit, its cells belong together.</summary>
    internal static IEnumerable<string> Sentences(string line)
    {
        if (line.Contains('\t', StringComparison.Ordinal))
        {
            yield return line.Replace('\t', ' ').Trim();
            yield break;
        }

        foreach (string part in SentenceEnd().Split(line))
        {
            string sentence = part.Replace('\t', ' ').Trim();
            if (sentence.Length > 1)
            {
                yield return sentence;
            }
        }
    }

    private static bool Fits(string sentence, AnswerType type) => type switch
    {
        AnswerType.Date => DateLike().IsMatch(sentence),
        AnswerType.Figure or AnswerType.Count => sentence.Any(char.IsDigit),
        AnswerType.Definition => DefinitionLike().IsMatch(sentence),
        AnswerType.Reason => ReasonLike().IsMatch(sentence),
        _ => false,
    };

    [GeneratedRegex(@"(\.{3,}|…{2,}|・{3,}|‥{2,})\s*[0-9]+\s*$")]
    private static partial Regex ContentsEntry();

    [GeneratedRegex(@"^[(（]?[0-9０-９]{1,2}[)）.．]?\s+\S")]
    private static partial Regex NumberedTitle();

    [GeneratedRegex(@"第\s?[0-9]+\s?期")]
    private static partial Regex PlanPeriod();

    [GeneratedRegex(@"[0-9元]\s?(年|年度|月)[^。]{0,16}[～〜~][^。]{0,16}[0-9元]\s?(年|年度|月)|から[^。]{0,24}まで")]
    private static partial Regex DateRange();

    [GeneratedRegex(@"(?<=[。！？!?])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(令和|平成|昭和|R|H)\s?[0-9元]+|[0-9]{4}\s?年|[0-9]+\s?月")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"とは|をいう|のこと|[:：]|を指す|と呼")]
    private static partial Regex DefinitionLike();

    [GeneratedRegex(@"ため|により|によって|要因|理由|原因|背景|から、")]
    private static partial Regex ReasonLike();
}
