using System.Globalization;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering;

/// <summary>Answers the record states outright: a measure's department or evaluation, a goal's count of projects.</summary>
internal sealed class StatedAnswerPart
{
    private readonly ComposerContext _ctx;
    private readonly SourceLines _lines;

    public StatedAnswerPart(ComposerContext ctx, SourceLines lines)
    {
        _ctx = ctx;
        _lines = lines;
    }

    public bool TryDepartment(Question question, Evidence evidence, AnswerBuilder builder)
    {
        Ranked<KpiRecord>? kpi = evidence.Kpis.FirstOrDefault(k => k.Item.Department is { Length: > 0 });
        Ranked<ProjectRecord>? project = evidence.Projects.FirstOrDefault(p => p.Item.Department is { Length: > 0 });
        double kpiCoverage = kpi is null ? 0 : Math.Max(kpi.Coverage, kpi.Item.Measure is null ? 0 : _ctx.TopicCoverage(question.Topic, kpi.Item.Measure.Title));
        if (Math.Max(kpiCoverage, project?.Coverage ?? 0) < _ctx.RecordCoverage)
        {
            return false;
        }

        if (kpi is not null && kpiCoverage >= (project?.Coverage ?? 0))
        {
            KpiRecord record = kpi.Item;
            string subject = record.Measure is not null ? $"施策「{record.Measure}」" : $"「{record.Indicator}」";
            builder.Line($"{record.City}の{subject}の担当部は {record.Department} です {builder.Mark(_lines.DepartmentLine(record))}。");
            return true;
        }

        ProjectRecord p = project!.Item;
        builder.Line($"{p.City}の「{p.Name}」の担当部局は {p.Department} です {builder.Mark(p.Source)}。");
        return true;
    }

    public bool TryEvaluation(Question question, Evidence evidence, AnswerBuilder builder)
    {
        Ranked<KpiRecord>? kpi = evidence.Kpis.FirstOrDefault(k => k.Item.Evaluation is { Length: > 0 });
        if (kpi is null || Math.Max(kpi.Coverage, kpi.Item.Measure is null ? 0 : _ctx.TopicCoverage(question.Topic, kpi.Item.Measure.Title)) < _ctx.RecordCoverage)
        {
            return false;
        }

        KpiRecord record = kpi.Item;
        string subject = record.Measure is not null ? $"施策「{record.Measure}」" : $"「{record.Indicator}」";
        // The viewpoint is cited at the line that states it, so that a figure in it (9年間) stands in a cited quote; when that
        // is the evaluation's own line, that line is cited whole.
        Citation evaluation = _lines.EvaluationLine(record);
        string viewpoint = record.EvaluationViewpoint ?? string.Empty;
        string opening = SentenceAnswer.Sentences(viewpoint.Replace('\n', ' ')).FirstOrDefault()?.Trim() ?? string.Empty;
        Citation? viewpointLine = opening.Length > 0 && !evaluation.Quote.Contains(opening, StringComparison.Ordinal)
            && _ctx.LineHolding(record.Source.File, Math.Min(record.Source.Line, evaluation.Line), Math.Max(record.Source.LineEnd, evaluation.LineEnd), opening) is { } line
            ? _ctx.Knowledge.Cite(record.Source.File, line.Line, line.Line, line.Text)
            : null;
        if (viewpointLine is not null && evaluation.File == viewpointLine.File && evaluation.Line == viewpointLine.Line && evaluation.LineEnd == viewpointLine.LineEnd && evaluation.Cell is null)
        {
            evaluation = viewpointLine;
        }

        builder.Line($"{record.City}の{subject}の施策評価（案）は「{record.Evaluation}」です {builder.Mark(evaluation)}。");
        if (viewpoint.Length > 0)
        {
            builder.Line($"評価の視点: {AnswerText.Shorten(viewpoint, 160)}{(viewpointLine is null ? string.Empty : " " + builder.Mark(viewpointLine))}");
        }

        return true;
    }

    /// <summary>How many projects a basic goal has, with and without 再掲, cited to the line where the document states it.</summary>
    public bool TryCount(Question question, AnswerBuilder builder)
    {
        if (question.GoalNumber is not int goalNumber)
        {
            return false;
        }

        var projects = _ctx.Knowledge.ProjectsOf(question.Cities)
            .Where(p => p.Goal?.Number == goalNumber && (question.Cities.Count == 0 || question.Cities.Contains(p.City)))
            .ToList();
        if (projects.Count == 0)
        {
            return TryStatedCounts(question, goalNumber, builder);
        }

        // A count is reported only where the document states it (a summary row), so the figure is the document's own.
        bool any = false;
        foreach (IGrouping<string, ProjectRecord> city in projects.GroupBy(p => p.City))
        {
            int all = city.Count();
            int unique = city.Count(p => !p.IsRepeat);
            string allText = all.ToString(CultureInfo.InvariantCulture);
            string uniqueText = unique.ToString(CultureInfo.InvariantCulture);
            if (_ctx.Knowledge.StatedCountsOf([city.Key]).FirstOrDefault(c => c.Kind == StatedCountKind.GoalProjects && c.City == city.Key && c.GoalNumber == goalNumber) is not { } stated)
            {
                continue;
            }

            Goal goal = city.First().Goal!;
            string marker = builder.Figure(uniqueText, "事業", null, stated.Source, $"{goal} 事業数（再掲除く）");
            builder.Line($"{city.Key}の{goal}の事業は {allText}事業（うち再掲 {all - unique}）、再掲を除くと {uniqueText}事業です {marker}。");
            any = true;
        }

        return any || TryStatedCounts(question, goalNumber, builder);
    }

    /// <summary>The counts a basic goal's section states on a line of its own (小計(事業数:16、KPI数:15)), quoted and cited.</summary>
    private bool TryStatedCounts(Question question, int goalNumber, AnswerBuilder builder)
    {
        bool any = false;
        foreach (StatedCount count in _ctx.Knowledge.StatedCountsOf(question.Cities).Where(c => c.Kind == StatedCountKind.Section && c.GoalNumber == goalNumber
            && (question.Cities.Count == 0 || question.Cities.Contains(c.City))))
        {
            string marker = builder.Mark(count.Source);
            string stated = string.Join("、", count.Items.Select(m => $"{m.What} {m.Number}"));
            builder.Line($"{count.City}の基本目標{goalNumber}: {stated}（資料の記載） {marker}");
            any = true;
        }

        return any;
    }
}
