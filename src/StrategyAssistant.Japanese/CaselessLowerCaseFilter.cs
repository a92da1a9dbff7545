using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace StrategyAssistant.Japanese;

/// <summary>
/// Lucene's LowerCaseFilter with the same result, but without a per-character culture case mapping for terms that are
/// ASCII, kana or kanji (almost every Japanese term): those are lower-cased inline or left as they are, and only a term with
/// another character goes through Lucene's code-point lower-casing. On Linux the general path calls ICU once per character,
/// which was a third of the indexing time of a large corpus.
/// </summary>
public sealed class CaselessLowerCaseFilter : TokenFilter
{
    private readonly ICharTermAttribute _termAtt;
    private readonly CharacterUtils _charUtils;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public CaselessLowerCaseFilter(LuceneVersion matchVersion, TokenStream input)
        : base(input)
    {
        _termAtt = AddAttribute<ICharTermAttribute>();
        _charUtils = CharacterUtils.GetInstance(matchVersion);
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        char[] buffer = _termAtt.Buffer;
        int length = _termAtt.Length;
        for (int i = 0; i < length; i++)
        {
            if (!IsAsciiOrCaseless(buffer[i]))
            {
                _charUtils.ToLower(buffer, 0, length);
                return true;
            }
        }

        for (int i = 0; i < length; i++)
        {
            if (buffer[i] is >= 'A' and <= 'Z')
            {
                buffer[i] = (char)(buffer[i] + 32);
            }
        }

        return true;
    }

    // Characters without case: CJK symbols and punctuation, kana, CJK ideographs (and extension A), compatibility ideographs,
    // half-width katakana. Surrogates are not here, so a supplementary character takes the general path.
    private static bool IsAsciiOrCaseless(char c) =>
        c < '\u0080' || c is (>= '\u3000' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF61' and <= '\uFF9F');
}
