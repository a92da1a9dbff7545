using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using StrategyAssistant.Japanese;

namespace StrategyAssistant.Search;

/// <summary>The Japanese analysis's analyzer per field (base forms on every field, readings on the reading field, bigrams
/// on the bigram field), which can also give several fields' token streams of one text from one tokenization: the
/// base-form and the reading chains share the tokenizer's work (<see cref="JapaneseTokenCapture"/>).</summary>
internal sealed class JapaneseFieldAnalyzer : AnalyzerWrapper
{
    private readonly JapaneseAnalyzer _baseForms;
    private readonly JapaneseReadingAnalyzer _readings;
    private readonly Analyzer? _bigrams;

    public JapaneseFieldAnalyzer(JapaneseAnalyzer baseForms, JapaneseReadingAnalyzer readings, Analyzer? bigrams)
        : base(PER_FIELD_REUSE_STRATEGY)
    {
        _baseForms = baseForms;
        _readings = readings;
        _bigrams = bigrams;
    }

    /// <summary>The token stream of <paramref name="body"/> for <paramref name="field"/> with the same terms as the field's
    /// analyzer gives its text; the Japanese fields replay the body's one tokenization. Null for a field another analyzer
    /// reads (bigrams): analyse the text itself.</summary>
    public TokenStream? Stream(string field, SharedText body)
    {
        Analyzer analyzer = GetWrappedAnalyzer(field);
        if (ReferenceEquals(analyzer, _baseForms))
        {
            return _baseForms.GetTokenStream(body.Tokens(_baseForms));
        }

        return ReferenceEquals(analyzer, _readings) ? _readings.GetTokenStream(body.Tokens(_readings)) : null;
    }

    /// <summary>The analyzer that reads <paramref name="field"/> (fields of one analyzer give a text the same tokens).</summary>
    public Analyzer AnalyzerOf(string field) => GetWrappedAnalyzer(field);

    /// <summary>For a field of one Japanese analyzer, the other one (which can replay the same tokenization); else null.</summary>
    public Analyzer? OtherJapaneseAnalyzer(string field) => GetWrappedAnalyzer(field) switch
    {
        JapaneseReadingAnalyzer => _baseForms,
        JapaneseAnalyzer => _readings,
        _ => null,
    };

    protected override Analyzer GetWrappedAnalyzer(string fieldName) => fieldName switch
    {
        IndexFields.Reading => _readings,
        IndexFields.Bigram when _bigrams is not null => _bigrams,
        _ => _baseForms,
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _baseForms.Dispose();
            _readings.Dispose();
            _bigrams?.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>A text written into several fields of one entry (a passage's body: text and reading), tokenized on first use
/// and replayed for the other fields.</summary>
internal sealed class SharedText(string text)
{
    private JapaneseTokenCapture? _tokens;

    public string Text { get; } = text;

    public JapaneseTokenCapture Tokens(JapaneseAnalyzer analyzer) => _tokens ??= analyzer.Capture(Text);

    // Both analyzers of the Japanese analysis use the same tokenizer settings; a capture of other settings is refused.
    public JapaneseTokenCapture Tokens(JapaneseReadingAnalyzer analyzer) => _tokens ??= analyzer.Capture(Text);
}

/// <summary>An analysed, unstored field over a <see cref="SharedText"/>: its token stream is asked for when the index
/// writer inverts the field (as a text field's is), from <see cref="JapaneseFieldAnalyzer.Stream"/>, or analysed as text
/// by any other analyzer.</summary>
internal sealed class SharedTextField(string name, SharedText body) : Field(name, body.Text, IndexFields.Analysed)
{
    public override TokenStream GetTokenStream(Analyzer analyzer) =>
        (analyzer as JapaneseFieldAnalyzer)?.Stream(Name, body) ?? base.GetTokenStream(analyzer);
}
