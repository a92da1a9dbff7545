using Lucene.Net.Analysis;
using StrategyAssistant.Japanese.Dict;

namespace StrategyAssistant.Japanese;

/// <summary>An analyzer's filter chain over replayed captures, one per thread: what <see cref="JapaneseAnalyzer"/> and
/// <see cref="JapaneseReadingAnalyzer"/> share for <c>GetTokenStream(JapaneseTokenCapture)</c>.</summary>
internal sealed class CaptureReplays(UserDictionary? userDictionary, JapaneseTokenizerMode mode, Func<TokenStream, TokenStream> filters) : IDisposable
{
    private readonly ThreadLocal<(JapaneseTokenCapture.TokenReplay Source, TokenStream Filters)> _chains = new();

    public JapaneseTokenCapture Capture(string text) => JapaneseTokenCapture.Tokenize(text, userDictionary, true, mode);

    public TokenStream Replay(JapaneseTokenCapture tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (!tokens.IsFrom(userDictionary, true, mode))
        {
            throw new ArgumentException("The tokens were captured with another tokenizer setting (mode, user dictionary or punctuation).", nameof(tokens));
        }

        (JapaneseTokenCapture.TokenReplay Source, TokenStream Filters) chain = _chains.Value;
        if (chain.Source is null)
        {
            var source = new JapaneseTokenCapture.TokenReplay();
            chain = (source, filters(source));
            _chains.Value = chain;
        }

        // Reused as the analyzer's own components are: the stream must be consumed (and disposed) before this thread asks again.
        chain.Source.Capture = tokens;
        return chain.Filters;
    }

    public void Dispose() => _chains.Dispose();
}
