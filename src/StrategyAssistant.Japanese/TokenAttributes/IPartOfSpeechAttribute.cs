using Lucene.Net.Util;

namespace StrategyAssistant.Japanese.TokenAttributes;

/// <summary>Part of speech.</summary>
public interface IPartOfSpeechAttribute : IAttribute
{
    /// <summary>Value for the current token.</summary>
    string? GetPartOfSpeech();

    /// <summary>Sets the token the value comes from.</summary>
    void SetToken(Token? token);
}
