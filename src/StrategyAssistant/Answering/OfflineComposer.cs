using System.Globalization;
using Lucene.Net.Analysis;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering;

/// <summary>Composes answers without a language model: figure questions from the records (each figure with its year, unit
/// and citation), open questions from the best passages. Says so plainly when the documents do not hold the answer.</summary>
public sealed partial class OfflineComposer
{
    private const int MaxListedProjects = 30;
    private const int MaxNotes = 2;

    /// <summary>The answer parts, in the order they are tried, for each answer type the question word asks for. A part
    /// answers or declines; the first that answers is the answer. <see cref="Part.Asked"/> stands for the parts of the
    /// values the question names (予算, 担当, 評価 …), in their usual order.</summary>
    private static readonly Dictionary<AnswerType, Part[]> s_parts = new()
    {
        [AnswerType.Count] = [Part.StatedCount, Part.Projects, Part.Asked],
        [AnswerType.Sum] = [Part.Sum, Part.Asked],
        [AnswerType.Difference] = [Part.Difference, Part.Asked],
        [AnswerType.Comparison] = [Part.Asked],
        [AnswerType.Department] = [Part.Department, Part.Asked],
        [AnswerType.Reason] = [Part.Asked],
        [AnswerType.Definition] = [Part.Asked],
        [AnswerType.Date] = [Part.Asked],
        [AnswerType.Figure] = [Part.Asked],
        [AnswerType.Any] = [Part.Asked],
    };

    private enum Part
    {
        Asked,
        StatedCount,
        Sum,
        Difference,
        Ranking,
        Budget,
        Projects,
        Department,
        Evaluation,
        KpiValues,
        Passages,
    }

    private readonly KnowledgeBase _knowledge;
    private readonly Analyzer _analyzer;
    private readonly int _maxPassages;
    private readonly AnswerRanker _ranker;
    private readonly DerivedFigures _derived;

    public OfflineComposer(KnowledgeBase knowledge, Analyzer analyzer, int maxPassages = 3, AnswerRanker? ranker = null)
    {
        _knowledge = knowledge;
        _analyzer = analyzer;
        _maxPassages = maxPassages;
        _ranker = ranker ?? new AnswerRanker();
        _derived = new DerivedFigures(knowledge, _ranker);
    }

    public const string NotFoundText = "資料には該当する記述が見つかりませんでした。";

    private double RecordCoverage => _ranker.Options.RecordCoverage;

    private double PassageCoverage => _ranker.Options.PassageCoverage;

    private double AbsentTopicShare => _ranker.Options.AbsentTopicShare;

    private int MaxRecords => _ranker.Options.MaxRecords;

    public Answer Compose(string asked, Question question, Evidence evidence)
    {
        if (question.Cities.Count == 0 && question.OtherPlaces.Count > 0)
        {
            string covered = string.Join("・", _knowledge.Corpus.Cities);
            return new AnswerBuilder()
                .Line($"{string.Join("・", question.OtherPlaces)}の資料はありません。収録: {covered}。{NotFoundText}")
                .Build(asked, found: false);
        }

        // The topic's main words occur nowhere in the documents: nothing to answer from.
        if (evidence.AbsentShare >= AbsentTopicShare)
        {
            return new AnswerBuilder()
                .Line($"{NotFoundText}（「{string.Join("」「", evidence.AbsentTerms)}」は資料に出てきません。）")
                .Build(asked, found: false);
        }

        // The topic's main words occur in other cities' documents but never in those of the city asked about.
        if (evidence.CityAbsentShare >= AbsentTopicShare && question.Cities.Count == 1)
        {
            return new AnswerBuilder()
                .Line($"{NotFoundText}{question.Cities[0]}の資料には「{string.Join("」「", evidence.CityAbsentTerms)}」についての記述がありません。")
                .Build(asked, found: false);
        }

        // A value asked for a year after every year the documents give values for.
        bool asksFigure = question.AsksKpiValue || question.Asks(AskedValue.Budget) || question.Asked.Count == 0 || question.Type == AnswerType.Figure;
        if (asksFigure && question.Years.Count > 0 && LastYear(question.Cities) is { } last && question.Years.All(y => y.Start > last))
        {
            var absent = new AnswerBuilder()
                .Line($"{NotFoundText}資料には{string.Join("・", question.Years.Select(y => y.Text))}の値は記載されていません（資料の値はこれより前の年度のものです）。");
            if (LatestStated(question, evidence) is { } latest && latest.Source.Quote.Contains(latest.Year, StringComparison.Ordinal))
            {
                // The nearest year the documents do state, labelled as such and cited, never given as the answer.
                absent.Line($"参考: 資料にある最も新しい年度は{latest.Year}です {absent.Mark(latest.Source)}。");
            }

            return absent.Build(asked, found: false);
        }

        if (ActualYearAbsent(question, evidence) is { } missingActual)
        {
            return missingActual.Build(asked, found: false);
        }

        var builder = new AnswerBuilder();
        bool found = PartsFor(question).Any(part => Try(part, question, evidence, builder));
        if (!found)
        {
            return new AnswerBuilder().Line(NotFoundText).Build(asked, found: false);
        }

        AddDataQualityNotes(builder);
        return builder.Build(asked);
    }

