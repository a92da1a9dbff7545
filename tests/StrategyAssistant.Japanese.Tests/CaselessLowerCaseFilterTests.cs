using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Util;
using static StrategyAssistant.Japanese.Tests.Analysis;

namespace StrategyAssistant.Japanese.Tests;

/// <summary>The fast lower-casing gives Lucene's LowerCaseFilter's terms for every kind of character.</summary>
public sealed class CaselessLowerCaseFilterTests
{
    [Theory]
    [InlineData("ＫＰＩ 達成率 ＡＢＣ abc DEF")]
    [InlineData("Ωメガ ΣΑΣ Ärger İstanbul ǅ")]
    [InlineData("𠮷野家 Ｒ６年度 ｶﾀｶﾅ ひらがな 〇〇 ㈱")]
    [InlineData("子育て支援センター Wi-Fi 利用者数 ＩＣＴ")]
    public void Same_terms_as_LowerCaseFilter(string text)
    {
        Assert.Equal(Lowered(text, s => new LowerCaseFilter(LuceneVersion.LUCENE_48, s)), Lowered(text, s => new CaselessLowerCaseFilter(LuceneVersion.LUCENE_48, s)));
    }

    private static string Lowered(string text, Func<TokenStream, TokenStream> filter)
    {
        using var analyzer = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new WhitespaceTokenizer(LuceneVersion.LUCENE_48, reader);
            return new TokenStreamComponents(tokenizer, filter(tokenizer));
        });
        return Terms(Analyze(analyzer, text));
    }
}
