using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>A KPI value the question asks for that the indicator does not state: a blank cell (「—」 as a baseline, an actual
/// not yet measured) or a role the record has none of (a strategy's indicator with a baseline and a target but no actual).
/// The answer is "not found" with that reason, naming the values the documents do state for it (cited, without figures), never
/// the neighbouring values as if they answered.</summary>
internal sealed class ValueAbsence
{
    private static readonly (AskedValue Ask, string Label)[] s_roles = [(AskedValue.Baseline, "基準値"), (AskedValue.Target, "目標値"), (AskedValue.Actual, "実績値")];

    private readonly AnswerRanker _ranker;

    public ValueAbsence(AnswerRanker ranker) => _ranker = ranker;

    /// <summary>The not-found answer when every KPI value the question asks for is blank or missing in the best indicator and in
    /// every other statement of the same indicator; null otherwise.</summary>
    public AnswerBuilder? Absent(Question question, Evidence evidence)
    {
        if (question.Cities.Count > 1 || question.OtherPlaces.Count > 0 || question.Type is not (AnswerType.Any or AnswerType.Figure)
            || !question.AsksKpiValue || question.Asked.Any(a => !s_roles.Any(r => r.Ask == a)))
        {
            return null;
        }

        List<KpiRecord> best = _ranker.Best(evidence.Kpis, HasValues);
        if (best.Count == 0 || evidence.Kpis.FirstOrDefault(k => ReferenceEquals(k.Item, best[0])) is not { } top || top.Coverage < _ranker.Options.RecordCoverage)
        {
            return null;
        }

        // The same indicator in another document (the strategy and its evaluation sheet) may state what this one leaves blank.
        var statements = best.Concat(evidence.Kpis.Where(k => k.Coverage >= _ranker.Options.RecordCoverage && best.Any(b => SameIndicator.Same(b, k.Item))).Select(k => k.Item))
            .Distinct().ToList();
        var asked = s_roles.Where(r => question.Asks(r.Ask)).ToList();
        if (asked.Any(r => statements.Any(k => States(k, r.Ask, question))))
        {
            return null;
        }

        KpiRecord record = best[0];
        var absent = new AnswerBuilder();
        string mark = absent.Mark(record.Source);
        string roles = string.Join("・", asked.Select(r => r.Label));
        string blank = asked.Any(r => Value(record, r.Ask) is not null) ? "（表の欄は「—」）" : string.Empty;
        absent.Line($"{OfflineComposer.NotFoundText}{record.City}「{record.Indicator}」{mark}の{roles}は資料に記載されていません{blank}。");
        var held = s_roles.Where(r => !question.Asks(r.Ask) && Value(record, r.Ask) is { } v && !Blank(v.Text)).Select(r => r.Label).ToList();
        if (held.Count > 0)
        {
            absent.Line($"参考: 資料にあるのはこの指標の{string.Join("・", held)}です {mark}（{roles}ではありません）。");
        }

        return absent;
    }

    private static bool HasValues(KpiRecord k) => k.Baseline is not null || k.Target is not null || k.Actual is not null || k.Series.Count > 0;

    /// <summary>Whether the record states the role: its cell holds more than a dash, or a yearly point does (for the years asked,
    /// when the question names any).</summary>
    private static bool States(KpiRecord record, AskedValue role, Question question)
    {
        if (Value(record, role) is { } value && !Blank(value.Text))
        {
            return true;
        }

        bool InYears(YearlyValue p) => question.Years.Count == 0 || question.Years.Any(y => y.Contains(p.Year));
        return role switch
        {
            AskedValue.Target => record.Series.Any(p => InYears(p) && p.Target is { } t && !Blank(t.Text)),
            AskedValue.Actual => record.Series.Any(p => InYears(p) && p.Actual is { } a && !Blank(a.Text)),
            _ => false,
        };
    }

    private static KpiValue? Value(KpiRecord record, AskedValue role) => role switch
    {
        AskedValue.Baseline => record.Baseline,
        AskedValue.Target => record.Target,
        _ => record.Actual,
    };

    /// <summary>A cell that states nothing: empty or a dash.</summary>
    internal static bool Blank(string text) => text.Trim() is "" or "—" or "-" or "－" or "―" or "ー";
}
