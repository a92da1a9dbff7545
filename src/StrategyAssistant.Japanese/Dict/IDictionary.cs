namespace StrategyAssistant.Japanese.Dict;

/// <summary>Word-level data of a dictionary, addressed by word id.</summary>
public interface IDictionary
{
    /// <summary>Left context id.</summary>
    int GetLeftId(int wordId);

    /// <summary>Right context id.</summary>
    int GetRightId(int wordId);

    /// <summary>Word cost.</summary>
    int GetWordCost(int wordId);

    /// <summary>Part of speech, its levels joined by '-' ("名詞-固有名詞-地域-一般").</summary>
    string? GetPartOfSpeech(int wordId);

    /// <summary>Reading (katakana) or null.</summary>
    string? GetReading(int wordId, char[] surface, int offset, int length);

    /// <summary>Base form when the word is inflected, else null.</summary>
    string? GetBaseForm(int wordId, char[] surface, int offset, int length);

    /// <summary>Pronunciation or null.</summary>
    string? GetPronunciation(int wordId, char[] surface, int offset, int length);

    /// <summary>Inflection type ("五段・ラ行") or null.</summary>
    string? GetInflectionType(int wordId);

    /// <summary>Inflection form ("連用形") or null.</summary>
    string? GetInflectionForm(int wordId);
}

/// <summary>Constants shared by dictionaries.</summary>
public static class Dictionary
{
    /// <summary>Separator used inside dictionary strings.</summary>
    public const string INTERNAL_SEPARATOR = "\u0000";
}
