using Lucene.Net.Analysis;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering;

/// <summary>Composes answers without a language model: figure questions from the records (each figure with its year, unit
/// and citation), open questions from the best passages. Says so plainly when the documents do not hold the answer.</summary>
public sealed class OfflineComposer
{
    private const int MaxNotes = 2;

    /// <summary>The answer parts, in the order they are tried, for each answer type the question word asks for. A part
    /// answers or declines; the first that answers is the answer. <see cref="Part.Asked"/> stands for the parts of the
    /// values the question names (予算, 担当, 評価 …), in their usual order.</summary>
    private static readonly Dictionary<AnswerType, Part[]> s_parts = new()
    {
        [AnswerType.Count] = [Part.StatedCount, Part.Projects, Part.Asked],
        [AnswerType.Sum] = [Part.Sum, Part.Asked],
        [AnswerType.Difference] = [Part.CompareTwo, Part.Difference, Part.Asked],
        [AnswerType.Comparison] = [Part.CompareTwo, Part.CompareAreas, Part.Asked],
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
        CompareTwo,
        CompareAreas,
        Ranking,
        Budget,
        Projects,
        NamedProjects,
        Department,
        Evaluation,
        KpiValues,
        Passages,
    }

    private readonly KnowledgeBase _knowledge;
    private readonly AnswerRanker _ranker;
    private readonly DerivedFigures _derived;
    private readonly SourceLines _lines;
    private readonly KpiAnswerPart _kpis;
    private readonly ProjectAnswerPart _projects;
    private readonly StatedAnswerPart _stated;
    private readonly PassageAnswerPart _passages;
    private readonly TopicAbsence _topicAbsence;
    private readonly StatedCounts _counts;
    private readonly YearAbsence _yearAbsence;
    private readonly ScopedCounts _scoped;
    private readonly RoleAbsence _roleAbsence;
    private readonly ValueAbsence _valueAbsence;
    private readonly OtherPlaceAbsence _otherPlace;

    public OfflineComposer(KnowledgeBase knowledge, Analyzer analyzer, int maxPassages = 3, AnswerRanker? ranker = null)
    {
        _knowledge = knowledge;
        _ranker = ranker ?? new AnswerRanker();
        _derived = new DerivedFigures(knowledge, _ranker);
        var context = new ComposerContext(knowledge, analyzer, _ranker, maxPassages);
        _lines = new SourceLines();
        _kpis = new KpiAnswerPart(context, _lines);
        _projects = new ProjectAnswerPart(context, _lines, _kpis);
        _stated = new StatedAnswerPart(context, _lines);
        _passages = new PassageAnswerPart(context, _lines);
        _topicAbsence = new TopicAbsence(knowledge, analyzer);
        _counts = new StatedCounts(knowledge, analyzer, _ranker);
        _yearAbsence = new YearAbsence(knowledge, _ranker, _lines);
        _scoped = new ScopedCounts(knowledge);
        _roleAbsence = new RoleAbsence(knowledge, _ranker.Options.RecordCoverage);
        _valueAbsence = new ValueAbsence(_ranker);
        _otherPlace = new OtherPlaceAbsence(knowledge, _ranker.Options.RecordCoverage);
    }

    public const string NotFoundText = "資料には該当する記述が見つかりませんでした。";

    private double AbsentTopicShare => _ranker.Options.AbsentTopicShare;

