namespace StrategyAssistant.Search;

/// <summary>Katakana words spelled nearly alike: a misprinted kana (ホームペーリ for ホームページ), one left out or one too
/// many. The analyzer keeps an unknown katakana run whole (ホームペーリアクセス), so the word is looked for inside an entry's
/// katakana terms, in every stretch one shorter, as long or one longer than it.</summary>
public static class NearSpelling
{
    /// <summary>Shorter words differ in too few characters for one edit to be a misprint rather than another word.</summary>
    private const int MinLength = 4;

    public static bool Katakana(string term) => term.Length >= MinLength && term.All(IsKatakana);

    /// <summary>Whether one of <paramref name="terms"/> holds <paramref name="word"/>, or a stretch at least
    /// <paramref name="similarity"/> alike (1 − edits / the word's length).</summary>
    public static bool Holds(IEnumerable<string> terms, string word, double similarity)
    {
        int allowed = (int)Math.Floor(word.Length * (1 - similarity) + 1e-9);
        foreach (string term in terms)
        {
            if (term.Length < word.Length - allowed || !term.All(IsKatakana))
            {
                continue;
            }

            if (term.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }

            for (int length = Math.Max(1, word.Length - allowed); allowed > 0 && length <= word.Length + allowed; length++)
            {
                for (int start = 0; start + length <= term.Length; start++)
                {
                    if (Edits(word, term.AsSpan(start, length), allowed) <= allowed)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The Levenshtein distance, or more than <paramref name="limit"/> as soon as it must exceed it.</summary>
    internal static int Edits(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int best = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.Min(best, current[j]);
            }

            if (best > limit)
            {
                return limit + 1;
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }

    private static bool IsKatakana(char c) => c is >= '\u30A1' and <= '\u30FA' or 'ー';
}
