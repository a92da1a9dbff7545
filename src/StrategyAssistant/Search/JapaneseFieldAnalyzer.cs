using Lucene.Net.Analysis;
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

    /// <summary>The token streams of <paramref name="text"/> for each of <paramref name="fields"/>, the same terms as the
    /// field's analyzer gives; the Japanese fields tokenize the text once. A field another analyzer reads (bigrams) gets
    /// null: write the text itself.</summary>
    public TokenStream?[] Streams(string text, IReadOnlyList<string> fields)
    {
        var streams = new TokenStream?[fields.Count];
        JapaneseTokenCapture? tokens = null;
        for (int i = 0; i < fields.Count; i++)
        {
            Analyzer analyzer = GetWrappedAnalyzer(fields[i]);
            if (ReferenceEquals(analyzer, _baseForms))
            {
                streams[i] = _baseForms.GetTokenStream(tokens ??= _baseForms.Capture(text));
            }
            else if (ReferenceEquals(analyzer, _readings))
            {
                streams[i] = _readings.GetTokenStream(tokens ??= _readings.Capture(text));
            }
        }

        return streams;
    }

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
