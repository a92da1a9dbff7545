using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StrategyAssistant.Japanese;

/// <summary>Maps hiragana (U+3041–U+3096) in the term to katakana, so unknown hiragana words match katakana readings.</summary>
public sealed class HiraganaToKatakanaFilter : TokenFilter
{
    private readonly ICharTermAttribute _termAtt;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public HiraganaToKatakanaFilter(TokenStream input)
        : base(input)
    {
        _termAtt = AddAttribute<ICharTermAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        char[] buffer = _termAtt.Buffer;
        for (int i = 0; i < _termAtt.Length; i++)
        {
            if (buffer[i] is >= '\u3041' and <= '\u3096')
            {
                buffer[i] = (char)(buffer[i] + 0x60);
            }
        }

        return true;
    }
}
