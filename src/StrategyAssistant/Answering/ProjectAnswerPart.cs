using System.Globalization;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering;

/// <summary>The budget and project-list answers: a project's budget with its year, a measure's projects with their total,
/// a named project with its KPIs.</summary>
internal sealed class ProjectAnswerPart
{
    private readonly ComposerContext _ctx;
    private readonly SourceLines _lines;
    private const int MaxListedProjects = 30;

    private readonly KpiAnswerPart _kpis;

    public ProjectAnswerPart(ComposerContext ctx, SourceLines lines, KpiAnswerPart kpis)
    {
        _ctx = ctx;
        _lines = lines;
        _kpis = kpis;
    }

    public bool TryBudget(Question question, Evidence evidence, AnswerBuilder builder)
    {
        List<ProjectRecord> projects = _ctx.Ranker.Best(evidence.Projects, p => p.Budget is not null);
        if (projects.Count == 0)
        {
            return false;
        }

        // 「目標はいくら」 asks an indicator's value in budget words: an indicator that covers the question better answers it.
        double budgetCoverage = evidence.Projects.Where(p => projects.Contains(p.Item)).Max(p => p.Coverage);
        if (question.AsksKpiValue && evidence.BestKpi > budgetCoverage)
        {
            return false;
        }

        // A project listed once per year: with a year in the question, the rows for that year answer.
        List<ProjectRecord> forYear = [.. projects.Where(p => p.BudgetYear is { } y && question.Years.Any(q => y.Start <= q.End && q.Start <= y.End))];
        if (forYear.Count > 0)
        {
            projects = forYear;
        }

        foreach (ProjectRecord project in projects)
        {
            Money budget = project.Budget!;
            (string year, Citation? yearSource) = _lines.BudgetYearOf(project);
            string marker = builder.Figure(budget.Text, budget.Unit, year.Length > 0 ? year : null, project.Source, $"{project.Name} 予算");
            string yearMarker = yearSource is null ? string.Empty : builder.Mark(yearSource);
            string department = project.Department is { Length: > 0 } d ? $"（{d}）" : string.Empty;
            builder.Line($"{project.City}「{project.Name}」{department}の{(year.Length > 0 ? year + "の" : string.Empty)}予算事業費は {budget} です {marker}{yearMarker}。");
        }

        return true;
    }

    /// <summary>The projects of a measure, or a project, that the question names outright; declines otherwise.</summary>
    public bool TryNamed(Question question, Evidence evidence, AnswerBuilder builder) =>
        (NamedMeasure.Find(question, [.. _ctx.Knowledge.ProjectsOf(question.Cities)]) is not null
            || evidence.Projects.Any(p => p.NameMatch >= AnswerRanker.NamedOutright && p.Coverage >= _ctx.RecordCoverage))
        && TryProjects(question, evidence, builder);

