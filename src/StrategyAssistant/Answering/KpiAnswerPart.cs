using StrategyAssistant.Documents;
using StrategyAssistant.Records;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering;

/// <summary>The KPI values answer: each indicator with its values, years, units and citations.</summary>
internal sealed partial class KpiAnswerPart
{
    private readonly ComposerContext _ctx;
    private readonly SourceLines _lines;
    private readonly KpiRemarks _remarks;

    public KpiAnswerPart(ComposerContext ctx, SourceLines lines)
    {
        _ctx = ctx;
        _lines = lines;
        _remarks = new KpiRemarks(ctx);
    }

    public bool TryKpiValues(Question question, Evidence evidence, AnswerBuilder builder)
    {
        bool HasValues(KpiRecord k) => k.Baseline is not null || k.Target is not null || k.Actual is not null || k.Series.Count > 0;
        bool HasAskedYear(KpiRecord k) => question.Years.Any(y => Values(k).Any(v => v.Value.Period?.Contains(y.Start) == true) || k.Series.Any(s => y.Contains(s.Year)));

        // With a year in the question, records that have a value for it come first among equals; with several cities, the best of each.
        IReadOnlyList<Ranked<KpiRecord>> ranked = question.Years.Count == 0
            ? evidence.Kpis
            : [.. evidence.Kpis.OrderByDescending(r => Math.Round(r.Coverage, 2)).ThenByDescending(r => HasAskedYear(r.Item))
                .ThenByDescending(r => !question.AsksKpiValue && r.Item.Series.Any(p => question.Years.Any(y => y.Contains(p.Year))))];
        // A statistics row about another place (合計特殊出生率 (国)) does not stand for the city asked about.
        if (question.Cities.Count > 0)
        {
            ranked = [.. ranked.Where(r => SubjectPlace(r.Item.Indicator) is not { } place || question.Cities.Any(c => c.StartsWith(place, StringComparison.Ordinal) || place.StartsWith(c.TrimEnd('市'), StringComparison.Ordinal)))];
        }

        List<KpiRecord> records = question.Cities.Count >= 2
            ? [.. question.Cities.Select(city => _ctx.Ranker.Best([.. ranked.Where(r => r.Item.City == city)], HasValues).FirstOrDefault()).OfType<KpiRecord>()]
            : _ctx.Ranker.Best(ranked, HasValues);
        if (records.Count == 0)
        {
            return false;
        }

        // The same indicator stated in several places (a goal's 数値目標 and a project's KPI, the strategy and the evaluation
        // report): one block with all its sources, the values that differ shown and flagged.
        var same = evidence.Kpis.Where(r => r.Coverage >= _ctx.RecordCoverage && HasValues(r.Item) && !records.Contains(r.Item)
            && records.Any(b => SameIndicator.Same(b, r.Item))).Select(r => r.Item).ToList();

        // A year the question asks about that no value of these records is for: say so rather than give another year's figure.
        List<FiscalPeriod> missing = [.. question.Years.Where(y => !records.Any(r => Values(r).Any(v => v.Value.Period?.Contains(y.Start) == true) || r.Series.Any(s => y.Contains(s.Year))))];
        bool yearMissing = missing.Count > 0 && missing.Count == question.Years.Count && missing.All(y => records.All(r => Values(r).All(v => v.Value.Period is null || v.Value.Period.End < y.Start)));
        if (yearMissing)
        {
            builder.Line($"資料には{string.Join("・", missing.Select(y => y.Text))}の値は記載されていません。資料にある値は次のとおりです。");
        }

        foreach (List<KpiRecord> block in SameIndicator.Blocks(records.Concat(same)))
        {
            RenderKpi(block.First(), question, builder, [.. block.Skip(1)]);
        }

        if (yearMissing)
        {
            builder.Note("質問の年度の値は資料にありません。");
        }

        return true;
    }

