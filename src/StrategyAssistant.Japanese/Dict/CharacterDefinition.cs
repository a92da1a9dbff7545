namespace StrategyAssistant.Japanese.Dict;

/// <summary>
/// Character classes from IPADIC's <c>char.def</c>: a class per UTF-16 code unit plus each class's
/// invoke and group flags (the LENGTH column is ignored, as in Kuromoji).
/// </summary>
public sealed class CharacterDefinition
{
    /// <summary>Number of character classes.</summary>
    public const int ClassCount = 12;

    /// <summary>The synthetic n-gram class; also the word id of the unknown dictionary's n-gram entry.</summary>
    public const byte NGRAM = 0;
    public const byte DEFAULT = 1;
    public const byte SPACE = 2;
    public const byte SYMBOL = 3;
    public const byte NUMERIC = 4;
    public const byte ALPHA = 5;
    public const byte CYRILLIC = 6;
    public const byte GREEK = 7;
    public const byte HIRAGANA = 8;
    public const byte KATAKANA = 9;
    public const byte KANJI = 10;
    public const byte KANJINUMERIC = 11;

    private static readonly string[] s_classNames =
    [
        "NGRAM", "DEFAULT", "SPACE", "SYMBOL", "NUMERIC", "ALPHA", "CYRILLIC", "GREEK", "HIRAGANA", "KATAKANA", "KANJI", "KANJINUMERIC",
    ];

    private readonly byte[] _classMap;
    private readonly bool[] _invoke;
    private readonly bool[] _group;

    internal CharacterDefinition(byte[] classMap, bool[] invoke, bool[] group)
    {
        if (classMap.Length != 0x10000 || invoke.Length != ClassCount || group.Length != ClassCount)
        {
            throw new ArgumentException("Invalid character definition tables.");
        }

        _classMap = classMap;
        _invoke = invoke;
        _group = group;
    }

    /// <summary>The character definition of the embedded IPADIC.</summary>
    public static CharacterDefinition Instance => SystemDictionary.Instance.CharacterDefinition;

    internal ReadOnlySpan<byte> ClassMap => _classMap;

    internal byte[] ClassMapArray => _classMap;

    internal bool[] InvokeFlags => _invoke;

    internal bool[] GroupFlags => _group;

    /// <summary>The class of a UTF-16 code unit (surrogates and unlisted characters are DEFAULT).</summary>
    public byte GetCharacterClass(char c) => _classMap[c];

    /// <summary>Whether unknown-word processing runs at this character even when the dictionary matched.</summary>
    public bool IsInvoke(char c) => _invoke[_classMap[c]];

    /// <summary>Whether characters of this class are grouped into one unknown word.</summary>
    public bool IsGroup(char c) => _group[_classMap[c]];

    /// <summary>Whether the character is KANJI or KANJINUMERIC by <c>char.def</c>.</summary>
    public bool IsKanji(char c)
    {
        byte cls = _classMap[c];
        return cls == KANJI || cls == KANJINUMERIC;
    }

    /// <summary>The class ordinal for a <c>char.def</c> class name.</summary>
    public static byte LookupCharacterClass(string name)
    {
        int index = Array.IndexOf(s_classNames, name);
        if (index < 0)
        {
            throw new ArgumentException($"Unknown character class '{name}'.", nameof(name));
        }

        return (byte)index;
    }

    /// <summary>The <c>char.def</c> name of a class ordinal.</summary>
    public static string GetClassName(byte characterClass) => s_classNames[characterClass];
}
