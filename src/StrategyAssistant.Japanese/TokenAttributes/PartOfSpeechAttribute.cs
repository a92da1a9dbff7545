using Lucene.Net.Util;
using StrategyAssistant.Japanese.Util;

namespace StrategyAssistant.Japanese.TokenAttributes;

/// <summary>Default implementation of <see cref="IPartOfSpeechAttribute"/>: holds the current <see cref="Token"/>.</summary>
public sealed class PartOfSpeechAttribute : Lucene.Net.Util.Attribute, IPartOfSpeechAttribute
{
    private Token? _token;

    /// <inheritdoc/>
    public string? GetPartOfSpeech() => _token?.GetPartOfSpeech();

    /// <inheritdoc/>
    public void SetToken(Token? token) => _token = token;

    /// <inheritdoc/>
    public override void Clear() => _token = null;

    /// <inheritdoc/>
    public override void CopyTo(IAttribute target) => ((IPartOfSpeechAttribute)target).SetToken(_token);

    /// <inheritdoc/>
    public override void ReflectWith(IAttributeReflector reflector)
    {
        reflector.Reflect<IPartOfSpeechAttribute>("partOfSpeech", GetPartOfSpeech());
        reflector.Reflect<IPartOfSpeechAttribute>("partOfSpeech (en)", ToStringUtil.GetPOSTranslation(GetPartOfSpeech()));
    }
}