    /// <summary>One KPI: its name with its citations, then each value with its year and unit, the yearly values the question asks
    /// for, its status, and (when asked) how the actual compares with the target.</summary>
    public void RenderKpi(KpiRecord record, Question question, AnswerBuilder builder, IReadOnlyList<KpiRecord>? sameIndicator = null)
    {
        // A linked indicator cites every document that states it (the evaluation sheet and the strategy).
        string own = builder.Mark(record.Source);
        string related = string.Concat(record.RelatedSources.Where(c => c != record.Source).Select(builder.Mark));
        string others = string.Concat((sameIndicator ?? []).Select(r => r.Source).Where(c => c != record.Source && !record.RelatedSources.Contains(c)).Distinct().Select(builder.Mark));
        builder.Line($"{record.City}「{record.Indicator}」{Context(record)}{own}{related}{others}");
        foreach ((string label, KpiValue value) in OrderedValues(record, question))
        {
            (string year, Citation? yearSource) = _lines.YearOf(value, record);
            string marker = builder.Figure(value.ValueText, value.Unit, year.Length > 0 ? year : null, value.Source, $"{record.Indicator} {label}");
            string yearMarker = yearSource is null ? string.Empty : builder.Mark(yearSource);
            builder.Line($"・{label}: {value.Display}{(year.Length > 0 ? $"（{year}）" : string.Empty)} {marker}{yearMarker}");
        }

        foreach (YearlyValue point in record.Series.Where(s => question.Years.Any(y => y.Contains(s.Year))))
        {
            foreach ((string label, KpiValue? value) in new[] { ("目標値", point.Target), ("実績値", point.Actual) })
            {
                if (value is not null && value.Text.Trim() is { Length: > 0 } t && t is not "—" and not "-")
                {
                    // The year as the table's header writes it (2018年, 3年度 …), cited to the header.
                    (string year, Citation? header) = _lines.YearHeader(value, point.Year);
                    string marker = builder.Figure(value.ValueText, value.Unit, year.Length > 0 ? year : null, value.Source, $"{record.Indicator} {year} {label}");
                    string headerMarker = header is null ? string.Empty : builder.Mark(header);
                    builder.Line($"・{(year.Length > 0 ? year + "の" : string.Empty)}{label}: {value.Display} {marker}{headerMarker}");
                }
            }
        }

        if (sameIndicator is { Count: > 0 })
        {
            SameIndicator.Render(record, sameIndicator, question, builder, _lines);
        }

        _remarks.AddMissing(record, question, builder);
        if (record.Status is { Length: > 0 } status)
        {
            string meaning = record.StatusMeaning is { } m ? $"（{m.Meaning}） {builder.Mark(m.Legend)}" : string.Empty;
            builder.Line($"・状況: {status} {builder.Mark(record.Source)}{meaning}");
        }

        _remarks.AddRemark(record, question, builder);

        if (question.Asks(AskedValue.Compare) && record.Actual?.Number is decimal actual && record.Target?.Number is decimal target)
        {
            string relation = actual >= target ? "上回って（または達して）います" : "下回っています";
            builder.Line($"・実績値 {record.Actual.ValueText} は目標値 {record.Target.ValueText} を{relation}。");
        }
    }

    internal static IEnumerable<(string Label, KpiValue Value)> Values(KpiRecord record)
    {
        if (record.Baseline is { } b)
        {
            yield return ("基準値", b);
        }

        if (record.Target is { } t)
        {
            yield return ("目標値", t);
        }

        if (record.Actual is { } a)
        {
            yield return ("実績値", a);
        }
    }

    /// <summary>The values the question asks for first, then the others; blank cells are left out.</summary>
    internal static IEnumerable<(string Label, KpiValue Value)> OrderedValues(KpiRecord record, Question question)
    {
        static int Rank(string label, Question q) => label switch
        {
            "基準値" when q.Asks(AskedValue.Baseline) => 0,
            "目標値" when q.Asks(AskedValue.Target) => 0,
            "実績値" when q.Asks(AskedValue.Actual) => 0,
            _ => 1,
        };

        return Values(record)
            .Where(v => v.Value.Text.Trim() is { Length: > 0 } t && t is not "—" and not "-" and not "－")
            .OrderBy(v => Rank(v.Label, question));
    }

    /// <summary>The place a statistics row is about, from its trailing parenthesis: 国, 北海道, 全国, or a municipality.</summary>
    internal static string? SubjectPlace(string indicator)
    {
        System.Text.RegularExpressions.Match m = TrailingPlace().Match(indicator);
        return m.Success ? m.Groups["place"].Value : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[(（](?<place>国|全国|北海道|全道|[^()（）]{1,5}[市町村])[)）]\s*$")]
    private static partial System.Text.RegularExpressions.Regex TrailingPlace();

    internal static string Context(KpiRecord record)
    {
        var parts = new List<string>();
        if (record.Project is { Length: > 0 } project)
        {
            parts.Add($"事業: {project}");
        }
        else if (record.Measure is not null)
        {
            parts.Add($"施策: {record.Measure}");
        }

        return parts.Count == 0 ? string.Empty : $"（{string.Join("、", parts)}）";
    }
}
