using Lucene.Net.Util;
using StrategyAssistant.Japanese.Util;

namespace StrategyAssistant.Japanese.TokenAttributes;

/// <summary>Default implementation of <see cref="IInflectionAttribute"/>: holds the current <see cref="Token"/>.</summary>
public sealed class InflectionAttribute : Lucene.Net.Util.Attribute, IInflectionAttribute
{
    private Token? _token;

    /// <inheritdoc/>
    public string? GetInflectionType() => _token?.GetInflectionType();

    /// <inheritdoc/>
    public string? GetInflectionForm() => _token?.GetInflectionForm();

    /// <inheritdoc/>
    public void SetToken(Token? token) => _token = token;

    /// <inheritdoc/>
    public override void Clear() => _token = null;

    /// <inheritdoc/>
    public override void CopyTo(IAttribute target) => ((IInflectionAttribute)target).SetToken(_token);

    /// <inheritdoc/>
    public override void ReflectWith(IAttributeReflector reflector)
    {
        reflector.Reflect<IInflectionAttribute>("inflectionType", GetInflectionType());
        reflector.Reflect<IInflectionAttribute>("inflectionType (en)", ToStringUtil.GetInflectionTypeTranslation(GetInflectionType()));
        reflector.Reflect<IInflectionAttribute>("inflectionForm", GetInflectionForm());
        reflector.Reflect<IInflectionAttribute>("inflectionForm (en)", ToStringUtil.GetInflectedFormTranslation(GetInflectionForm()));
    }
}
