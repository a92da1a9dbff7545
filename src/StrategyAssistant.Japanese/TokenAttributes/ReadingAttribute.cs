using Lucene.Net.Util;
using StrategyAssistant.Japanese.Util;

namespace StrategyAssistant.Japanese.TokenAttributes;

/// <summary>Default implementation of <see cref="IReadingAttribute"/>: holds the current <see cref="Token"/>.</summary>
public sealed class ReadingAttribute : Lucene.Net.Util.Attribute, IReadingAttribute
{
    private Token? _token;

    /// <inheritdoc/>
    public string? GetReading() => _token?.GetReading();

    /// <inheritdoc/>
    public string? GetPronunciation() => _token?.GetPronunciation();

    /// <inheritdoc/>
    public void SetToken(Token? token) => _token = token;

    /// <inheritdoc/>
    public override void Clear() => _token = null;

    /// <inheritdoc/>
    public override void CopyTo(IAttribute target) => ((IReadingAttribute)target).SetToken(_token);

    /// <inheritdoc/>
    public override void ReflectWith(IAttributeReflector reflector)
    {
        reflector.Reflect<IReadingAttribute>("reading", GetReading());
        reflector.Reflect<IReadingAttribute>("reading (en)", ToStringUtil.GetRomanization(GetReading()));
        reflector.Reflect<IReadingAttribute>("pronunciation", GetPronunciation());
        reflector.Reflect<IReadingAttribute>("pronunciation (en)", ToStringUtil.GetRomanization(GetPronunciation()));
    }
}
