using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using StrategyAssistant.Japanese.TokenAttributes;

namespace StrategyAssistant.Japanese;

/// <summary>Removes tokens whose full part-of-speech string is in the stop-tag set (exact match); gaps are left in positions.</summary>
public sealed class JapanesePartOfSpeechStopFilter : FilteringTokenFilter
{
    private readonly ISet<string> _stopTags;
    private readonly IPartOfSpeechAttribute _posAtt;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public JapanesePartOfSpeechStopFilter(LuceneVersion version, TokenStream input, ISet<string> stopTags)
        : base(version, input)
    {
        _stopTags = stopTags;
        _posAtt = AddAttribute<IPartOfSpeechAttribute>();
    }

    /// <inheritdoc/>
    protected override bool Accept()
    {
        string? pos = _posAtt.GetPartOfSpeech();
        return pos == null || !_stopTags.Contains(pos);
    }
}
