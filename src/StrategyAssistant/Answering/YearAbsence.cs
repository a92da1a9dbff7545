using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>A value asked for a year that the matching records hold no value for: not found, with the reason and the years the
/// documents do state labelled as such (cited), never another year's figure given as the answer.</summary>
internal sealed class YearAbsence
{
    private readonly KnowledgeBase _knowledge;
    private readonly AnswerRanker _ranker;
    private readonly SourceLines _lines;

    public YearAbsence(KnowledgeBase knowledge, AnswerRanker ranker, SourceLines lines)
    {
        _knowledge = knowledge;
        _ranker = ranker;
        _lines = lines;
    }

    /// <summary>The not-found answer when the asked years are missing from the budgets the question asks about; null otherwise.</summary>
    public AnswerBuilder? BudgetAbsent(Question question, Evidence evidence) => Applies(question) ? Budget(question, evidence) : null;

    /// <summary>The not-found answer when the asked years are missing from the indicator the question asks about; null otherwise.</summary>
    public AnswerBuilder? KpiAbsent(Question question, Evidence evidence) => Applies(question) ? Actual(question, evidence) ?? Unnamed(question, evidence) : null;

    private static bool Applies(Question question) => question.Years.Count > 0 && question.Type is not (AnswerType.Difference or AnswerType.Comparison or AnswerType.Sum);

    /// <summary>A budget asked for years that neither the matching projects nor (when none matches) any project of the cities
    /// asked about has a budget for: the budget years the documents give are named, each with the line that states it.</summary>
    private AnswerBuilder? Budget(Question question, Evidence evidence)
    {
        if (!question.Asks(AskedValue.Budget) || question.AsksKpiValue && !question.Asks(AskedValue.Actual))
        {
            return null;
        }

        List<ProjectRecord> best = _ranker.Best(evidence.Projects, p => p.Budget is not null);
        // The same project listed once per year (a grant's 令和2年度 / 3年度 / 4年度 rows) is one project with several years.
        List<ProjectRecord> candidates = best.Count > 0
            ? [.. _knowledge.ProjectsOf([.. best.Select(p => p.City).Distinct()]).Where(p => p.Budget is not null && best.Any(b => b.City == p.City && b.Name == p.Name))]
            : question.Cities.Count > 0 && evidence.BestKpi < _ranker.Options.RecordCoverage ? [.. _knowledge.ProjectsOf(question.Cities).Where(p => p.Budget is not null)] : [];
        if (candidates.Count == 0 || candidates.Any(p => p.BudgetYear is null)
            || candidates.Any(p => question.Years.Any(y => Overlaps(p.BudgetYear!, y))))
        {
            return null;
        }

        var absent = new AnswerBuilder();
        string subject = best.Count > 0 ? $"{best[0].City}「{best[0].Name}」{absent.Mark(best[0].Source)}の" : $"{string.Join("・", question.Cities)}の資料では";
        absent.Line($"{OfflineComposer.NotFoundText}{subject}{YearsText(question)}の予算事業費は記載されていません。");
        var years = candidates.GroupBy(p => p.BudgetYear!.Start).OrderBy(g => g.Key).Select(g => g.First()).ToList();
        var stated = years.Select(p => (p, _lines.BudgetYearOf(p))).Where(x => x.Item2.Year.Length > 0).ToList();
        if (stated.Count > 0)
        {
            string list = string.Join("・", stated.Select(x => $"{x.Item2.Year} {absent.Mark(x.Item2.Source ?? x.p.Source)}"));
            absent.Line($"参考: 資料にある予算事業費の年度は {list} です（質問の年度の値ではありません）。");
        }

        return absent;
    }

    /// <summary>An actual asked for years the best indicator states no actual for, every one after its latest stated actual (or
    /// an indicator with baseline/target only).</summary>
    private AnswerBuilder? Actual(Question question, Evidence evidence)
    {
        if (!question.Asks(AskedValue.Actual) || _ranker.Best(evidence.Kpis, _ => true).FirstOrDefault() is not { } record)
        {
            return null;
        }

        List<(KpiValue Value, FiscalYear Year)> actuals = Actuals(record);
        if (record.Actual is { Period: null } || !question.Years.All(y => actuals.All(a => a.Year < y.Start)))
        {
            return null;
        }

        return Absent(record, question, "実績値", actuals);
    }

    /// <summary>A question that names an indicator and a year but no value role (「…、2021年の数字は？」): when no value of the
    /// indicator is for that year and the year is after its latest actual, the indicator has no figure for it.</summary>
    private AnswerBuilder? Unnamed(Question question, Evidence evidence)
    {
        if (question.Asked.Count > 0 || question.Type is not (AnswerType.Any or AnswerType.Figure)
            || _ranker.Best(evidence.Kpis, k => KpiAnswerPart.Values(k).Any()).FirstOrDefault() is not { } record)
        {
            return null;
        }

        List<(KpiValue Value, FiscalYear Year)> actuals = Actuals(record);
        bool anyForYear = question.Years.Any(y => KpiAnswerPart.Values(record).Any(v => v.Value.Period is null || Overlaps(v.Value.Period, y))
            || record.Series.Any(s => y.Contains(s.Year)));
        if (anyForYear || record.Actual is { Period: null } || !question.Years.All(y => actuals.All(a => a.Year < y.Start)))
        {
            return null;
        }

        return Absent(record, question, "値", actuals);
    }

    private AnswerBuilder Absent(KpiRecord record, Question question, string role, List<(KpiValue Value, FiscalYear Year)> actuals)
    {
        // The indicator is cited where it is named: its name may hold figures of its own (1人あたりの総所得).
        var absent = new AnswerBuilder();
        absent.Line($"{OfflineComposer.NotFoundText}{record.City}「{record.Indicator}」{absent.Mark(record.Source)}の{YearsText(question)}の{role}は資料に記載されていません。");
        if (actuals.Count == 0)
        {
            absent.Line("この指標の資料にあるのは基準値・目標値で、実績値の記載はありません。");
            return absent;
        }

        KpiValue latest = actuals.MaxBy(a => a.Year).Value;
        (string label, Citation? source) = _lines.YearOf(latest, record);
        if (label.Length > 0)
        {
            absent.Line($"参考: 資料にある最も新しい実績は{label}のものです（質問の年度の値ではありません） {absent.Mark(source ?? latest.Source)}。");
        }

        return absent;
    }

    private static List<(KpiValue Value, FiscalYear Year)> Actuals(KpiRecord record)
    {
        var actuals = record.Series.Where(s => s.Actual?.Number is not null).Select(s => (Value: s.Actual!, s.Year)).ToList();
        if (record.Actual is { Period: { } period } current)
        {
            actuals.Add((current, period.End));
        }

        return actuals;
    }

    private static bool Overlaps(FiscalPeriod a, FiscalPeriod b) => a.Start <= b.End && b.Start <= a.End;

    private static string YearsText(Question question) => string.Join("・", question.Years.Select(y => y.Text));
}
