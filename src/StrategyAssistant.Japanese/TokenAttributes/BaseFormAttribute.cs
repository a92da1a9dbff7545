using Lucene.Net.Util;

namespace StrategyAssistant.Japanese.TokenAttributes;

/// <summary>Default implementation of <see cref="IBaseFormAttribute"/>: holds the current <see cref="Token"/>.</summary>
public sealed class BaseFormAttribute : Lucene.Net.Util.Attribute, IBaseFormAttribute
{
    private Token? _token;

    /// <inheritdoc/>
    public string? GetBaseForm() => _token?.GetBaseForm();

    /// <inheritdoc/>
    public void SetToken(Token? token) => _token = token;

    /// <inheritdoc/>
    public override void Clear() => _token = null;

    /// <inheritdoc/>
    public override void CopyTo(IAttribute target) => ((IBaseFormAttribute)target).SetToken(_token);

    /// <inheritdoc/>
    public override void ReflectWith(IAttributeReflector reflector)
    {
        reflector.Reflect<IBaseFormAttribute>("baseForm", GetBaseForm());
    }
}
