namespace StrategyAssistant.Japanese.Dict;

/// <summary>
/// The system (IPADIC) dictionary: a surface trie whose output is the surface's first word id, with the surface's contiguous
/// range of word ids in the trie node (entries sorted by surface, stable in source order).
/// </summary>
public sealed class TokenInfoDictionary : IDictionary
{
    private readonly StringPool _strings;
    private readonly int[] _surfaceEntryStart;
    private readonly short[] _leftIds;
    private readonly short[] _rightIds;
    private readonly short[] _costs;

    // Per-entry features interleaved so one token's lookups touch one cache line.
    private readonly EntryFeatures[] _entries;

    private Utf8FeatureLines? _utf8Features;

    internal TokenInfoDictionary(DictionaryData data, StringPool strings)
    {
        _strings = strings;
        _surfaceEntryStart = data.SurfaceEntryStart;
        _leftIds = data.LeftIds;
        _rightIds = data.RightIds;
        _costs = data.Costs;
        _entries = new EntryFeatures[_leftIds.Length];
        for (int i = 0; i < _entries.Length; i++)
        {
            int feature = data.Features[i];
            _entries[i] = new EntryFeatures(
                data.FeaturePos[feature], data.FeatureInflectionType[feature], data.FeatureInflectionForm[feature], data.BaseForms[i], data.Readings[i], data.Pronunciations[i]);
        }

        if (_surfaceEntryStart.Length == 0 || _surfaceEntryStart[^1] != _leftIds.Length)
        {
            throw new InvalidDataException("Inconsistent surface table.");
        }

        Trie = new CharTrie(data.TrieLabels, data.TrieFirstChild, data.TrieChildCount, data.TrieOutputs).WithOutputRanges(_surfaceEntryStart);
    }

    /// <summary>From the parts of a dictionary image (<see cref="DictionaryImage"/>), as they are held in memory.</summary>
    internal TokenInfoDictionary(StringPool strings, int[] surfaceEntryStart, short[] leftIds, short[] rightIds, short[] costs, EntryFeatures[] entries, CharTrie trie)
    {
        if (surfaceEntryStart.Length == 0 || surfaceEntryStart[^1] != leftIds.Length || rightIds.Length != leftIds.Length || costs.Length != leftIds.Length || entries.Length != leftIds.Length)
        {
            throw new InvalidDataException("Inconsistent surface table.");
        }

        _strings = strings;
        _surfaceEntryStart = surfaceEntryStart;
        _leftIds = leftIds;
        _rightIds = rightIds;
        _costs = costs;
        _entries = entries;
        Trie = trie;
    }

    internal StringPool Strings => _strings;

    internal int[] SurfaceEntryStart => _surfaceEntryStart;

    internal short[] RightIds => _rightIds;

    internal EntryFeatures[] Entries => _entries;

    internal short[] LeftIds => _leftIds;

    internal short[] Costs => _costs;

    /// <summary>The embedded IPADIC dictionary.</summary>
    public static TokenInfoDictionary Instance => SystemDictionary.Instance.TokenInfo;

    /// <summary>Surface trie; a surface's output is its first word id (see <see cref="GetFirstWordId"/>), and
    /// <see cref="CharTrie.GetOutputCount"/> its number of entries.</summary>
    public CharTrie Trie { get; }

    /// <summary>Number of entries (word ids are 0..Count-1).</summary>
    public int Count => _leftIds.Length;

    /// <summary>Number of distinct surfaces.</summary>
    public int SurfaceCount => _surfaceEntryStart.Length - 1;

    /// <summary>First word id of a surface, given the trie's output for it (which is that id).</summary>
    public int GetFirstWordId(int surface) =>
        surface >= 0 && surface < _leftIds.Length ? surface : throw new ArgumentOutOfRangeException(nameof(surface));

    /// <summary>One past the last word id of a surface, given the trie's output for it (its first word id).</summary>
    public int GetEndWordId(int surface)
    {
        int index = Array.BinarySearch(_surfaceEntryStart, 0, _surfaceEntryStart.Length - 1, surface);
        return index >= 0 ? _surfaceEntryStart[index + 1] : throw new ArgumentOutOfRangeException(nameof(surface), "Not the first word id of a surface.");
    }

    /// <inheritdoc/>
    public int GetLeftId(int wordId) => _leftIds[wordId];

    /// <inheritdoc/>
    public int GetRightId(int wordId) => _rightIds[wordId];

    /// <inheritdoc/>
    public int GetWordCost(int wordId) => _costs[wordId];

    /// <inheritdoc/>
    public string? GetPartOfSpeech(int wordId) => Str(_entries[wordId].Pos);

    /// <inheritdoc/>
    public string? GetReading(int wordId, char[] surface, int offset, int length) => Str(_entries[wordId].Reading);

    /// <inheritdoc/>
    public string? GetBaseForm(int wordId, char[] surface, int offset, int length) => Str(_entries[wordId].BaseForm);

    /// <inheritdoc/>
    public string? GetPronunciation(int wordId, char[] surface, int offset, int length) => Str(_entries[wordId].Pronunciation);

    /// <inheritdoc/>
    public string? GetInflectionType(int wordId) => Str(_entries[wordId].InflectionType);

    /// <inheritdoc/>
    public string? GetInflectionForm(int wordId) => Str(_entries[wordId].InflectionForm);

    private string? Str(int index) => _strings.Get(index);

    /// <summary>Appends what <see cref="GetPartOfSpeech"/>, <see cref="GetBaseForm"/>, <see cref="GetReading"/>,
    /// <see cref="GetPronunciation"/>, <see cref="GetInflectionType"/> and <see cref="GetInflectionForm"/> return, tab-separated,
    /// <c>*</c> for null, straight from the string pool (the <c>tokenize</c> output, without a string or a call per field).</summary>
    internal void AppendFeatures(int wordId, ref Util.CharBuffer output)
    {
        ref readonly EntryFeatures e = ref _entries[wordId];
        Append(e.Pos, ref output);
        output.Append('\t');
        Append(e.BaseForm, ref output);
        output.Append('\t');
        Append(e.Reading, ref output);
        output.Append('\t');
        Append(e.Pronunciation, ref output);
        output.Append('\t');
        Append(e.InflectionType, ref output);
        output.Append('\t');
        Append(e.InflectionForm, ref output);
    }

    /// <summary>What <see cref="AppendFeatures"/> appends, as UTF-8, encoded once per word (made on first use).</summary>
    internal Utf8FeatureLines Utf8Features
    {
        get
        {
            Utf8FeatureLines? lines = Volatile.Read(ref _utf8Features);
            if (lines is null)
            {
                Interlocked.CompareExchange(ref _utf8Features, new Utf8FeatureLines(this), null);
                lines = _utf8Features;
            }

            return lines;
        }
    }

    private void Append(int index, ref Util.CharBuffer output)
    {
        if (index < 0)
        {
            output.Append('*');
        }
        else
        {
            output.Append(_strings.Span(index));
        }
    }

    internal readonly record struct EntryFeatures(int Pos, int InflectionType, int InflectionForm, int BaseForm, int Reading, int Pronunciation);
}
