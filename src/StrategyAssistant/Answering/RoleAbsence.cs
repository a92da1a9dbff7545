using System.Text;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>A value role the documents of the cities asked about never state: a budget where no project list of the city gives
/// an amount (砂川市's KPI progress report, 芦別市's strategy), a department where no table of the city names one. The answer is
/// "not found" with that reason, naming the record the documents do hold for the topic (cited), never a neighbouring figure.</summary>
internal sealed class RoleAbsence
{
    private readonly KnowledgeBase _knowledge;
    private readonly double _recordCoverage;

    public RoleAbsence(KnowledgeBase knowledge, double recordCoverage)
    {
        _knowledge = knowledge;
        _recordCoverage = recordCoverage;
    }

    /// <summary>The asks a question about only a budget or only a department may carry besides it (事業の予算, KPIの担当).</summary>
    private static readonly AskedValue[] s_alongside = [AskedValue.Projects];

    /// <summary>The not-found answer when the question asks for one role, in words that name it, of cities whose records
    /// never state it; null otherwise.</summary>
    public AnswerBuilder? Absent(Question question, Evidence evidence)
    {
        if (question.Cities.Count == 0 || question.OtherPlaces.Count > 0
            || question.Type is not (AnswerType.Any or AnswerType.Figure or AnswerType.Department)
            || AskedRole(question) is not { } role)
        {
            return null;
        }

        if (question.Cities.Any(city => States(city, role)))
        {
            return null;
        }

        string what = role == AskedValue.Budget ? "予算（事業費）" : "担当部署";
        var absent = new AnswerBuilder();
        absent.Line($"{OfflineComposer.NotFoundText}{string.Join("・", question.Cities)}の資料には{what}の記載がありません。");
        if (Held(evidence) is { } held)
        {
            absent.Line($"参考: 資料にあるのは{held.City}「{held.Name}」の{held.Roles}です {absent.Mark(held.Source)}（{what}ではありません）。");
        }

        return absent;
    }

    /// <summary>Budget or department when the question names exactly one of them (by a role noun, not a generic figure word) and
    /// asks for no KPI value, total, count, evaluation, status or comparison.</summary>
    internal static AskedValue? AskedRole(Question question)
    {
        string text = question.Text.Normalize(NormalizationForm.FormKC);
        var named = QuestionVocabulary.Default.RoleNouns
            .Where(r => question.Asks(r.Key) && r.Value.Any(w => text.Contains(w, StringComparison.Ordinal)))
            .Select(r => r.Key)
            .ToList();
        if (named.Count != 1 || question.Asked.Any(a => a != named[0] && !s_alongside.Contains(a)))
        {
            return null;
        }

        return named[0];
    }

    /// <summary>Whether any record of the city states the role: a project's budget or a stated total's amount; a project's or
    /// an indicator's department.</summary>
    private bool States(string city, AskedValue role) => role == AskedValue.Budget
        ? _knowledge.ProjectsOf([city]).Any(p => p.City == city && p.Budget is not null)
            || _knowledge.TotalsOf([city]).Any(t => t.City == city && t.Budget is not null)
        : _knowledge.ProjectsOf([city]).Any(p => p.City == city && p.Department is { Length: > 0 })
            || _knowledge.KpisOf([city]).Any(k => k.City == city && k.Department is { Length: > 0 });

    /// <summary>The best record for the topic, when it covers the topic well enough: what the documents do state about it.</summary>
    private (string City, string Name, string Roles, Citation Source)? Held(Evidence evidence)
    {
        Ranked<KpiRecord>? kpi = evidence.Kpis.Count > 0 ? evidence.Kpis[0] : null;
        Ranked<ProjectRecord>? project = evidence.Projects.Count > 0 ? evidence.Projects[0] : null;
        if (kpi is not null && kpi.Coverage >= _recordCoverage && kpi.Coverage >= (project?.Coverage ?? 0))
        {
            KpiRecord k = kpi.Item;
            string roles = string.Join("・", new (KpiValue? Value, string Name)[] { (k.Baseline, "基準値"), (k.Target, "目標値"), (k.Actual, "実績値") }
                .Where(v => v.Value?.ValueText is { Length: > 0 } t && !ValueAbsence.Blank(t)).Select(v => v.Name));
            return (k.City, k.Indicator, roles.Length > 0 ? $"指標の{roles}" : "指標", k.Source);
        }

        if (project is not null && project.Coverage >= _recordCoverage)
        {
            ProjectRecord p = project.Item;
            return (p.City, p.Name, p.Kpis.Count > 0 ? "事業とその指標" : "事業の記載", p.Source);
        }

        return null;
    }
}
