using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using StrategyAssistant.Japanese.TokenAttributes;
using StrategyAssistant.Japanese.Util;

namespace StrategyAssistant.Japanese;

/// <summary>
/// Replaces the term text with its katakana reading (when known), or with the romanized reading (falling back to the
/// term text) when <c>useRomaji</c> is set.
/// </summary>
public sealed class JapaneseReadingFormFilter : TokenFilter
{
    private readonly ICharTermAttribute _termAtt;
    private readonly IReadingAttribute _readingAtt;
    private readonly bool _useRomaji;
    private readonly StringBuilder _buffer = new();

    /// <summary>Katakana readings.</summary>
    public JapaneseReadingFormFilter(TokenStream input)
        : this(input, false)
    {
    }

    /// <summary>Katakana or romaji readings.</summary>
    public JapaneseReadingFormFilter(TokenStream input, bool useRomaji)
        : base(input)
    {
        _useRomaji = useRomaji;
        _termAtt = AddAttribute<ICharTermAttribute>();
        _readingAtt = AddAttribute<IReadingAttribute>();
    }

    /// <inheritdoc/>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        string? reading = _readingAtt.GetReading();
        if (_useRomaji)
        {
            _buffer.Clear();
            ToStringUtil.GetRomanization(_buffer, reading ?? _termAtt.ToString());
            _termAtt.SetEmpty().Append(_buffer);
        }
        else if (reading != null)
        {
            _termAtt.SetEmpty().Append(reading);
        }

        return true;
    }
}
