using StrategyAssistant.Documents;

using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>Joins an evaluation sheet's KPI (it has an actual, an evaluation or commentary) with the same indicator in the city's
/// strategy (another document of the same city that gives only baseline and target). Names match after normalising markup,
/// width, brackets' qualifiers such as (市民アンケート結果) or (各年度件数), units, punctuation and spaces; near-identical names
/// (a dropped の, a typo) match when their character bigrams agree closely, more readily when a value agrees too.
/// The joined record is the sheet's, with baseline and target taken from the strategy where the sheet lacks them, and cites both
/// documents in <see cref="KpiRecord.RelatedSources"/>; the strategy's record is folded into it. Where both documents give a
/// value and they disagree, a <see cref="DataQualityNote"/> says so.</summary>
public sealed class EvaluationStrategyLinker : IRecordLinker
{
    private const double Threshold = 0.75;

    public RecordSet Link(RecordSet records)
    {
        List<KpiRecord> kpis = [.. records.Kpis];
        var sheet = kpis.Where(IsSheetRecord).ToList();
        var strategy = kpis.Where(k => !IsSheetRecord(k) && (k.Target is not null || k.Baseline is not null)).ToList();
        var candidates = new List<(double Score, KpiRecord Sheet, KpiRecord Strategy)>();

        // Only records of the same city are compared: group once, normalise each indicator once (a large corpus has many cities).
        var byCity = strategy.GroupBy(k => k.City, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(k => (Record: k, Name: NameSimilarity.NormalizeIndicator(k.Indicator))).ToList(), StringComparer.Ordinal);
        foreach (KpiRecord s in sheet)
        {
            string ns = NameSimilarity.NormalizeIndicator(s.Indicator);
            foreach ((KpiRecord t, string nt) in byCity.GetValueOrDefault(s.City) ?? [])
            {
                if (t.Source.File == s.Source.File)
                {
                    continue;
                }

                double score = ns == nt ? 1.0 : NameSimilarity.Dice(ns, nt);
                if (SameNumber(s.Target, t.Target) || SameNumber(s.Baseline, t.Baseline))
                {
                    score += 0.15;
                }

                if (score >= Threshold)
                {
                    candidates.Add((score, s, t));
                }
            }
        }

        var usedSheet = new HashSet<KpiRecord>(ReferenceEqualityComparer.Instance);
        var usedStrategy = new HashSet<KpiRecord>(ReferenceEqualityComparer.Instance);
        var merged = new Dictionary<KpiRecord, KpiRecord>(ReferenceEqualityComparer.Instance);
        var notes = new List<DataQualityNote>(records.Notes);
        foreach ((double _, KpiRecord s, KpiRecord t) in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Sheet.Source.Line).ThenBy(c => c.Strategy.Source.Line))
        {
            if (usedSheet.Contains(s) || usedStrategy.Contains(t))
            {
                continue;
            }

            usedSheet.Add(s);
            usedStrategy.Add(t);
            merged[s] = Merge(s, t);
            Compare(s, t, "基準値", s.Baseline, t.Baseline, notes);
            Compare(s, t, "目標値", s.Target, t.Target, notes);
            CompareMeasures(s, t, notes);
        }

        if (merged.Count == 0)
        {
            return records;
        }

