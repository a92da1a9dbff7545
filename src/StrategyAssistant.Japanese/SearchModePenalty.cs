using StrategyAssistant.Japanese.Dict;

namespace StrategyAssistant.Japanese;

/// <summary>SEARCH mode's penalty on long words (Kuromoji's): all-kanji words longer than 2 characters, other words longer
/// than 7, so that a compound loses to its parts unless the parts cost much more.</summary>
internal static class SearchModePenalty
{
    private const int KanjiLength = 2;
    private const int OtherLength = 7;
    private const int KanjiPenalty = 3000;
    private const int OtherPenalty = 1700;

    /// <summary>The cost added to a word of <paramref name="length"/> at <paramref name="pos"/> of <paramref name="buffer"/>.</summary>
    public static int Compute(char[] buffer, CharacterDefinition characterDefinition, int pos, int length)
    {
        if (length > KanjiLength)
        {
            bool allKanji = true;
            int endPos = pos + length;
            for (int p = pos; p < endPos; p++)
            {
                if (!characterDefinition.IsKanji(buffer[p]))
                {
                    allKanji = false;
                    break;
                }
            }

            if (allKanji)
            {
                return (length - KanjiLength) * KanjiPenalty;
            }

            if (length > OtherLength)
            {
                return (length - OtherLength) * OtherPenalty;
            }
        }

        return 0;
    }
}
