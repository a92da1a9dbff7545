using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>One indicator read from several tables (a goal's 数値目標 and a measure's KPI, the strategy and the evaluation
/// report, the KPI of two projects) is one block: the first record's values, then only what the others state differently,
/// each cited, and a data-quality note naming the values that differ. Nothing is reconciled: each figure is as written.</summary>
internal static class SameIndicator
{
    /// <summary>The indicator as a key: NFKC, without spaces, so 「観光入込客数」 written in two tables is one indicator.</summary>
    public static string Key(KpiRecord record) =>
        string.Concat(record.Indicator.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));

    public static void Render(KpiRecord first, IReadOnlyList<KpiRecord> others, Question question, AnswerBuilder builder, SourceLines lines)
    {
        var differing = new List<string>();
        foreach (KpiRecord other in others)
        {
            var mine = KpiAnswerPart.OrderedValues(first, question).ToDictionary(v => v.Label, v => v.Value, StringComparer.Ordinal);
            var different = KpiAnswerPart.OrderedValues(other, question)
                .Where(v => !mine.TryGetValue(v.Label, out KpiValue? value) || Shown(value) != Shown(v.Value))
                .ToList();
            string context = KpiAnswerPart.Context(other) is { Length: > 0 } c && c != KpiAnswerPart.Context(first) ? c : string.Empty;
            if (different.Count == 0)
            {
                if (context.Length > 0)
                {
                    builder.Line($"・同じ指標の記載{context} {builder.Mark(other.Source)}");
                }

                continue;
            }

            builder.Line($"・別の表の記載{context} {builder.Mark(other.Source)}:");
            foreach ((string label, KpiValue value) in different)
            {
                (string year, Citation? yearSource) = lines.YearOf(value, other);
                string marker = builder.Figure(value.ValueText, value.Unit, year.Length > 0 ? year : null, value.Source, $"{other.Indicator} {label}");
                string yearMarker = yearSource is null ? string.Empty : builder.Mark(yearSource);
                builder.Line($"  {label}: {value.Display}{(year.Length > 0 ? $"（{year}）" : string.Empty)} {marker}{yearMarker}");
                if (mine.ContainsKey(label) && !differing.Contains(label))
                {
                    differing.Add(label);
                }
            }
        }

        if (differing.Count > 0)
        {
            builder.Note($"「{first.Indicator}」は資料の複数の表に記載があり、{string.Join("・", differing)}の書き方が表によって異なります（記載のまま示しています）。");
        }
    }

    /// <summary>A value as a reader compares it: the value and its unit, NFKC, without spaces (1,638千人 and 1,638 千人 agree).</summary>
    private static string Shown(KpiValue value) =>
        string.Concat((value.ValueText + (value.Number is null ? string.Empty : value.Unit)).Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));
}
