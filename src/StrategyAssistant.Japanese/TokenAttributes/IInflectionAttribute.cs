using Lucene.Net.Util;

namespace StrategyAssistant.Japanese.TokenAttributes;

/// <summary>Inflection type and form.</summary>
public interface IInflectionAttribute : IAttribute
{
    /// <summary>Value for the current token.</summary>
    string? GetInflectionType();

    /// <summary>Value for the current token.</summary>
    string? GetInflectionForm();

    /// <summary>Sets the token the value comes from.</summary>
    void SetToken(Token? token);
}