    /// <summary>The parts to try for this question: the table's parts for its answer type, a ranking first when it asks for one,
    /// and in place of <see cref="Part.Asked"/> the parts of the values it asks for, then KPI values and passages.</summary>
    private static IEnumerable<Part> PartsFor(Question question)
    {
        if (question.Ranking != 0)
        {
            yield return Part.Ranking;
        }

        foreach (Part part in s_parts[question.Type])
        {
            if (part != Part.Asked)
            {
                yield return part;
                continue;
            }

            // A reason, a definition or a date is stated in prose, unless the question names a value of a record.
            if (question.Type is AnswerType.Reason or AnswerType.Definition or AnswerType.Date && !question.AsksKpiValue && !question.Asks(AskedValue.Budget))
            {
                yield return Part.Passages;
            }

            if (question.Asks(AskedValue.Count))
            {
                yield return Part.StatedCount;
            }

            if (question.Asks(AskedValue.Budget) || question.Asks(AskedValue.Total))
            {
                yield return Part.Budget;
            }

            if (question.Asks(AskedValue.Projects))
            {
                yield return Part.Projects;
            }

            if (question.Asks(AskedValue.Department))
            {
                yield return Part.Department;
            }

            if (question.Asks(AskedValue.Evaluation))
            {
                yield return Part.Evaluation;
            }

            if (question.AsksKpiValue || question.Asks(AskedValue.Compare) || question.Asks(AskedValue.Status) || question.Asked.Count == 0 || question.Type is AnswerType.Comparison or AnswerType.Figure)
            {
                yield return Part.KpiValues;
            }

            yield return Part.Passages;
        }
    }

    private bool Try(Part part, Question question, Evidence evidence, AnswerBuilder builder) => part switch
    {
        Part.StatedCount => TryCount(question, builder),
        Part.Sum => _derived.TrySum(question, evidence, builder),
        Part.Difference => _derived.TryDifference(question, evidence, builder),
        Part.Ranking => _derived.TryRanking(question, evidence, builder),
        Part.Budget => TryBudget(question, evidence, builder),
        Part.Projects => TryProjects(question, evidence, builder),
        Part.Department => TryDepartment(question, evidence, builder),
        Part.Evaluation => TryEvaluation(question, evidence, builder),
        Part.KpiValues => TryKpiValues(question, evidence, builder),
        Part.Passages => TryPassages(question, evidence, builder),
        _ => false,
    };

    /// <summary>The extractive answer only: verbatim quotes of the best passages.</summary>
    public Answer ComposeFromPassages(string asked, Question question, Evidence evidence)
    {
        var builder = new AnswerBuilder();
        return TryPassages(question, evidence, builder) ? builder.Build(asked) : new AnswerBuilder().Line(NotFoundText).Build(asked, found: false);
    }

    private bool TryKpiValues(Question question, Evidence evidence, AnswerBuilder builder)
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
            ? [.. question.Cities.Select(city => _ranker.Best([.. ranked.Where(r => r.Item.City == city)], HasValues).FirstOrDefault()).OfType<KpiRecord>()]
            : _ranker.Best(ranked, HasValues);
        if (records.Count == 0)
        {
            return false;
        }

        // The same indicator stated in several places (a goal's 数値目標 and a project's KPI): show each.
        foreach (Ranked<KpiRecord> same in evidence.Kpis.Where(r => r.Coverage >= RecordCoverage && HasValues(r.Item)
            && records.Any(b => b.City == r.Item.City && b.Indicator == r.Item.Indicator) && !records.Contains(r.Item)))
        {
            if (records.Count < MaxRecords)
            {
                records.Add(same.Item);
            }
        }

