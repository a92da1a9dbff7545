using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using StrategyAssistant.Documents;
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

    public static IReadOnlyList<Scored> Best(KnowledgeBase knowledge, IEnumerable<Ranked<Passage>> passages, IReadOnlyList<string> questionTerms, AnswerType type, Analyzer analyzer, int max = 3)
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
            Scored? top = null;
            foreach ((int n, string line) in ranked.Item.NumberedLines())
            {
                foreach (string sentence in Sentences(line))
                {
                    // A passage found through its heading may hold none of the words itself: its first sentence stands for it.
                    top ??= new Scored(knowledge.Cite(ranked.Item.File, n, n, sentence), 0);
                    var terms = QueryTerms.Analyze(analyzer, IndexFields.Text, sentence, int.MaxValue);
                    int hits = terms.Where(wanted.Contains).Distinct(StringComparer.Ordinal).Count();
                    bool fits = Fits(sentence, type);
                    double score = ((hits / Math.Sqrt(Math.Max(terms.Count, 1))) + (fits ? TypeBonus : 0)) * Math.Min(1, terms.Count / (double)MinSentenceTerms);
                    if ((hits > 0 || fits) && score > top.Score)
                    {
                        top = new Scored(knowledge.Cite(ranked.Item.File, n, n, sentence), score);
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

    [GeneratedRegex(@"(?<=[。！？!?])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(令和|平成|昭和|R|H)\s?[0-9元]+|[0-9]{4}\s?年|[0-9]+\s?月")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"とは|をいう|のこと|[:：]|を指す|と呼")]
    private static partial Regex DefinitionLike();

    [GeneratedRegex(@"ため|により|によって|要因|理由|原因|背景|から、")]
    private static partial Regex ReasonLike();
}