    public Answer Compose(string asked, Question question, Evidence evidence)
    {
        if (question.Cities.Count == 0 && question.OtherPlaces.Count > 0)
        {
            string covered = string.Join("・", _knowledge.Corpus.Cities);
            return new AnswerBuilder()
                .Line($"{string.Join("・", question.OtherPlaces)}の資料はありません。収録: {covered}。{NotFoundText}")
                .Build(asked, found: false);
        }

        // A place outside the corpus asked beside a covered city: not answered for one as if for both.
        if (_otherPlace.Absent(question, evidence) is { } otherPlace)
        {
            return otherPlace.Build(asked, found: false);
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

        // The indicator asked about is narrower than any the city has (外国人観光客数 where only 観光客数 exists).
        if (_topicAbsence.Missing(question, evidence, _ranker.Options.RecordCoverage) is { Count: > 0 } narrowing)
        {
            string where = question.Cities.Count == 1 ? $"{question.Cities[0]}の" : string.Empty;
            return new AnswerBuilder()
                .Line($"{NotFoundText}{where}指標（KPI）に「{string.Join("」「", narrowing)}」にあたるものはありません（近い指標はあっても、その値は答えではありません）。")
                .Build(asked, found: false);
        }

        // A budget or a department of a city whose documents never state one.
        if (_roleAbsence.Absent(question, evidence) is { } missingRole)
        {
            return missingRole.Build(asked, found: false);
        }

        // A value asked for a year after every year the documents give values for.
        bool asksFigure = question.AsksKpiValue || question.Asks(AskedValue.Budget) || question.Asked.Count == 0 || question.Type == AnswerType.Figure;
        if (asksFigure && question.Years.Count > 0 && LastYear(question.Cities) is { } last && question.Years.All(y => y.Start > last))
        {
            // No record holds the year, but the prose may state it (a population projection for 2045): those sentences answer.
            var prose = new AnswerBuilder();
            if (evidence.Passages.Any(p => p.Coverage >= _ranker.Options.PassageCoverage && SentenceAnswer.StatesYear(p.Item.Text, question.Years))
                && _passages.TryPassages(question, evidence, prose))
            {
                return prose.Build(asked);
            }

            var absent = new AnswerBuilder()
                .Line($"{NotFoundText}資料には{string.Join("・", question.Years.Select(y => y.Text))}の値は記載されていません（資料の値はこれより前の年度のものです）。");
            if (LatestStated(question, evidence) is { } latest && latest.Source.Quote.Contains(latest.Year, StringComparison.Ordinal))
            {
                // The nearest year the documents do state, labelled as such and cited, never given as the answer.
                absent.Line($"参考: 資料にある最も新しい年度は{latest.Year}です {absent.Mark(latest.Source)}。");
            }

            return absent.Build(asked, found: false);
        }

        if (_yearAbsence.BudgetAbsent(question, evidence) is { } missingBudget)
        {
            return missingBudget.Build(asked, found: false);
        }

        if (_yearAbsence.KpiAbsent(question, evidence) is { } missingYear)
        {
            // The value cell is empty, yet the indicator's own remark may state that year's figure in words.
            return _derived.StatedInProse(question, evidence) is { } stated ? stated.Build(asked) : missingYear.Build(asked, found: false);
        }

        // Every value asked is blank or missing in the indicator: say so; the remark may still state it in words.
        if (_valueAbsence.Absent(question, evidence) is { } missingValue)
        {
            return _derived.StatedInProse(question, evidence) is { } stated ? stated.Build(asked) : missingValue.Build(asked, found: false);
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
                // 「○○の施策って何」 of a record the question names outright asks for its list, not for a sentence.
                if (question.Asks(AskedValue.Projects))
                {
                    yield return Part.NamedProjects;
                }

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
        Part.StatedCount => _scoped.TryCount(question, builder) || _stated.TryCount(question, builder) || _counts.TryItems(question, evidence, builder) || _counts.TryCell(question, evidence, _ranker.Options.PassageCoverage, builder),
        Part.Sum => _derived.TrySum(question, evidence, builder),
        Part.Difference => _derived.TryDifference(question, evidence, builder),
        Part.CompareTwo => _derived.TryCompareTwo(question, evidence, builder),
        Part.CompareAreas => _derived.TryCompareAreas(question, evidence, builder),
        Part.Ranking => _derived.TryRanking(question, evidence, builder),
        Part.Budget => _projects.TryBudget(question, evidence, builder),
        Part.Projects => _counts.TryListCell(question, evidence, _ranker.Options.PassageCoverage, builder) || _projects.TryProjects(question, evidence, builder),
        Part.NamedProjects => _projects.TryNamed(question, evidence, builder),
        Part.Department => _stated.TryDepartment(question, evidence, builder),
        Part.Evaluation => _stated.TryEvaluation(question, evidence, builder),
        Part.KpiValues => _kpis.TryKpiValues(question, evidence, builder),
        Part.Passages => _passages.TryPassages(question, evidence, builder),
        _ => false,
    };

    /// <summary>The extractive answer only: verbatim quotes of the best passages.</summary>
    public Answer ComposeFromPassages(string asked, Question question, Evidence evidence)
    {
        var builder = new AnswerBuilder();
        return _passages.TryPassages(question, evidence, builder) ? builder.Build(asked) : new AnswerBuilder().Line(NotFoundText).Build(asked, found: false);
    }


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

    /// <summary>The last fiscal year any KPI value or budget of these cities (all when none) is for.</summary>
    // The latest year a set of cities' records hold is a property of the knowledge base, computed once per set of cities: a
    // question naming no city would otherwise read every record of the corpus (a composer lives for one answer).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnowledgeBase, System.Collections.Concurrent.ConcurrentDictionary<string, FiscalYear?>> s_lastYears = [];

    private FiscalYear? LastYear(IReadOnlyList<string> cities) =>
        s_lastYears.GetValue(_knowledge, _ => new(StringComparer.Ordinal)).GetOrAdd(string.Join('\u001f', cities), _ => ReadLastYear(cities));

    private FiscalYear? ReadLastYear(IReadOnlyList<string> cities)
    {
        var years = _knowledge.KpisOf(cities)
            .SelectMany(k => KpiAnswerPart.Values(k).Select(v => v.Value.Period?.End).Concat(k.Series.Select(p => (FiscalYear?)p.Year)))
            .Concat(_knowledge.ProjectsOf(cities).Select(p => p.BudgetYear?.End))
            .OfType<FiscalYear>()
            .ToList();
        return years.Count == 0 ? null : years.Max();
    }

    /// <summary>The latest year the best matching record states, as written, with the line that states it.</summary>
    private (string Year, Citation Source)? LatestStated(Question question, Evidence evidence)
    {
        if (question.Asks(AskedValue.Budget) && _ranker.Best(evidence.Projects, p => p.Budget is not null && p.BudgetYear is not null).FirstOrDefault() is { } project)
        {
            (string year, Citation? source) = _lines.BudgetYearOf(project);
            return year.Length > 0 ? (year, source ?? project.Source) : null;
        }

        if (_ranker.Best(evidence.Kpis, k => KpiAnswerPart.Values(k).Any(v => v.Value.Period is not null)).FirstOrDefault() is { } kpi)
        {
            KpiValue value = KpiAnswerPart.Values(kpi).Select(v => v.Value).Where(v => v.Period is not null).MaxBy(v => v.Period!.End)!;
            (string year, Citation? source) = _lines.YearOf(value, kpi);
            return year.Length > 0 ? (year, source ?? value.Source) : null;
        }

        return null;
    }
}