    public bool TryProjects(Question question, Evidence evidence, AnswerBuilder builder)
    {
        // An indicator that belongs to a project: 「○○」は △△事業 の指標.
        Ranked<KpiRecord>? kpi = evidence.Kpis.FirstOrDefault(k => k.Item.Project is { Length: > 0 });
        Ranked<ProjectRecord>? bundle = evidence.Projects.FirstOrDefault(p => p.Item.Components.Count > 0);
        if (bundle is not null && bundle.Coverage >= _ctx.RecordCoverage && bundle.Coverage >= evidence.BestProject - 0.05)
        {
            ProjectRecord project = bundle.Item;
            builder.Line($"{project.City}の「{project.Name}」は、{string.Join("・", project.Components)} をまとめた事業です {builder.Mark(project.Source)}。");
            return true;
        }

        // A project the question names outright: what it is, its budget and its KPIs. Unless the question names its measure
        // (by mark or title) in words that cover more of the question than the project's name does: then it asks for the measure.
        var namedMeasure = NamedMeasure.Find(question, [.. _ctx.Knowledge.ProjectsOf(question.Cities)]);
        if (evidence.Projects.FirstOrDefault(p => p.NameMatch >= AnswerRanker.NamedOutright && p.Coverage >= _ctx.RecordCoverage) is { } named
            && (kpi is null || kpi.NameMatch < AnswerRanker.NamedOutright || kpi.Item.Project == named.Item.Name)
            && !(namedMeasure is { } m && m.Measure == named.Item.Measure && m.City == named.Item.City
                && _ctx.TopicCoverage(question.OwnTopic, m.Measure.Title) > _ctx.TopicCoverage(question.OwnTopic, named.Item.Name)))
        {
            DescribeProject(named.Item, question, builder);
            return true;
        }

        // Projects under the measure the question names: list them all with budgets.
        var measures = evidence.Projects
            .Where(p => p.Item.Measure is not null)
            .Select(p => (p.Item.City, p.Item.Goal, Measure: p.Item.Measure!))
            .Distinct()
            .Select(m => (m.City, m.Goal, m.Measure, Coverage: _ctx.TopicCoverage(question.Topic, m.Measure.Title)))
            .OrderByDescending(m => m.Coverage)
            .ToList();

        // The indicator's project answers when the question names the indicator, not when its words are a measure's title.
        if (kpi is not null && kpi.Coverage >= _ctx.RecordCoverage && kpi.Coverage >= evidence.BestProject
            && (measures.Count == 0 || _ctx.TopicCoverage(question.OwnTopic, kpi.Item.Indicator) >= _ctx.TopicCoverage(question.OwnTopic, measures[0].Measure.Title)))
        {
            // The project is cited where it is named too, not only at the indicator's row.
            KpiRecord record = kpi.Item;
            string projectMark = _ctx.Knowledge.ProjectsOf([record.City]).FirstOrDefault(p => p.City == record.City && p.Name == record.Project) is { } project
                && (project.Source.File, project.Source.Line, project.Source.LineEnd) != (record.Source.File, record.Source.Line, record.Source.LineEnd)
                ? builder.Mark(project.Source) : string.Empty;
            builder.Line($"{record.City}の指標「{record.Indicator}」は「{record.Project}」{projectMark}の指標です {builder.Mark(record.Source)}。");
            return true;
        }

        // A question that describes a project (its words stand in the project's row, not in its measure's title) asks for that project.
        List<ProjectRecord> best = _ctx.Ranker.Best(evidence.Projects, _ => true);
        // A full list (一覧, 全部) asks for the measure's members, not for one project.
        bool describesProject = namedMeasure is null && !question.WantsAll && measures.Count > 0 && best.Count > 0
            && best.Max(p => _ctx.TopicCoverage(question.OwnTopic, $"{p.Name} {p.Description}")) > _ctx.TopicCoverage(question.OwnTopic, measures[0].Measure.Title);
        if (namedMeasure is not null || (!describesProject && measures.Count > 0 && measures[0].Coverage >= _ctx.RecordCoverage))
        {
            (string city, Goal? goal, Measure measure) = namedMeasure ?? (measures[0].City, measures[0].Goal, measures[0].Measure);
            var listed = NamedMeasure.Members((city, goal, measure), [.. _ctx.Knowledge.ProjectsOf([city])])
                .Take(question.WantsAll ? int.MaxValue : MaxListedProjects)
                .ToList();
            // The number of projects is a count whose counted items are the projects, each named in the line it cites.
            bool countable = listed.All(p => p.Source.Quote.Contains(p.Name, StringComparison.Ordinal));
            string count = $"次の{listed.Count}事業";
            builder.Line($"{city}の施策「{measure}」に紐づく事業は{(countable ? count : "次のとおり")}です。");
            foreach (ProjectRecord project in listed)
            {
                builder.Line("・" + ProjectLine(project, builder));
            }

            if (countable)
            {
                builder.Derive(new Derivation(DerivationKind.Count, count, $"{listed.Count}事業", [.. listed.Select(p => new DerivationOperand(p.Name, null, builder.Cite(p.Source), p.Name))]));
            }

            AddTotal(listed, builder);
            return true;
        }

        if (best.Count == 0)
        {
            return false;
        }

        // One project listed under several measures (再掲) is one line: its own row, with every measure it serves.
        builder.Line("該当する事業は次のとおりです。");
        foreach (IGrouping<(string City, string Name), ProjectRecord> project in best.GroupBy(p => (p.City, p.Name)))
        {
            ProjectRecord own = _ctx.Knowledge.ProjectsOf([project.Key.City]).Where(p => p.City == project.Key.City && p.Name == project.Key.Name)
                .OrderBy(p => p.IsRepeat).FirstOrDefault() ?? project.First();
            var measuresOf = project.Append(own).Select(p => p.Measure).OfType<Measure>().Distinct().ToList();
            builder.Line("・" + ProjectLine(own, builder) + (measuresOf.Count == 0 ? string.Empty : $"（施策: {string.Join("／", measuresOf)}）"));
        }

        return true;
    }

