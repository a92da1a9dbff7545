using Lucene.Net.Util;

namespace StrategyAssistant.Japanese.TokenAttributes;

/// <summary>Reading and pronunciation.</summary>
public interface IReadingAttribute : IAttribute
{
    /// <summary>Value for the current token.</summary>
    string? GetReading();

    /// <summary>Value for the current token.</summary>
    string? GetPronunciation();

    /// <summary>Sets the token the value comes from.</summary>
    void SetToken(Token? token);
}
