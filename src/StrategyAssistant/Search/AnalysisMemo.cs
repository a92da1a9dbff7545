using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StrategyAssistant.Search;

/// <summary>The tokens a field's analyzer gives a text, computed once per analyzer and text during one index build and
/// replayed for every entry and field that carries the same text (a heading under which twenty passages stand, a measure
/// with ten KPIs, an indicator that is also a KPI's name). With the Japanese analysis a text is tokenized once for the
/// base-form and the reading analyzer alike (<see cref="JapaneseFieldAnalyzer"/>). Thread-safe: the index is written from
/// every core.</summary>
internal sealed class AnalysisMemo
{
    // Long texts rarely recur and would only fill the memo.
    private const int MaxLength = 400;

    private readonly Analyzer _analyzer;
    private readonly JapaneseFieldAnalyzer? _japanese;
    private readonly ConcurrentDictionary<(object Analysis, string Text), AnalyzedToken[]> _tokens = new();

    // One tokenization of a text until both Japanese analyzers have read it.
    private readonly ConcurrentDictionary<string, SharedText> _shared = new(StringComparer.Ordinal);
    private long _analysed;
    private long _replayed;

    public AnalysisMemo(Analyzer analyzer)
    {
        _analyzer = analyzer;
        _japanese = analyzer as JapaneseFieldAnalyzer;
    }

    /// <summary>Texts analysed, and texts replayed from the memo (for the build's log).</summary>
    public (long Analysed, long Replayed) Counts => (Interlocked.Read(ref _analysed), Interlocked.Read(ref _replayed));

    public TokenStream Tokens(string field, string text)
    {
        if (text.Length > MaxLength)
        {
            Interlocked.Increment(ref _analysed);
            return new TokenReplay(Analyze(field, _japanese?.Stream(field, new SharedText(text)), text));
        }

        // Fields read by the same analyzer give a text the same tokens; another analyzer wrapper is keyed by field.
        object analysis = _japanese?.AnalyzerOf(field) ?? (object)field;
        if (_tokens.TryGetValue((analysis, text), out AnalyzedToken[]? known))
        {
            Interlocked.Increment(ref _replayed);
            return new TokenReplay(known);
        }

        Interlocked.Increment(ref _analysed);
        return new TokenReplay(_tokens.GetOrAdd((analysis, text), Analyze(field, SharedStream(field, text), text)));
    }

    /// <summary>The field's stream of <paramref name="text"/> from the text's one tokenization, kept until the other
    /// Japanese analyzer has read it too; null for a field another analyzer reads.</summary>
    private TokenStream? SharedStream(string field, string text)
    {
        if (_japanese is null)
        {
            return null;
        }

        SharedText shared = _shared.GetOrAdd(text, t => new SharedText(t));
        TokenStream? stream = _japanese.Stream(field, shared);
        if (stream is not null && _japanese.OtherJapaneseAnalyzer(field) is { } other && _tokens.ContainsKey((other, text)))
        {
            _shared.TryRemove(text, out _);
        }

        return stream;
    }

    private AnalyzedToken[] Analyze(string field, TokenStream? shared, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using TokenStream stream = shared ?? _analyzer.GetTokenStream(field, text);
        ICharTermAttribute term = stream.AddAttribute<ICharTermAttribute>();
        IPositionIncrementAttribute increment = stream.AddAttribute<IPositionIncrementAttribute>();
        IOffsetAttribute offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new AnalyzedToken(term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return [.. tokens];
    }

    private readonly record struct AnalyzedToken(string Term, int Increment, int Start, int End);

    /// <summary>Plays analysed tokens back as a token stream (term, position increment, offsets).</summary>
    private sealed class TokenReplay : TokenStream
    {
        private readonly AnalyzedToken[] _tokens;
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private readonly IOffsetAttribute _offset;
        private int _next;

        public TokenReplay(AnalyzedToken[] tokens)
        {
            _tokens = tokens;
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_next >= _tokens.Length)
            {
                return false;
            }

            ClearAttributes();
            AnalyzedToken token = _tokens[_next++];
            _term.SetEmpty().Append(token.Term);
            _increment.PositionIncrement = token.Increment;
            _offset.SetOffset(token.Start, token.End);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }

        public override void End()
        {
            base.End();
            int end = _tokens.Length > 0 ? _tokens[^1].End : 0;
            _offset.SetOffset(end, end);
        }
    }
}