    private void DescribeProject(ProjectRecord project, Question question, AnswerBuilder builder)
    {
        string department = project.Department is { Length: > 0 } d ? $"（{d}）" : string.Empty;
        string measure = project.Measure is null ? string.Empty : $"施策「{project.Measure}」の";
        builder.Line($"{project.City}の{measure}「{project.Name}」{department} {builder.Mark(project.Source)}");
        if (project.Budget is { } budget)
        {
            (string year, Citation? yearSource) = _lines.BudgetYearOf(project);
            string marker = builder.Figure(budget.Text, budget.Unit, year.Length > 0 ? year : null, project.Source, $"{project.Name} 予算");
            string yearMarker = yearSource is null ? string.Empty : builder.Mark(yearSource);
            builder.Line($"・予算事業費: {budget}{(year.Length > 0 ? $"（{year}）" : string.Empty)} {marker}{yearMarker}");
        }

        if (project.Components.Count > 0)
        {
            builder.Line($"・構成する事業: {string.Join("・", project.Components)}");
        }

        if (project.Description is { Length: > 0 } description)
        {
            // A description on lines of its own (not in the row's quote) is cited at the lines that hold what is shown of it.
            string shown = AnswerText.ShortenAtBoundary(description.Replace('\n', ' '), 160);
            string marks = string.Concat(description.Split('\n')
                .Select(part => part.Trim())
                .Where(part => part.Length > 0 && !project.Source.Quote.Contains(part, StringComparison.Ordinal) && shown.Contains(part[..Math.Min(part.Length, 40)], StringComparison.Ordinal))
                .Select(part => _ctx.LineHolding(project.Source.File, project.Source.Line, project.Source.LineEnd, part))
                .OfType<(int Line, string Text)>()
                .Distinct()
                .Select(line => builder.Mark(_ctx.Knowledge.Cite(project.Source.File, line.Line, line.Line, line.Text))));
            builder.Line($"・内容: {shown}{(marks.Length > 0 ? " " + marks : string.Empty)}");
        }

        var kpis = _ctx.Knowledge.KpisOf([project.City]).Where(k => k.City == project.City && k.Project == project.Name).Take(MaxListedProjects).ToList();

        // Where the project's table lists its own measures (具体的な施策 ①, ② …, each with its KPIs), they are listed first.
        var ownMeasures = kpis.Where(k => k.Measure is not null && k.Measure.Title != project.Name).GroupBy(k => k.Measure!).ToList();
        if (ownMeasures.Count > 0)
        {
            builder.Line("・具体的な施策:");
            foreach (IGrouping<Measure, KpiRecord> own in ownMeasures)
            {
                builder.Line($"  {own.Key.Mark}{own.Key.Title} {builder.Mark(own.First().Source)}");
            }
        }

        if (kpis.Count > 0)
        {
            // The count is a derivation whose counted items are the indicators, each standing in the line it cites.
            bool countable = kpis.All(k => k.Source.Quote.Contains(k.Indicator, StringComparison.Ordinal));
            string count = $"指標の数 {kpis.Count}件";
            builder.Line(countable ? $"この事業の指標（{count}）:" : "この事業の指標:");
            if (countable)
            {
                builder.Derive(new Derivation(DerivationKind.Count, count, $"{kpis.Count}件", [.. kpis.Select(k => new DerivationOperand(k.Indicator, null, builder.Cite(k.Source), k.Indicator))]));
            }

            foreach (KpiRecord kpi in kpis)
            {
                _kpis.RenderKpi(kpi, question, builder);
            }
        }
    }

    private static void AddTotal(IReadOnlyList<ProjectRecord> projects, AnswerBuilder builder)
    {
        var budgets = projects.Where(p => p.Budget?.Amount is not null).ToList();
        if (budgets.Count < 2 || budgets.Select(p => p.Budget!.Unit).Distinct().Count() != 1)
        {
            return;
        }

        decimal sum = budgets.Sum(p => p.Budget!.Amount!.Value);
        string unit = budgets[0].Budget!.Unit;
        string result = sum.ToString("#,0.##", CultureInfo.InvariantCulture) + unit;
        string expression = string.Join(" + ", budgets.Select(p => p.Budget!.ToString())) + " = " + result;
        builder.Line($"上記{budgets.Count}事業の予算事業費の計: {expression}（資料の各事業の額を合計した値）");
        builder.Derive(new Derivation(DerivationKind.Sum, expression, result,
            [.. budgets.Select(p => new DerivationOperand(p.Budget!.Text, p.Budget.Unit, builder.Cite(p.Source), p.Name))]));
    }

    private string ProjectLine(ProjectRecord project, AnswerBuilder builder)
    {
        string department = project.Department is { Length: > 0 } d ? $"（{d}）" : string.Empty;
        string repeat = project.IsRepeat ? "［再掲］" : string.Empty;
        if (project.Budget is { } budget)
        {
            string marker = builder.Figure(budget.Text, budget.Unit, _lines.BudgetYearOf(project).Year is { Length: > 0 } y ? y : null, project.Source, $"{project.Name} 予算");
            return $"{project.Name}{repeat}{department} {budget} {marker}";
        }

        return $"{project.Name}{repeat}{department} {builder.Mark(project.Source)}";
    }
}
