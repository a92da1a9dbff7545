using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using StrategyAssistant.Japanese.Dict;

namespace StrategyAssistant.Japanese;

/// <summary>
/// Kuromoji's default Japanese analyzer: <see cref="JapaneseTokenizer"/> (punctuation discarded) →
/// <see cref="JapaneseBaseFormFilter"/> → <see cref="JapanesePartOfSpeechStopFilter"/> → CJKWidthFilter → StopFilter →
/// <see cref="JapaneseKatakanaStemFilter"/> → LowerCaseFilter.
/// </summary>
public class JapaneseAnalyzer : StopwordAnalyzerBase
{
    private static readonly Lazy<CharArraySet> s_defaultStopSet = new(() =>
        new CharArraySet(LuceneVersion.LUCENE_48, ReadResourceLines("stopwords.txt"), ignoreCase: false).AsReadOnly());

    private static readonly Lazy<ISet<string>> s_defaultStopTags = new(() =>
        new System.Collections.ObjectModel.ReadOnlySet<string>(new HashSet<string>(ReadResourceLines("stoptags.txt"), StringComparer.Ordinal)));

    private readonly JapaneseTokenizerMode _mode;
    private readonly ISet<string> _stopTags;
    private readonly CaptureReplays _replays;
    private readonly UserDictionary? _userDictionary;

    /// <summary>Default analyzer: SEARCH mode, no user dictionary, default stop words and stop tags.</summary>
    public JapaneseAnalyzer(LuceneVersion matchVersion)
        : this(matchVersion, null, JapaneseTokenizer.DEFAULT_MODE, DefaultStopSet, DefaultStopTags)
    {
    }

    /// <summary>Fully configured analyzer.</summary>
    public JapaneseAnalyzer(LuceneVersion matchVersion, UserDictionary? userDictionary, JapaneseTokenizerMode mode, CharArraySet stopwords, ISet<string> stoptags)
        : base(matchVersion, stopwords)
    {
        _userDictionary = userDictionary;
        _mode = mode;
        _stopTags = stoptags;
        _replays = new CaptureReplays(userDictionary, mode, Filters);
    }

    /// <summary>Kuromoji's default stop words (109, read-only). None has a cased letter, so an exact match is the same as
    /// Kuromoji's case-insensitive one, without a case mapping per character of every token.</summary>
    public static CharArraySet DefaultStopSet => s_defaultStopSet.Value;

    /// <summary>Kuromoji's default stop tags (27 exact part-of-speech strings, read-only).</summary>
    public static ISet<string> DefaultStopTags => s_defaultStopTags.Value;

    /// <summary>The tokenizer mode.</summary>
    protected JapaneseTokenizerMode Mode => _mode;

    /// <summary>The stop tags.</summary>
    protected ISet<string> StopTags => _stopTags;

    /// <summary>The user dictionary, if any.</summary>
    protected UserDictionary? UserDictionary => _userDictionary;

    /// <summary>Lines of an embedded resource, without blank lines and '#' comments.</summary>
    internal static IEnumerable<string> ReadResourceLines(string name)
    {
        using Stream stream = typeof(JapaneseAnalyzer).Assembly.GetManifestResourceStream("StrategyAssistant.Japanese." + name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var lines = new List<string>();
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>Tokenizes <paramref name="text"/> as this analyzer's tokenizer does, for replay into this analyzer's and
    /// other analyzers' filters (<see cref="GetTokenStream(JapaneseTokenCapture)"/>).</summary>
    public JapaneseTokenCapture Capture(string text) => _replays.Capture(text);

    /// <summary>This analyzer's terms of a captured tokenization: the same as <c>GetTokenStream(field, text)</c> of the
    /// captured text (the analyzer adds no char filter). The capture must come from a tokenizer of this analyzer's settings.</summary>
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
        TokenStream stream = new JapaneseBaseFormFilter(tokens);
        stream = new JapanesePartOfSpeechStopFilter(m_matchVersion, stream, _stopTags);
        stream = new CJKWidthFilter(stream);
        stream = new StopFilter(m_matchVersion, stream, m_stopwords);
        stream = new JapaneseKatakanaStemFilter(stream);
        return new CaselessLowerCaseFilter(m_matchVersion, stream);
    }
}