        List<KpiRecord> result = [.. kpis.Where(k => !usedStrategy.Contains(k)).Select(k => merged.GetValueOrDefault(k, k))];
        return records with { Kpis = result, Notes = notes };
    }

    /// <summary>A record from an evaluation sheet or progress report: it carries an actual or an evaluation.</summary>
    private static bool IsSheetRecord(KpiRecord k) =>
        !k.IsGoalTarget && (k.Actual is not null || k.Evaluation is not null || k.Assessment is not null);

    private static KpiRecord Merge(KpiRecord sheet, KpiRecord strategy)
    {
        var related = new List<Citation>(sheet.RelatedSources);
        foreach (Citation c in new[] { sheet.Source, strategy.Source }.Concat(strategy.RelatedSources))
        {
            if (!related.Contains(c))
            {
                related.Add(c);
            }
        }

        return sheet with
        {
            Baseline = Lacks(sheet.Baseline) && strategy.Baseline is not null ? strategy.Baseline : sheet.Baseline,
            Target = Lacks(sheet.Target) && strategy.Target is not null ? strategy.Target : sheet.Target,
            Unit = sheet.Unit ?? strategy.Unit,
            Goal = sheet.Goal ?? strategy.Goal,
            Measure = sheet.Measure ?? strategy.Measure,
            RelatedSources = related,
        };
    }

    /// <summary>No value, or a dash that says there is none.</summary>
    private static bool Lacks(KpiValue? value) =>
        value is null || (value.Number is null && value.ValueText is "" or "—" or "－" or "-" or "―");

    private static bool SameNumber(KpiValue? a, KpiValue? b) => a?.Number is { } x && b?.Number is { } y && x == y;

    private static void Compare(KpiRecord sheet, KpiRecord strategy, string what, KpiValue? a, KpiValue? b, List<DataQualityNote> notes)
    {
        if (a is null || b is null || Lacks(a) || Lacks(b))
        {
            return;
        }

        if (a.Number is { } x && b.Number is { } y && x != y)
        {
            notes.Add(new DataQualityNote(
                sheet.City,
                "value-mismatch",
                $"{sheet.Indicator}: {what}が文書間で異なる。{a.Source.File} {a.Source.Line}行目は「{a.Text}」、{b.Source.File} {b.Source.Line}行目は「{b.Text}」。",
                [a.Source, b.Source])
            {
                Subjects = Subjects(sheet, strategy),
            });
        }
        else if (a.Period is { } pa && b.Period is { } pb && (pa.Start != pb.Start || pa.End != pb.End))
        {
            notes.Add(new DataQualityNote(
                sheet.City,
                "period-mismatch",
                $"{sheet.Indicator}: {what}「{a.Text}」は{a.Source.File} {a.Source.Line}行目で{pa.Start.ToJapanese()}{(pa.IsSingleYear ? string.Empty : "～" + pa.End.ToJapanese())}の値とされているが、{b.Source.File} {b.Source.Line}行目では「{b.Text}」（{pb.Start.ToJapanese()}{(pb.IsSingleYear ? string.Empty : "～" + pb.End.ToJapanese())}）。",
                [a.Source, b.Source])
            {
                Subjects = Subjects(sheet, strategy),
            });
        }
    }

    /// <summary>The same indicator under a measure numbered differently (④ in the sheet, ③ in the strategy) or titled differently.</summary>
    private static void CompareMeasures(KpiRecord sheet, KpiRecord strategy, List<DataQualityNote> notes)
    {
        if (sheet.Measure is not { } a || strategy.Measure is not { } b || a.Mark is null || b.Mark is null)
        {
            return;
        }

        bool sameTitle = NameSimilarity.Dice(NameSimilarity.NormalizeIndicator(a.Title), NameSimilarity.NormalizeIndicator(b.Title)) >= 0.8;
        if (sameTitle && a.Mark == b.Mark)
        {
            return;
        }

        notes.Add(new DataQualityNote(
            sheet.City,
            "measure-mismatch",
            $"{sheet.Indicator}: 施策の{(sameTitle ? "番号" : "見出し")}が文書間で異なる。{sheet.Source.File} {sheet.Source.Line}行目は「{a}」、{strategy.Source.File} {strategy.Source.Line}行目は「{b}」の指標。",
            [sheet.Source, strategy.Source])
        {
            Subjects = [.. Subjects(sheet, strategy), b.Title],
        });
    }

    private static List<string> Subjects(KpiRecord sheet, KpiRecord strategy)
    {
        var subjects = new List<string> { sheet.Indicator };
        if (strategy.Indicator != sheet.Indicator)
        {
            subjects.Add(strategy.Indicator);
        }

        if (sheet.Measure is not null)
        {
            subjects.Add(sheet.Measure.Title);
        }

        return subjects;
    }
}
