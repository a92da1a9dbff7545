using Lucene.Net.Util;

namespace StrategyAssistant.Japanese.TokenAttributes;

/// <summary>Base form of an inflected word (null when not inflected).</summary>
public interface IBaseFormAttribute : IAttribute
{
    /// <summary>Value for the current token.</summary>
    string? GetBaseForm();

    /// <summary>Sets the token the value comes from.</summary>
    void SetToken(Token? token);
}
