using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using StrategyAssistant.Japanese.Dict;

namespace StrategyAssistant.Japanese;

/// <summary>
/// Analyzer for a reading field: terms are katakana readings, so spelling variants such as 子供 / 子ども / こども meet
/// as コドモ. Chain: <see cref="JapaneseTokenizer"/> (punctuation discarded) → <see cref="JapanesePartOfSpeechStopFilter"/>
/// → CJKWidthFilter → StopFilter (on the surface) → <see cref="JapaneseReadingFormFilter"/> → hiragana-to-katakana for
/// words without a reading → <see cref="JapaneseKatakanaStemFilter"/> → LowerCaseFilter.
/// </summary>
public sealed class JapaneseReadingAnalyzer : StopwordAnalyzerBase
{
    private readonly JapaneseTokenizerMode _mode;
    private readonly ISet<string> _stopTags;
    private readonly CaptureReplays _replays;
    private readonly UserDictionary? _userDictionary;

    /// <summary>Reading analyzer in SEARCH mode with Kuromoji's default stop words and tags.</summary>
    public JapaneseReadingAnalyzer(LuceneVersion matchVersion)
        : this(matchVersion, null, JapaneseTokenizer.DEFAULT_MODE, JapaneseAnalyzer.DefaultStopSet, JapaneseAnalyzer.DefaultStopTags)
    {
    }

    /// <summary>Fully configured reading analyzer.</summary>
    public JapaneseReadingAnalyzer(LuceneVersion matchVersion, UserDictionary? userDictionary, JapaneseTokenizerMode mode, CharArraySet stopwords, ISet<string> stoptags)
        : base(matchVersion, stopwords)
    {
        _userDictionary = userDictionary;
        _mode = mode;
        _stopTags = stoptags;
        _replays = new CaptureReplays(userDictionary, mode, Filters);
    }

    /// <summary>Tokenizes <paramref name="text"/> as this analyzer's tokenizer does (see <see cref="GetTokenStream(JapaneseTokenCapture)"/>).</summary>
    public JapaneseTokenCapture Capture(string text) => _replays.Capture(text);

    /// <summary>This analyzer's terms of a captured tokenization (a capture of <see cref="JapaneseAnalyzer.Capture"/> with the
    /// same settings serves both): the same as <c>GetTokenStream(field, text)</c> of the captured text.</summary>
    public TokenStream GetTokenStream(JapaneseTokenCapture tokens) => _replays.Replay(tokens);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _replays.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new JapaneseTokenizer(reader, _userDictionary, true, _mode);
        return new TokenStreamComponents(tokenizer, Filters(tokenizer));
    }

    private TokenStream Filters(TokenStream tokens)
    {
        TokenStream stream = new JapanesePartOfSpeechStopFilter(m_matchVersion, tokens, _stopTags);
        stream = new CJKWidthFilter(stream);
        stream = new StopFilter(m_matchVersion, stream, m_stopwords);
        stream = new JapaneseReadingFormFilter(stream);
        stream = new HiraganaToKatakanaFilter(stream);
        stream = new JapaneseKatakanaStemFilter(stream);
        return new CaselessLowerCaseFilter(m_matchVersion, stream);
    }
}
