using StrategyAssistant.Japanese.Dict;

namespace StrategyAssistant.Japanese;

/// <summary>Kind of token produced by <see cref="JapaneseTokenizer"/>.</summary>
public enum JapaneseTokenizerType
{
    /// <summary>A word of the system dictionary.</summary>
    KNOWN,

    /// <summary>An unknown word built from character classes.</summary>
    UNKNOWN,

    /// <summary>A segment of a user-dictionary phrase.</summary>
    USER,
}

/// <summary>One analyzed token: surface, offsets, dictionary entry.</summary>
public sealed class Token
{
    // Not readonly: a tokenizer whose consumer never keeps a token past the next IncrementToken reuses them (see Reuse).
    private IDictionary _dictionary;
    private int _wordId;
    private char[] _surfaceForm;
    private int _offset;
    private int _length;
    private int _position;
    private JapaneseTokenizerType _type;

    /// <summary>Creates a token over <paramref name="surfaceForm"/>[offset, offset+length).</summary>
    public Token(int wordId, char[] surfaceForm, int offset, int length, JapaneseTokenizerType type, int position, IDictionary dictionary)
    {
        _wordId = wordId;
        _surfaceForm = surfaceForm;
        _offset = offset;
        _length = length;
        _type = type;
        _position = position;
        _dictionary = dictionary;
    }

    /// <summary>Overwrites every field, as the constructor sets them (pooled tokens of <see cref="JapaneseTokenizer"/>).</summary>
    internal void Reuse(int wordId, char[] surfaceForm, int offset, int length, JapaneseTokenizerType type, int position, IDictionary dictionary)
    {
        _wordId = wordId;
        _surfaceForm = surfaceForm;
        _offset = offset;
        _length = length;
        _type = type;
        _position = position;
        _dictionary = dictionary;
        PositionLength = 1;
    }

    internal IDictionary Dictionary => _dictionary;

    /// <summary>The buffer holding the surface form.</summary>
    public char[] SurfaceForm => _surfaceForm;

    /// <summary>Start of the surface form in <see cref="SurfaceForm"/>.</summary>
    public int Offset => _offset;

    /// <summary>Length of the surface form.</summary>
    public int Length => _length;

    /// <summary>Word id in its dictionary.</summary>
    public int WordId => _wordId;

    /// <summary>Start position (UTF-16 index) in the input.</summary>
    public int Position => _position;

    /// <summary>Number of positions this token spans (compound tokens in SEARCH mode span their parts).</summary>
    public int PositionLength { get; set; } = 1;

    /// <summary>Token type.</summary>
    public JapaneseTokenizerType Type => _type;

    /// <summary>True for system-dictionary words.</summary>
    public bool IsKnown => _type == JapaneseTokenizerType.KNOWN;

    /// <summary>True for unknown words.</summary>
    public bool IsUnknown => _type == JapaneseTokenizerType.UNKNOWN;

    /// <summary>True for user-dictionary words.</summary>
    public bool IsUser => _type == JapaneseTokenizerType.USER;

    /// <summary>The surface form as a string.</summary>
    public string GetSurfaceFormString() => new(_surfaceForm, _offset, _length);

    /// <summary>Reading in katakana, or null.</summary>
    public string? GetReading() => _dictionary.GetReading(_wordId, _surfaceForm, _offset, _length);

    /// <summary>Pronunciation in katakana, or null.</summary>
    public string? GetPronunciation() => _dictionary.GetPronunciation(_wordId, _surfaceForm, _offset, _length);

    /// <summary>Part of speech, or null.</summary>
    public string? GetPartOfSpeech() => _dictionary.GetPartOfSpeech(_wordId);

    /// <summary>Inflection type, or null.</summary>
    public string? GetInflectionType() => _dictionary.GetInflectionType(_wordId);

    /// <summary>Inflection form, or null.</summary>
    public string? GetInflectionForm() => _dictionary.GetInflectionForm(_wordId);

    /// <summary>Base form of an inflected word, or null.</summary>
    public string? GetBaseForm() => _dictionary.GetBaseForm(_wordId, _surfaceForm, _offset, _length);

    /// <inheritdoc/>
    public override string ToString() => $"Token(\"{GetSurfaceFormString()}\" pos={_position} length={_length} posLen={PositionLength} type={_type} wordId={_wordId})";
}
