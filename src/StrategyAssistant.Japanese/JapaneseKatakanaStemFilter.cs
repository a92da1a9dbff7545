using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StrategyAssistant.Japanese;

/// <summary>
/// Strips one trailing prolonged sound mark (ー) from full-width katakana terms of at least the minimum length
/// (コンピューター → コンピュータ). Keywords are skipped.
/// </summary>
public sealed class JapaneseKatakanaStemFilter : TokenFilter
{
    /// <summary>Default minimum term length.</summary>
    public const int DEFAULT_MINIMUM_LENGTH = 4;

    private const char HiraganaKatakanaProlongedSoundMark = '\u30fc';

    private readonly ICharTermAttribute _termAtt;
    private readonly IKeywordAttribute _keywordAtt;
    private readonly int _minimumKatakanaLength;

    /// <summary>Wraps <paramref name="input"/> with the default minimum length (4).</summary>
    public JapaneseKatakanaStemFilter(TokenStream input)
        : this(input, DEFAULT_MINIMUM_LENGTH)
    {
    }

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public JapaneseKatakanaStemFilter(TokenStream input, int minimumLength)
        : base(input)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumLength, 2);
        _minimumKatakanaLength = minimumLength;
        _termAtt = AddAttribute<ICharTermAttribute>();
        _keywordAtt = AddAttribute<IKeywordAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!_keywordAtt.IsKeyword)
        {
            _termAtt.Length = Stem(_termAtt.Buffer, _termAtt.Length);
        }

        return true;
    }

    private int Stem(char[] term, int length)
    {
        if (length < _minimumKatakanaLength)
        {
            return length;
        }

        for (int i = 0; i < length; i++)
        {
            if (term[i] is < '\u30a0' or > '\u30ff')
            {
                return length;
            }
        }

        return term[length - 1] == HiraganaKatakanaProlongedSoundMark ? length - 1 : length;
    }
}
