using StrategyAssistant.Documents;
using StrategyAssistant.Records;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering;

/// <summary>The prose answer: the sentences that answer, quoted with their lines, else the best line of each passage.</summary>
internal sealed class PassageAnswerPart
{
    private readonly ComposerContext _ctx;
    private readonly SourceLines _lines;

    public PassageAnswerPart(ComposerContext ctx, SourceLines lines)
    {
        _ctx = ctx;
        _lines = lines;
    }

    public bool TryPassages(Question question, Evidence evidence, AnswerBuilder builder)
    {
        var passages = evidence.Passages.Where(p => p.Coverage >= _ctx.PassageCoverage).Take(MaxSentencePassages).ToList();
        if (passages.Count == 0)
        {
            return false;
        }

        // The sentence that answers, with its line; whole passages are for /sources and --explain.
        IReadOnlyList<string> terms = QueryTerms.Analyze(_ctx.Analyzer, IndexFields.Text, question.OwnTopic + " " + WithoutShapingWords(question));
        IReadOnlyList<SentenceAnswer.Scored> sentences = SentenceAnswer.Best(_ctx.Knowledge, passages, terms, question.Type, _ctx.Analyzer, _ctx.MaxPassages,
            _ctx.NextPassage, SentenceAnswer.PlanOf(question.Text), question.Years);
        if (sentences.Count > 0)
        {
            builder.Line("資料の記述です。");
            foreach (SentenceAnswer.Scored sentence in sentences)
            {
                builder.Line($"{builder.Mark(sentence.Citation)} {AnswerText.Shorten(sentence.Citation.Quote, 300)}");
            }

            return true;
        }

        terms = QueryTerms.Analyze(_ctx.Analyzer, IndexFields.Text, question.Text + " " + question.Topic);
        builder.Line("資料の該当箇所です。");
        foreach (Ranked<Passage> ranked in passages.Take(_ctx.MaxPassages))
        {
            Citation citation = PassageQuote.Best(_ctx.Knowledge, ranked.Item, terms, _ctx.Analyzer);
            builder.Line($"{builder.Mark(citation)} {AnswerText.Shorten(citation.Quote.Replace('\n', ' ').Replace('\t', ' '), 300)}");
        }

        return true;
    }

    /// <summary>How many of the best passages are split into sentences.</summary>
    private const int MaxSentencePassages = 5;

    /// <summary>The question less its city names and years: its value words (計画期間, 目指す姿) carry the meaning of a prose question.</summary>
    private static string WithoutShapingWords(Question question) =>
        question.Years.Aggregate(
            question.Cities.Aggregate(question.Text, (t, c) => t.Replace(c, " ", StringComparison.Ordinal).Replace(c.TrimEnd('市', '町', '村'), " ", StringComparison.Ordinal)),
            (t, y) => t.Replace(y.Text, " ", StringComparison.Ordinal));
}
