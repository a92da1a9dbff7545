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

    /// <summary>True when two records state one indicator: one city and the same name; for the KPIs of two different projects
    /// also the same figures (one indicator listed for two projects), else they are two indicators that share a generic name
    /// (「補助金交付件数」 of three subsidy projects, each with its own values).</summary>
    public static bool Same(KpiRecord a, KpiRecord b) =>
        a.City == b.City && Key(a) == Key(b) && (a.Project is null || b.Project is null || a.Project == b.Project || SameFigures(a, b));

    private static bool SameFigures(KpiRecord a, KpiRecord b)
    {
        var pairs = new[] { (a.Baseline, b.Baseline), (a.Target, b.Target), (a.Actual, b.Actual) }.Where(p => p.Item1 is not null && p.Item2 is not null).ToList();
        return pairs.Count > 0 && pairs.All(p => Shown(p.Item1!) == Shown(p.Item2!));
    }

    /// <summary>The records in blocks of one indicator each, in order; a block's first record is the one it is shown as.</summary>
    public static List<List<KpiRecord>> Blocks(IEnumerable<KpiRecord> records)
    {
        var blocks = new List<List<KpiRecord>>();
        foreach (KpiRecord record in records)
        {
            if (blocks.FirstOrDefault(b => Same(b[0], record)) is { } block)
            {
                block.Add(record);
            }
            else
            {
                blocks.Add([record]);
            }
        }

        return blocks;
    }

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
