namespace StrategyAssistant.Japanese;

/// <summary>Segmentation mode of <see cref="JapaneseTokenizer"/>.</summary>
public enum JapaneseTokenizerMode
{
    /// <summary>Ordinary segmentation, no decompounding.</summary>
    NORMAL,

    /// <summary>Segmentation for search: long compounds are also emitted as their parts.</summary>
    SEARCH,

    /// <summary>SEARCH without the compounds, and unknown words split into unigrams.</summary>
    EXTENDED,
}
