using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>What a KPI block says besides its figures: a value the document leaves blank (－, a blank cell) when it is asked
/// for or the document gives a reason, with that reason cited; and the document's own remark on the result (所見, 現状認識,
/// 増減理由) when the question is about how the indicator went, quoted sentence by sentence with its line.</summary>
internal sealed partial class KpiRemarks
{
    /// <summary>At most this many sentences of a remark are quoted.</summary>
    private const int MaxRemarkSentences = 2;

    /// <summary>A quoted remark is cut near this many characters.</summary>
    private const int MaxRemarkChars = 220;

    /// <summary>How far above an indicator the row holding its measure's remark may be.</summary>
    private const int RemarkRowsAbove = 40;

    private readonly ComposerContext _ctx;

    public KpiRemarks(ComposerContext ctx) => _ctx = ctx;

    /// <summary>A value that is not stated: a blank cell or a dash only (a reason-carrying blank is a value with empty text).</summary>
    public static bool IsMissing(KpiValue value) => value.Number is null && DashOnly().IsMatch(value.Text.Trim());

    /// <summary>The values the question asks for that the document leaves blank, and any blank value the document explains:
    /// said outright, with the reason and its line, never dropped silently.</summary>
    public void AddMissing(KpiRecord record, Question question, AnswerBuilder builder)
    {
        foreach ((string label, KpiValue value) in KpiAnswerPart.Values(record).Where(v => IsMissing(v.Value)))
        {
            bool asked = label switch
            {
                "基準値" => question.Asks(AskedValue.Baseline),
                "目標値" => question.Asks(AskedValue.Target),
                _ => question.Asks(AskedValue.Actual) || question.Asks(AskedValue.Status),
            };
            string written = value.Text.Trim() is { Length: > 0 } mark ? $"（「{mark}」）" : "（空欄）";
            if (value.MissingReason is { } reason)
            {
                builder.Line($"・{label}: 資料に値の記載がありません{written} {builder.Mark(value.Source)}。理由（資料の記述）:");
                builder.Line($"{builder.Mark(reason.Source)} {reason.Text}");
            }
            else if (asked)
            {
                builder.Line($"・{label}: 資料に値の記載がありません{written} {builder.Mark(value.Source)}");
            }
        }
    }

    /// <summary>The document's remark on the indicator's result, when the question is about how it went: it asks for the
    /// actual, the status, a comparison, an evaluation or a policy, asks why, names no value, or names a year the indicator
    /// has an actual for (a year's result is what its remark discusses).</summary>
    public void AddRemark(KpiRecord record, Question question, AnswerBuilder builder)
    {
        bool aboutResult = question.Asks(AskedValue.Actual) || question.Asks(AskedValue.Status) || question.Asks(AskedValue.Compare)
            || question.Asks(AskedValue.Evaluation) || question.Asks(AskedValue.Policy) || question.Type == AnswerType.Reason
            || question.Asked.Count == 0 || question.Years.Any(y => HasActualFor(record, y));
        if (!aboutResult)
        {
            return;
        }

        Quote(record, record.Assessment, "所見", builder);
        if (question.Asks(AskedValue.Policy))
        {
            Quote(record, record.Outlook, "今後", builder);
        }
    }

    private void Quote(KpiRecord record, string? remark, string label, AnswerBuilder builder)
    {
        if (remark is not { Length: > 0 })
        {
            return;
        }

        var sentences = SentenceAnswer.Sentences(remark.Replace('\n', ' ')).Take(MaxRemarkSentences).ToList();
        if (sentences.Count == 0)
        {
            return;
        }

        // Each sentence on a line of its own after its citation, as the document words it (verbatim, so the figures in it
        // are the document's own). A remark may stand on its measure's first row, above the indicator; a sentence no line
        // holds whole (rejoined across lines) is left out rather than cited to a line that does not say it.
        int from = Math.Max(1, record.Source.Line - RemarkRowsAbove);
        var found = sentences
            .Select(sentence => (Sentence: sentence.Trim(), Line: _ctx.LineHolding(record.Source.File, from, record.Source.LineEnd, sentence)))
            .Where(s => s.Line is not null)
            .GroupBy(s => s.Line!.Value)
            .ToList();
        if (found.Count == 0)
        {
            return;
        }

        builder.Line($"・{label}（資料の記述）:");
        foreach (var line in found)
        {
            // The sentences that stand on one line are quoted as the line writes them, from the first to the last.
            (int n, string text) = line.Key;
            int start = line.Min(s => text.IndexOf(s.Sentence, StringComparison.Ordinal));
            int end = line.Max(s => text.IndexOf(s.Sentence, StringComparison.Ordinal) + s.Sentence.Length);
            string quote = text[start..end].Replace('\t', ' ');
            builder.Line($"{builder.Mark(_ctx.Knowledge.Cite(record.Source.File, n, n, quote))} {AnswerText.ShortenAtBoundary(quote, MaxRemarkChars)}");
        }
    }

    private static bool HasActualFor(KpiRecord record, FiscalPeriod year) =>
        record.Actual?.Period is { } period && period.Contains(year.Start) || record.Series.Any(s => s.Actual is not null && year.Contains(s.Year));

    [GeneratedRegex(@"^[—\-－ー―‐]*$")]
    private static partial Regex DashOnly();
}
