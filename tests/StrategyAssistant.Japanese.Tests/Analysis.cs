using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using StrategyAssistant.Japanese.Dict;
using StrategyAssistant.Japanese.TokenAttributes;

namespace StrategyAssistant.Japanese.Tests;

internal sealed record Tok(string Term, int Start, int End, int PosInc, int PosLen, string? Pos, string? BaseForm, string? Reading, string? Pronunciation, string? InflType, string? InflForm);

internal static class Analysis
{
    private static readonly Lazy<UserDictionary> s_userDict = new(() => new UserDictionary(new StringReader(Fixtures.ReadText("userdict.txt"))));

    public static UserDictionary UserDict => s_userDict.Value;

    public static List<Tok> Tokenize(string text, JapaneseTokenizerMode mode = JapaneseTokenizerMode.SEARCH, bool discardPunctuation = true, UserDictionary? userDictionary = null)
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader(text), userDictionary, discardPunctuation, mode);
        return Collect(tokenizer);
    }

    public static List<Tok> Collect(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var posInc = stream.AddAttribute<IPositionIncrementAttribute>();
        var posLen = stream.AddAttribute<IPositionLengthAttribute>();
        IPartOfSpeechAttribute? pos = stream.HasAttribute<IPartOfSpeechAttribute>() ? stream.GetAttribute<IPartOfSpeechAttribute>() : null;
        IBaseFormAttribute? baseForm = stream.HasAttribute<IBaseFormAttribute>() ? stream.GetAttribute<IBaseFormAttribute>() : null;
        IReadingAttribute? reading = stream.HasAttribute<IReadingAttribute>() ? stream.GetAttribute<IReadingAttribute>() : null;
        IInflectionAttribute? infl = stream.HasAttribute<IInflectionAttribute>() ? stream.GetAttribute<IInflectionAttribute>() : null;
        var result = new List<Tok>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            result.Add(new Tok(term.ToString(), offset.StartOffset, offset.EndOffset, posInc.PositionIncrement, posLen.PositionLength,
                pos?.GetPartOfSpeech(), baseForm?.GetBaseForm(), reading?.GetReading(), reading?.GetPronunciation(), infl?.GetInflectionType(), infl?.GetInflectionForm()));
        }

        stream.End();
        FinalOffset = offset.EndOffset;
        stream.Dispose();
        return result;
    }

    [ThreadStatic]
    private static int t_finalOffset;

    public static int FinalOffset
    {
        get => t_finalOffset;
        private set => t_finalOffset = value;
    }

    public static List<Tok> Analyze(Analyzer analyzer, string text) => Collect(analyzer.GetTokenStream("f", new StringReader(text)));

    public static string Terms(IEnumerable<Tok> tokens) => string.Join('|', tokens.Select(t => t.Term));
}
