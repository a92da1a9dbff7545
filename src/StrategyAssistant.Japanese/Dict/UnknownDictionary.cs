namespace StrategyAssistant.Japanese.Dict;

/// <summary>
/// Unknown-word entries from <c>unk.def</c>, grouped by character class; word id 0 is the synthetic NGRAM entry.
/// Reading, pronunciation, base form and inflection are always null.
/// </summary>
public sealed class UnknownDictionary : IDictionary
{
    private readonly string[] _strings;
    private readonly int[] _featurePos;
    private readonly short[] _leftIds;
    private readonly short[] _rightIds;
    private readonly short[] _costs;
    private readonly int[] _features;
    private readonly int[] _classStart;

    internal UnknownDictionary(DictionaryData data, CharacterDefinition characterDefinition)
    {
        _strings = data.Strings;
        _featurePos = data.FeaturePos;
        _leftIds = data.UnknownLeftIds;
        _rightIds = data.UnknownRightIds;
        _costs = data.UnknownCosts;
        _features = data.UnknownFeatures;
        _classStart = data.UnknownClassStart;
        CharacterDefinition = characterDefinition;
    }

    /// <summary>The embedded IPADIC unknown dictionary.</summary>
    public static UnknownDictionary Instance => SystemDictionary.Instance.Unknown;

    /// <summary>The character definition used to classify characters.</summary>
    public CharacterDefinition CharacterDefinition { get; }

    /// <summary>Number of entries.</summary>
    public int Count => _leftIds.Length;

    /// <summary>First word id of a character class.</summary>
    public int GetFirstWordId(byte characterClass) => _classStart[characterClass];

    /// <summary>One past the last word id of a character class.</summary>
    public int GetEndWordId(byte characterClass) => _classStart[characterClass + 1];

    /// <inheritdoc/>
    public int GetLeftId(int wordId) => _leftIds[wordId];

    /// <inheritdoc/>
    public int GetRightId(int wordId) => _rightIds[wordId];

    /// <inheritdoc/>
    public int GetWordCost(int wordId) => _costs[wordId];

    /// <inheritdoc/>
    public string? GetPartOfSpeech(int wordId)
    {
        int index = _featurePos[_features[wordId]];
        return index < 0 ? null : _strings[index];
    }

    /// <inheritdoc/>
    public string? GetReading(int wordId, char[] surface, int offset, int length) => null;

    /// <inheritdoc/>
    public string? GetBaseForm(int wordId, char[] surface, int offset, int length) => null;

    /// <inheritdoc/>
    public string? GetPronunciation(int wordId, char[] surface, int offset, int length) => null;

    /// <inheritdoc/>
    public string? GetInflectionType(int wordId) => null;

    /// <inheritdoc/>
    public string? GetInflectionForm(int wordId) => null;
}
