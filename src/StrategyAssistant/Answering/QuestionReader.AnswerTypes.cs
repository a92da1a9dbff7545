
namespace StrategyAssistant.Answering;

/// <summary>The answer type a question's words ask for (a count from a counted noun or a counted clause, a difference from an
/// interrogative and a change word, …), its counter and its ranking direction.</summary>
public sealed partial class QuestionReader
{
    /// <summary>The counter of the question's last count word (何件 → 件, いくつ → つ), or null.</summary>
    private string? Counter(string text) => _vocabulary.Counters
        .Select(c => (c.Value, At: text.LastIndexOf(c.Key, StringComparison.Ordinal), c.Key.Length))
        .Where(c => c.At >= 0).OrderByDescending(c => c.At).ThenByDescending(c => c.Length).Select(c => c.Value).FirstOrDefault();

    /// <summary>1 for a superlative towards the largest (一番大きい, 一番予算が多い, 最大の), -1 towards the smallest, 0 for none:
    /// a superlative marker followed closely by a direction word, or a superlative word of its own.</summary>
    private int Ranking(string text)
    {
        QuestionVocabulary v = _vocabulary;
        foreach (string marker in v.RankingMarkers)
        {
            for (int at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
            {
                string after = text.Substring(at + marker.Length, Math.Min(10, text.Length - at - marker.Length));
                int max = v.DirectionMax.Select(w => after.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(int.MaxValue).Min();
                int min = v.DirectionMin.Select(w => after.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(int.MaxValue).Min();
                if (max != min)
                {
                    return max < min ? 1 : -1;
                }
            }
        }

        return v.RankingMax.Any(w => text.Contains(w, StringComparison.Ordinal)) ? 1 : v.RankingMin.Any(w => text.Contains(w, StringComparison.Ordinal)) ? -1 : 0;
    }

    /// <summary>The answer type of the first vocabulary group whose word the question holds; a count also when a countable
    /// noun (事業, 施策, KPI …) is followed closely by a count word (いくつ, 何個, の数 …).</summary>
    private AnswerType TypeOf(string text, string original)
    {
        // The clause rule reads the question as written: a masked name (重要業績評価指標) still names the noun counted.
        bool counts = CountsNouns(text) || CountsClause(original);
        foreach ((AnswerType type, string[] words) in _vocabulary.AnswerTypes)
        {
            if (type == AnswerType.Figure && counts)
            {
                return AnswerType.Count;
            }

            // 「指標、全部で何件」: 全部で before a count word says "in all" of the count; it asks no sum.
            if (type == AnswerType.Sum && counts
                && !words.Any(w => _vocabulary.InAllWords.Aggregate(text, (t, x) => t.Replace(x, " ", StringComparison.Ordinal)).Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (type == AnswerType.Difference && AsksChange(text))
            {
                return AnswerType.Difference;
            }

            if (words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                // A department named beside a count word narrows the count (環境部が所管する事業は何事業): the count is the ask.
                return type == AnswerType.Department && AsksCount(text) ? AnswerType.Count : type;
            }
        }

        return counts ? AnswerType.Count : AnswerType.Any;
    }

    /// <summary>A clause made a noun and counted (順調なのは何件, 「継続発展」になったのはいくつ) after a countable noun: the items the
    /// clause describes are counted.</summary>
    private bool CountsClause(string text)
    {
        foreach (string nominal in _vocabulary.Nominalizers)
        {
            for (int at = text.IndexOf(nominal, StringComparison.Ordinal); at > 0; at = text.IndexOf(nominal, at + 1, StringComparison.Ordinal))
            {
                string after = _vocabulary.CountFillers.Aggregate(text[(at + nominal.Length)..], (t, f) => t.Replace(f, string.Empty, StringComparison.Ordinal)).TrimStart(' ', '、');
                if (_vocabulary.Counters.Keys.Any(c => after.StartsWith(c, StringComparison.Ordinal)) && _vocabulary.CountNouns.Any(n => text.AsSpan(0, at).Contains(n, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool AsksCount(string text) =>
        CountsNouns(text) || _vocabulary.AnswerTypes.Where(t => t.Type == AnswerType.Count).SelectMany(t => t.Words).Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>An interrogative followed within a few characters by a change word: 何万人減った, どれだけ足りない, 何%増加.</summary>
    private bool AsksChange(string text)
    {
        foreach (string marker in _vocabulary.DifferenceMarkers)
        {
            for (int at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
            {
                int end = at + marker.Length;
                string window = text.Substring(end, Math.Min(MaxChangeDistance, text.Length - end));
                if (_vocabulary.ChangeWords.Any(w => window.Contains(w, StringComparison.Ordinal)))
                {
                    return true;
                }

                // 「基準より何件多い」: after より, a direction word asks by how much, not which.
                int than = text.LastIndexOf("より", at, StringComparison.Ordinal);
                if (than >= 0 && at - than <= MaxChangeDistance && _vocabulary.DirectionMax.Concat(_vocabulary.DirectionMin).Any(w => window.Contains(w, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>How far after the interrogative a change word may stand (何千人足りな: the unit between them).</summary>
    private const int MaxChangeDistance = 6;

    private bool CountsNouns(string text)
    {
        foreach (string noun in _vocabulary.CountNouns)
        {
            for (int at = text.IndexOf(noun, StringComparison.Ordinal); at >= 0; at = text.IndexOf(noun, at + 1, StringComparison.Ordinal))
            {
                int end = at + noun.Length;
                // Fillers between the noun and its count word (施策はそれぞれいくつ) do not part them.
                string window = _vocabulary.CountFillers.Aggregate(text[end..], (t, f) => t.Replace(f, string.Empty, StringComparison.Ordinal));
                window = window[..Math.Min(8, window.Length)];
                if (_vocabulary.CountWords.Any(w => window.StartsWith(w, StringComparison.Ordinal)
                    || (window.Contains(w, StringComparison.Ordinal) && window.IndexOf(w, StringComparison.Ordinal) <= 4 && window[..window.IndexOf(w, StringComparison.Ordinal)].All(IsLinkChar))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Particles and spaces between a noun and its count word: 事業は いくつ, KPIが何個.
    private static bool IsLinkChar(char c) => c is (>= '\u3041' and <= '\u309F') or ' ' or '、' or ',';
}