        // A year the question asks about that no value of these records is for: say so rather than give another year's figure.
        List<FiscalPeriod> missing = [.. question.Years.Where(y => !records.Any(r => Values(r).Any(v => v.Value.Period?.Contains(y.Start) == true) || r.Series.Any(s => y.Contains(s.Year))))];
        bool yearMissing = missing.Count > 0 && missing.Count == question.Years.Count && missing.All(y => records.All(r => Values(r).All(v => v.Value.Period is null || v.Value.Period.End < y.Start)));
        if (yearMissing)
        {
            builder.Line($"資料には{string.Join("・", missing.Select(y => y.Text))}の値は記載されていません。資料にある値は次のとおりです。");
        }

        foreach (KpiRecord record in records)
        {
            RenderKpi(record, question, builder);
        }

        if (yearMissing)
        {
            builder.Note("質問の年度の値は資料にありません。");
        }

        return true;
    }

    /// <summary>One KPI: its name with its citations, then each value with its year and unit, the yearly values the question asks
    /// for, its status, and (when asked) how the actual compares with the target.</summary>
    private void RenderKpi(KpiRecord record, Question question, AnswerBuilder builder)
    {
        // A linked indicator cites every document that states it (the evaluation sheet and the strategy).
        string own = builder.Mark(record.Source);
        string related = string.Concat(record.RelatedSources.Where(c => c != record.Source).Select(builder.Mark));
        builder.Line($"{record.City}「{record.Indicator}」{Context(record)}{own}{related}");
        foreach ((string label, KpiValue value) in OrderedValues(record, question))
        {
            (string year, Citation? yearSource) = YearOf(value, record);
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
                    (string year, Citation? header) = YearHeader(value.Source, point.Year);
                    string marker = builder.Figure(value.ValueText, value.Unit, year.Length > 0 ? year : null, value.Source, $"{record.Indicator} {year} {label}");
                    string headerMarker = header is null ? string.Empty : builder.Mark(header);
                    builder.Line($"・{(year.Length > 0 ? year + "の" : string.Empty)}{label}: {value.Display} {marker}{headerMarker}");
                }
            }
        }

        if (record.Status is { Length: > 0 } status)
        {
            builder.Line($"・状況: {status} {builder.Mark(record.Source)}");
        }

        if (question.Asks(AskedValue.Compare) && record.Actual?.Number is decimal actual && record.Target?.Number is decimal target)
        {
            string relation = actual >= target ? "上回って（または達して）います" : "下回っています";
            builder.Line($"・実績値 {record.Actual.ValueText} は目標値 {record.Target.ValueText} を{relation}。");
        }
    }

    private bool TryBudget(Question question, Evidence evidence, AnswerBuilder builder)
    {
        List<ProjectRecord> projects = _ranker.Best(evidence.Projects, p => p.Budget is not null);
        if (projects.Count == 0)
        {
            return false;
        }

        foreach (ProjectRecord project in projects)
        {
            Money budget = project.Budget!;
            (string year, Citation? yearSource) = BudgetYearOf(project);
            string marker = builder.Figure(budget.Text, budget.Unit, year.Length > 0 ? year : null, project.Source, $"{project.Name} 予算");
            string yearMarker = yearSource is null ? string.Empty : builder.Mark(yearSource);
            string department = project.Department is { Length: > 0 } d ? $"（{d}）" : string.Empty;
            builder.Line($"{project.City}「{project.Name}」{department}の{(year.Length > 0 ? year + "の" : string.Empty)}予算事業費は {budget} です {marker}{yearMarker}。");
        }

        return true;
    }

    private bool TryProjects(Question question, Evidence evidence, AnswerBuilder builder)
    {
        // An indicator that belongs to a project: 「○○」は △△事業 の指標.
        Ranked<KpiRecord>? kpi = evidence.Kpis.FirstOrDefault(k => k.Item.Project is { Length: > 0 });
        Ranked<ProjectRecord>? bundle = evidence.Projects.FirstOrDefault(p => p.Item.Components.Count > 0);
        if (bundle is not null && bundle.Coverage >= RecordCoverage && bundle.Coverage >= evidence.BestProject - 0.05)
        {
            ProjectRecord project = bundle.Item;
            builder.Line($"{project.City}の「{project.Name}」は、{string.Join("・", project.Components)} をまとめた事業です {builder.Mark(project.Source)}。");
            return true;
        }

        // A project the question names outright: what it is, its budget and its KPIs.
        if (evidence.Projects.FirstOrDefault(p => p.NameMatch >= AnswerRanker.NamedOutright && p.Coverage >= RecordCoverage) is { } named
            && (kpi is null || kpi.NameMatch < AnswerRanker.NamedOutright || kpi.Item.Project == named.Item.Name))
        {
            DescribeProject(named.Item, question, builder);
            return true;
        }

        if (kpi is not null && kpi.Coverage >= RecordCoverage && kpi.Coverage >= evidence.BestProject)
        {
            KpiRecord record = kpi.Item;
            builder.Line($"{record.City}の指標「{record.Indicator}」は「{record.Project}」の指標です {builder.Mark(record.Source)}。");
            return true;
        }

        // Projects under the measure the question names: list them all with budgets.
        var measures = evidence.Projects
            .Where(p => p.Item.Measure is not null)
            .Select(p => (p.Item.City, p.Item.Goal, Measure: p.Item.Measure!))
            .Distinct()
            .Select(m => (m.City, m.Goal, m.Measure, Coverage: TopicCoverage(question.Topic, m.Measure.Title)))
            .OrderByDescending(m => m.Coverage)
            .ToList();
        var namedMeasure = NamedMeasure.Find(question, _knowledge.Records.Projects);
        if (namedMeasure is not null || (measures.Count > 0 && measures[0].Coverage >= RecordCoverage))
        {
            (string city, Goal? goal, Measure measure) = namedMeasure ?? (measures[0].City, measures[0].Goal, measures[0].Measure);
            var listed = NamedMeasure.Members((city, goal, measure), _knowledge.Records.Projects)
                .Take(question.WantsAll ? int.MaxValue : MaxListedProjects)
                .ToList();
            builder.Line($"{city}の施策「{measure}」に紐づく事業は次の{listed.Count}事業です。");
            foreach (ProjectRecord project in listed)
            {
                builder.Line("・" + ProjectLine(project, builder));
            }

            AddTotal(listed, builder);
            return true;
        }

        List<ProjectRecord> best = _ranker.Best(evidence.Projects, _ => true);
        if (best.Count == 0)
        {
            return false;
        }

        builder.Line("該当する事業は次のとおりです。");
        foreach (ProjectRecord project in best)
        {
            builder.Line("・" + ProjectLine(project, builder) + (project.Measure is null ? string.Empty : $"（施策: {project.Measure}）"));
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
            (string year, Citation? yearSource) = BudgetYearOf(project);
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
            builder.Line($"・内容: {ShortenAtBoundary(description.Replace('\n', ' '), 160)}");
        }

        var kpis = _knowledge.KpisOf([project.City]).Where(k => k.City == project.City && k.Project == project.Name).Take(MaxListedProjects).ToList();
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
                RenderKpi(kpi, question, builder);
            }
        }
    }

    /// <summary>Cuts a text at a sentence or clause boundary, never inside a number.</summary>
    private static string ShortenAtBoundary(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        int cut = text.LastIndexOfAny(['。', '、', ' '], max);
        return cut > max / 2 ? string.Concat(text.AsSpan(0, cut + 1), "…") : Shorten(text, max);
    }

    private bool TryDepartment(Question question, Evidence evidence, AnswerBuilder builder)
    {
        Ranked<KpiRecord>? kpi = evidence.Kpis.FirstOrDefault(k => k.Item.Department is { Length: > 0 });
        Ranked<ProjectRecord>? project = evidence.Projects.FirstOrDefault(p => p.Item.Department is { Length: > 0 });
        double kpiCoverage = kpi is null ? 0 : Math.Max(kpi.Coverage, kpi.Item.Measure is null ? 0 : TopicCoverage(question.Topic, kpi.Item.Measure.Title));
        if (Math.Max(kpiCoverage, project?.Coverage ?? 0) < RecordCoverage)
        {
            return false;
        }

        if (kpi is not null && kpiCoverage >= (project?.Coverage ?? 0))
        {
            KpiRecord record = kpi.Item;
            string subject = record.Measure is not null ? $"施策「{record.Measure}」" : $"「{record.Indicator}」";
            builder.Line($"{record.City}の{subject}の担当部は {record.Department} です {builder.Mark(StatingLine(record, record.Department!))}。");
            return true;
        }

        ProjectRecord p = project!.Item;
        builder.Line($"{p.City}の「{p.Name}」の担当部局は {p.Department} です {builder.Mark(p.Source)}。");
        return true;
    }

    private bool TryEvaluation(Question question, Evidence evidence, AnswerBuilder builder)
    {
        Ranked<KpiRecord>? kpi = evidence.Kpis.FirstOrDefault(k => k.Item.Evaluation is { Length: > 0 });
        if (kpi is null || Math.Max(kpi.Coverage, kpi.Item.Measure is null ? 0 : TopicCoverage(question.Topic, kpi.Item.Measure.Title)) < RecordCoverage)
        {
            return false;
        }

        KpiRecord record = kpi.Item;
        string subject = record.Measure is not null ? $"施策「{record.Measure}」" : $"「{record.Indicator}」";
        builder.Line($"{record.City}の{subject}の施策評価（案）は「{record.Evaluation}」です {builder.Mark(StatingLine(record, record.Evaluation!))}。");
        if (record.EvaluationViewpoint is { Length: > 0 } viewpoint)
        {
            builder.Line($"評価の視点: {Shorten(viewpoint, 160)}");
        }

        return true;
    }

    /// <summary>How many projects a basic goal has, with and without 再掲, cited to the line where the document states it.</summary>
    private bool TryCount(Question question, AnswerBuilder builder)
    {
        if (question.GoalNumber is not int goalNumber)
        {
            return false;
        }

        var projects = _knowledge.ProjectsOf(question.Cities)
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
            if (FindStatedLine(city.First().Source.File, $"基本目標{goalNumber}", allText, uniqueText) is not { } stated)
            {
                continue;
            }

            Goal goal = city.First().Goal!;
            string marker = builder.Figure(uniqueText, "事業", null, stated, $"{goal} 事業数（再掲除く）");
            builder.Line($"{city.Key}の{goal}の事業は {allText}事業（うち再掲 {all - unique}）、再掲を除くと {uniqueText}事業です {marker}。");
            any = true;
        }

        return any || TryStatedCounts(question, goalNumber, builder);
    }

    /// <summary>The counts a basic goal's section states on a line of its own (小計(事業数:16、KPI数:15)), quoted and cited:
    /// the section runs from its 基本目標N heading to the next heading.</summary>
    private bool TryStatedCounts(Question question, int goalNumber, AnswerBuilder builder)
    {
        bool any = false;
        foreach (SourceDocument document in _knowledge.Corpus.Documents.Where(d => question.Cities.Count == 0 || question.Cities.Contains(d.City)))
        {
            bool inside = false;
            for (int n = 1; n <= document.LineCount; n++)
            {
                string line = PassageSplitter.Clean(document.Line(n));
                if (GoalHeading().Match(line) is { Success: true } heading)
                {
                    inside = int.Parse(heading.Groups[1].Value, CultureInfo.InvariantCulture) == goalNumber;
                    continue;
                }

                if (!inside || StatedCount().Matches(line) is not { Count: > 0 } counts)
                {
                    continue;
                }

                string marker = builder.Mark(document.Cite(n));
                string stated = string.Join("、", counts.Select(m => $"{m.Groups["what"].Value} {m.Groups["n"].Value}"));
                builder.Line($"{document.City}の基本目標{goalNumber}: {stated}（資料の記載） {marker}");
                any = true;
                break;
            }
        }

        return any;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[【\[]?基本目標\s?([0-9]+)")]
    private static partial System.Text.RegularExpressions.Regex GoalHeading();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<what>事業数|KPI数|施策数|指標数)\s*[:：]\s*(?<n>[0-9]+)")]
    private static partial System.Text.RegularExpressions.Regex StatedCount();

    private bool TryPassages(Question question, Evidence evidence, AnswerBuilder builder)
    {
        var passages = evidence.Passages.Where(p => p.Coverage >= PassageCoverage).Take(MaxSentencePassages).ToList();
        if (passages.Count == 0)
        {
            return false;
        }

        // The sentence that answers, with its line; whole passages are for /sources and --explain.
        IReadOnlyList<string> terms = QueryTerms.Analyze(_analyzer, IndexFields.Text, question.OwnTopic + " " + WithoutShapingWords(question));
        IReadOnlyList<SentenceAnswer.Scored> sentences = SentenceAnswer.Best(_knowledge, passages, terms, question.Type, _analyzer, _maxPassages);
        if (sentences.Count > 0)
        {
            builder.Line("資料の記述です。");
            foreach (SentenceAnswer.Scored sentence in sentences)
            {
                builder.Line($"{builder.Mark(sentence.Citation)} {Shorten(sentence.Citation.Quote, 300)}");
            }

            return true;
        }

        terms = QueryTerms.Analyze(_analyzer, IndexFields.Text, question.Text + " " + question.Topic);
        builder.Line("資料の該当箇所です。");
        foreach (Ranked<Passage> ranked in passages.Take(_maxPassages))
        {
            Citation citation = PassageQuote.Best(_knowledge.Document(ranked.Item.File), ranked.Item, terms, _analyzer);
            builder.Line($"{builder.Mark(citation)} {Shorten(citation.Quote.Replace('\n', ' ').Replace('\t', ' '), 300)}");
        }

        return true;
    }

    /// <summary>How many of the best passages are split into sentences.</summary>
    private const int MaxSentencePassages = 5;

    /// <summary>The question less its city names and years: its value words (計画期間, 目指す姿) carry the meaning of a prose question.</summary>
    private static string WithoutShapingWords(Question question) =>
        question.Years.Aggregate(
            question.Cities.Aggregate(question.Text, (t, c) => t.Replace(c, " ", StringComparison.Ordinal).Replace(c.TrimEnd('市', '町', '村'), " ", StringComparison.Ordinal)),
            (t, y) => t.Replace(y.Text, " ", StringComparison.Ordinal));

    /// <summary>Attaches the data-quality notes about the lines the answer cites: those that overlap most citations first,
    /// at most <see cref="MaxNotes"/> (one inconsistency is often reported against several totals).</summary>
    private void AddDataQualityNotes(AnswerBuilder builder)
    {
        int Overlaps(DataQualityNote note) => note.Sources.Count(s => builder.Citations.Any(c => c.File == s.File && c.Line <= s.LineEnd && s.Line <= c.LineEnd));
        foreach (DataQualityNote note in _knowledge.NotesCiting(builder.Citations.Select(c => c.File)).Where(n => Overlaps(n) > 0).OrderByDescending(Overlaps).Take(MaxNotes))
        {
            builder.Note(note.Message);
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
            string marker = builder.Figure(budget.Text, budget.Unit, BudgetYearOf(project).Year is { Length: > 0 } y ? y : null, project.Source, $"{project.Name} 予算");
            return $"{project.Name}{repeat}{department} {budget} {marker}";
        }

        return $"{project.Name}{repeat}{department} {builder.Mark(project.Source)}";
    }

    private static IEnumerable<(string Label, KpiValue Value)> Values(KpiRecord record)
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
    private static IEnumerable<(string Label, KpiValue Value)> OrderedValues(KpiRecord record, Question question)
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

    private static string YearText(KpiValue value) => value.Period is null ? string.Empty : value.Period.Text.Trim('(', ')', '（', '）', ' ');

    /// <summary>The budget's year as the list's title or header writes it (令和6年度 … 関連事業一覧), with that line's citation.</summary>
    private (string Year, Citation? Source) BudgetYearOf(ProjectRecord project)
    {
        string year = project.BudgetYear?.Text.Trim() ?? string.Empty;
        if (year.Length == 0 || project.Source.Quote.Contains(year, StringComparison.Ordinal))
        {
            return (year, null);
        }

        Citation? title = LineAbove(project.Source, project.Source.Line, stopAtGoal: false, line =>
            line.Contains(year, StringComparison.Ordinal) && (IsHeaderRow(line) || (!line.Contains('\t', StringComparison.Ordinal) && line.Length <= 80 && BudgetTitleWords().IsMatch(line))) ? year : null);
        return title is null ? (string.Empty, null) : (year, title);
    }

    /// <summary>The last fiscal year any KPI value or budget of these cities (all when none) is for.</summary>
    private FiscalYear? LastYear(IReadOnlyList<string> cities)
    {
        var years = _knowledge.KpisOf(cities)
            .SelectMany(k => Values(k).Select(v => v.Value.Period?.End).Concat(k.Series.Select(p => (FiscalYear?)p.Year)))
            .Concat(_knowledge.ProjectsOf(cities).Select(p => p.BudgetYear?.End))
            .OfType<FiscalYear>()
            .ToList();
        return years.Count == 0 ? null : years.Max();
    }

    /// <summary>The latest year the best matching record states, as written, with the line that states it.</summary>
    /// <summary>An actual asked for years the best indicator states no actual for, every one after its latest stated actual (or
    /// an indicator with baseline/target only): not found, with the reason and the latest actual year labelled, never its figure.</summary>
    private AnswerBuilder? ActualYearAbsent(Question question, Evidence evidence)
    {
        if (!question.Asks(AskedValue.Actual) || question.Years.Count == 0 || question.Type is AnswerType.Difference or AnswerType.Comparison
            || _ranker.Best(evidence.Kpis, _ => true).FirstOrDefault() is not { } record)
        {
            return null;
        }

        var actuals = record.Series.Where(s => s.Actual?.Number is not null).Select(s => (Value: s.Actual!, s.Year)).ToList();
        if (record.Actual is { } current)
        {
            if (current.Period is null)
            {
                return null;
            }

            actuals.Add((current, current.Period.End));
        }

        if (!question.Years.All(y => actuals.All(a => a.Year < y.Start)))
        {
            return null;
        }

        var absent = new AnswerBuilder().Line($"{NotFoundText}{record.City}「{record.Indicator}」の{string.Join("・", question.Years.Select(y => y.Text))}の実績値は資料に記載されていません。");
        if (actuals.Count == 0)
        {
            absent.Line($"この指標の資料にあるのは基準値・目標値で、実績値の記載はありません {absent.Mark(record.Source)}。");
        }
        else
        {
            KpiValue latest = actuals.MaxBy(a => a.Year).Value;
            (string label, Citation? source) = YearOf(latest, record);
            if (label.Length > 0)
            {
                absent.Line($"参考: 資料にある最も新しい実績は{label}のものです（質問の年度の値ではありません） {absent.Mark(source ?? latest.Source)}。");
            }
        }

        return absent;
    }

    private (string Year, Citation Source)? LatestStated(Question question, Evidence evidence)
    {
        if (question.Asks(AskedValue.Budget) && _ranker.Best(evidence.Projects, p => p.Budget is not null && p.BudgetYear is not null).FirstOrDefault() is { } project)
        {
            (string year, Citation? source) = BudgetYearOf(project);
            return year.Length > 0 ? (year, source ?? project.Source) : null;
        }

        if (_ranker.Best(evidence.Kpis, k => Values(k).Any(v => v.Value.Period is not null)).FirstOrDefault() is { } kpi)
        {
            KpiValue value = Values(kpi).Select(v => v.Value).Where(v => v.Period is not null).MaxBy(v => v.Period!.End)!;
            (string year, Citation? source) = YearOf(value, kpi);
            return year.Length > 0 ? (year, source ?? value.Source) : null;
        }

        return null;
    }

    /// <summary>The place a statistics row is about, from its trailing parenthesis: 国, 北海道, 全国, or a municipality.</summary>
    internal static string? SubjectPlace(string indicator)
    {
        System.Text.RegularExpressions.Match m = TrailingPlace().Match(indicator);
        return m.Success ? m.Groups["place"].Value : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[(（](?<place>国|全国|北海道|全道|[^()（）]{1,5}[市町村])[)）]\s*$")]
    private static partial System.Text.RegularExpressions.Regex TrailingPlace();

    /// <summary>The year <paramref name="year"/> as the header row above <paramref name="source"/> writes it (in any notation),
    /// and that header's citation; empty when no header row states it.</summary>
    private (string Year, Citation? Source) YearHeader(Citation source, FiscalYear year)
    {
        string written = string.Empty;
        Citation? header = LineAbove(source, 80, stopAtGoal: true, line =>
        {
            if (!IsHeaderRow(line))
            {
                return null;
            }

            FiscalYearParser.Match? match = FiscalYearParser.FindAll(line, FiscalYearParser.Era.Reiwa)
                .Cast<FiscalYearParser.Match?>()
                .FirstOrDefault(m => m!.Value.Period.IsSingleYear && m.Value.Period.Start == year);
            return match is { } m ? written = m.Period.Text.Trim() : null;
        });
        return header is null ? (string.Empty, null) : (written, header);
    }

    /// <summary>The year of a value as written, and the line that states it when that is not the value's own line (a column
    /// header such as 令和6年度目標値). A year no header row of the table states is not shown.</summary>
    private (string Year, Citation? Source) YearOf(KpiValue value, KpiRecord record)
    {
        string year = YearText(value);
        if (year.Length == 0 || value.Source.Quote.Contains(year, StringComparison.Ordinal) || record.Source.Quote.Contains(year, StringComparison.Ordinal))
        {
            return (year, null);
        }

        Citation? header = LineAbove(value.Source, 80, stopAtGoal: true, line =>
            IsHeaderRow(line) && HeaderWords().IsMatch(line) && line.Contains(year, StringComparison.Ordinal) ? year : null);
        return header is null ? (string.Empty, null) : (year, header);
    }

    /// <summary>The line that states <paramref name="text"/> (a measure's 担当部 or 評価, written once on the measure's first row
    /// for all its indicators): the record's own lines when they hold it, else the nearest line above that does.</summary>
    private Citation StatingLine(KpiRecord record, string text)
    {
        Citation source = record.Source;
        if (source.Quote.Contains(text, StringComparison.Ordinal) || record.Measure?.Title is not { Length: > 0 } measure)
        {
            return source;
        }

        // Only the row of the record's own measure: it names the measure and states the text.
        return LineAbove(source, MeasureRowsAbove, stopAtGoal: true, line =>
            line.Contains(measure, StringComparison.Ordinal) ? (line.Contains(text, StringComparison.Ordinal) ? text : measure) : null) is { } row
            && row.Quote.Contains(text, StringComparison.Ordinal) ? row : source;
    }

    /// <summary>How far above an indicator its measure's first row may be.</summary>
    private const int MeasureRowsAbove = 40;

    /// <summary>The nearest line above <paramref name="source"/> (at most <paramref name="distance"/> lines, and not past a
    /// 基本目標 heading when <paramref name="stopAtGoal"/>) of which <paramref name="states"/> returns the text it states;
    /// cited with a quote around that text.</summary>
    private Citation? LineAbove(Citation source, int distance, bool stopAtGoal, Func<string, string?> states)
    {
        SourceDocument document = _knowledge.Document(source.File);
        for (int n = source.Line - 1; n >= Math.Max(1, source.Line - distance); n--)
        {
            string line = PassageSplitter.Clean(document.Line(n));
            if (stopAtGoal && (line.StartsWith("基本目標", StringComparison.Ordinal) || line.StartsWith("【基本目標", StringComparison.Ordinal)))
            {
                return null;
            }

            if (states(line) is { } focus)
            {
                int at = Math.Max(0, line.IndexOf(focus, StringComparison.Ordinal));
                int from = Math.Max(0, at - 60);
                string quote = line.Length <= 200 ? line : line[from..Math.Min(line.Length, at + focus.Length + 60)];
                return document.Cite(n, n, quote);
            }
        }

        return null;
    }

    /// <summary>A header row names columns: tab-separated, and no cell is a bare number (a data row's comment may name a year).</summary>
    private static bool IsHeaderRow(string line) =>
        line.Contains('\t', StringComparison.Ordinal) && !line.Split('\t').Any(cell => BareNumber().IsMatch(cell.Trim()));

    private static string Context(KpiRecord record)
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

    private double TopicCoverage(string topic, string text)
    {
        IReadOnlyList<string> wanted = QueryTerms.Analyze(_analyzer, IndexFields.Text, topic);
        if (wanted.Count == 0)
        {
            return 0;
        }

        var present = new HashSet<string>(QueryTerms.Analyze(_analyzer, IndexFields.Text, text, int.MaxValue), StringComparer.Ordinal);
        var content = wanted.Where(IsContent).ToList();
        return content.Count == 0 ? 0 : (double)content.Count(present.Contains) / content.Count;
    }

    private static bool IsContent(string term) => term.Any(c => c is < '\u3041' or > '\u309F');

    /// <summary>A line of <paramref name="file"/> containing <paramref name="anchor"/> and every one of <paramref name="numbers"/>.</summary>
    private Citation? FindStatedLine(string file, string anchor, params string[] numbers)
    {
        SourceDocument document = _knowledge.Document(file);
        for (int n = document.LineCount; n >= 1; n--)
        {
            string line = PassageSplitter.Clean(document.Line(n));
            if (line.Contains(anchor, StringComparison.Ordinal) && numbers.All(x => System.Text.RegularExpressions.Regex.IsMatch(line, $@"(?<![\d,]){x}(?![\d,])")))
            {
                return document.Cite(n);
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("基準|目標|実績|区分|項目|年度")]
    private static partial System.Text.RegularExpressions.Regex HeaderWords();

    [System.Text.RegularExpressions.GeneratedRegex("一覧|予算|事業費|関連事業")]
    private static partial System.Text.RegularExpressions.Regex BudgetTitleWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[△▲\-]?[0-9][0-9,]*(\.[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex BareNumber();

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
