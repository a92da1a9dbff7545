namespace StrategyAssistant.Japanese.Dict;

/// <summary>
/// Unknown-word entries from <c>unk.def</c>, grouped by character class; word id 0 is the synthetic NGRAM entry.
/// Reading, pronunciation, base form and inflection are always null.
/// </summary>
public sealed class UnknownDictionary : IDictionary
{
    private readonly StringPool _strings;
    private readonly int[] _featurePos;
    private readonly short[] _leftIds;
    private readonly short[] _rightIds;
    private readonly short[] _costs;
    private readonly int[] _features;
    private readonly int[] _classStart;

    internal UnknownDictionary(DictionaryData data, StringPool strings, CharacterDefinition characterDefinition)
        : this(strings, data.FeaturePos, data.UnknownLeftIds, data.UnknownRightIds, data.UnknownCosts, data.UnknownFeatures, data.UnknownClassStart, characterDefinition)
    {
    }

    internal UnknownDictionary(StringPool strings, int[] featurePos, short[] leftIds, short[] rightIds, short[] costs, int[] features, int[] classStart, CharacterDefinition characterDefinition)
    {
        if (rightIds.Length != leftIds.Length || costs.Length != leftIds.Length || features.Length != leftIds.Length || classStart.Length != CharacterDefinition.ClassCount + 1)
        {
            throw new InvalidDataException("Inconsistent unknown-word tables.");
        }

        _strings = strings;
        _featurePos = featurePos;
        _leftIds = leftIds;
        _rightIds = rightIds;
        _costs = costs;
        _features = features;
        _classStart = classStart;
        CharacterDefinition = characterDefinition;
    }

    internal int[] FeaturePos => _featurePos;

    internal short[] LeftIds => _leftIds;

    internal short[] RightIds => _rightIds;

    internal short[] Costs => _costs;

    internal int[] Features => _features;

    internal int[] ClassStart => _classStart;

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
        return _strings.Get(_featurePos[_features[wordId]]);
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
