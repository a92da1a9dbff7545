using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using StrategyAssistant.Japanese.TokenAttributes;

namespace StrategyAssistant.Japanese;

/// <summary>Replaces the term text with its base form (when there is one and the token is not a keyword); offsets are kept.</summary>
public sealed class JapaneseBaseFormFilter : TokenFilter
{
    private readonly ICharTermAttribute _termAtt;
    private readonly IBaseFormAttribute _baseFormAtt;
    private readonly IKeywordAttribute _keywordAtt;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public JapaneseBaseFormFilter(TokenStream input)
        : base(input)
    {
        _termAtt = AddAttribute<ICharTermAttribute>();
        _baseFormAtt = AddAttribute<IBaseFormAttribute>();
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
            string? baseForm = _baseFormAtt.GetBaseForm();
            if (baseForm != null)
            {
                _termAtt.SetEmpty().Append(baseForm);
            }
        }

        return true;
    }
}
