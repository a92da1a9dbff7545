using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>Counts the records of a scope the question names — a city, a basic goal, a measure (施策 by its mark, its title
/// or the user's words for it, of a project list or a KPI table) — narrowed by the filters of <see cref="ScopedGroup"/>: a
/// department, a quoted phrase or bracketed mark the lines carry, a status or evaluation value (順調なのは, 「継続発展」), a
/// status word on the counted noun (新規事業). The counted noun chooses what is counted: 事業 (projects, also those a KPI
/// table names), 施策 (measures), 指標 / KPI (indicators); a bare counter (何件, いくつ) counts the last such noun before it.
/// The count is a derivation whose counted items each stand in the line they cite, stated in the question's counter.</summary>
internal sealed partial class ScopedCounts
{
    private readonly KnowledgeBase _knowledge;

    public ScopedCounts(KnowledgeBase knowledge) => _knowledge = knowledge;

    private enum Noun
    {
        Project,
        Measure,
        Indicator,
    }

    public bool TryCount(Question question, AnswerBuilder builder)
    {
        string text = question.Text.Normalize(NormalizationForm.FormKC);
        if (CountedNoun(text, question.Counter) is not { } noun)
        {
            return false;
        }

        // The measures of the tables that list what is counted first (project lists for 事業, KPI tables for 指標), then the
        // others': a KPI table's measure (⑥地域ぐるみの子育て環境整備) may have no project list.
        var ofProjects = _knowledge.ProjectsOf(question.Cities).Where(p => p.Measure is not null).Select(p => (p.City, p.Goal, p.Measure!));
        var ofKpis = _knowledge.KpisOf(question.Cities).Where(k => k.Measure is not null).Select(k => (k.City, k.Goal, k.Measure!));
        var named = noun == Noun.Indicator
            ? NamedMeasure.Find(question, ofKpis) ?? NamedMeasure.Find(question, ofProjects)
            : NamedMeasure.Find(question, ofProjects) ?? NamedMeasure.Find(question, ofKpis);
        IReadOnlyList<string> cities = named is { } m ? [m.City] : question.Cities;
        if (cities.Count != 1)
        {
            return false;
        }

        IReadOnlyList<int> goals = DerivedFigures.GoalNumbers(text);
        var scope = Lines(noun, cities[0])
            .Where(l => named is { } n ? l.Goal == n.Goal && l.Measure == n.Measure : goals.Count == 0 || (l.Goal is { } g && goals.Contains(g.Number)))
            .ToList();
        if (question.DocumentKinds.Count > 0 && scope.Where(l => question.DocumentKinds.Contains(_knowledge.Corpus.Find(l.Source.File)?.Info.Kind ?? string.Empty)).ToList() is { Count: > 0 } inKind)
        {
            scope = inKind;
        }

        if (scope.Count == 0)
        {
            return false;
        }

        string nounText = NounText(noun);
        string title = named is { } nm ? nm.Measure.Title.Normalize(NormalizationForm.FormKC) : string.Empty;
        if (ScopedGroup.Filters(question, scope, title, nounText) is not { } filters || (named is null && filters.Count == 0))
        {
            return false;
        }

        var items = scope.Where(l => filters.All(f => f.Keep(l)))
            .GroupBy(l => noun == Noun.Measure ? (l.Goal?.Number ?? 0) + "|" + l.Measure : l.Name)
            .Select(g => g.Select(l => Holding(l, Item(noun, l))).FirstOrDefault(l => l is not null))
            .ToList();
        if (items.Count == 0 || items.Any(i => i is null))
        {
            return false;
        }

        string where = named is { } w ? $"施策「{w.Measure}」" : goals.Count > 0 ? string.Join("・", goals.Select(g => $"基本目標{g}")) : "資料";
        string narrowed = filters.Count == 0 ? "の" : "のうち" + string.Join("・", filters.Select(f => f.Label)) + "の";
        // Counted in the question's own counter (何件 → 4件, いくつ → 5つ), else in the noun (何事業 → 10事業).
        string counter = question.Counter ?? nounText;
        string count = items.Count.ToString(CultureInfo.InvariantCulture);
        string expression = $"該当する{nounText}の数 {count}{nounText}";
        string stated = counter == nounText ? count + counter : $"{count}{counter}（{count}{nounText}）";
        int repeats = items.Count(i => i!.IsRepeat);
        builder.Line($"{cities[0]}の{where}{narrowed}{nounText}は {stated}です{(repeats > 0 ? $"（うち再掲 {repeats}）" : string.Empty)}（{expression}）:");
        var operands = new List<DerivationOperand>();
        foreach (ScopedLine item in items.OfType<ScopedLine>())
        {
            string name = Item(noun, item);
            int cited = builder.Cite(item.Source);
            operands.Add(new DerivationOperand(name, null, cited, name));
            string detail = string.Join("、", new[] { item.Department, item.IsRepeat ? "再掲" : null }.OfType<string>());
            builder.Line($"・{name}{(detail.Length > 0 ? $"（{detail}）" : string.Empty)} [{cited}]");
        }

        builder.Derive(new Derivation(DerivationKind.Count, expression, count + nounText, operands));
        return true;
    }

    /// <summary>The lines that can be counted as the noun: projects from the project lists and the projects a KPI table names
    /// (事業), the measures of both (施策), the indicators (指標).</summary>
    private IEnumerable<ScopedLine> Lines(Noun noun, string city)
    {
        IEnumerable<ScopedLine> projects = _knowledge.ProjectsOf([city]).Where(p => p.City == city)
            .Select(p => new ScopedLine(p.City, p.Name, p.Source, p.Goal, p.Measure, p.Department, p.Status, null, p.IsRepeat) { Project = p });
        IEnumerable<ScopedLine> kpis = _knowledge.KpisOf([city]).Where(k => k.City == city)
            .Select(k => new ScopedLine(k.City, noun == Noun.Indicator ? k.Indicator : k.Project ?? string.Empty, k.Source, k.Goal, k.Measure, k.Department, k.Status, k.Evaluation, false));
        return noun switch
        {
            Noun.Indicator => kpis,
            Noun.Measure => projects.Concat(kpis).Where(l => l.Measure is not null),
            _ => projects.Concat(kpis.Where(l => l.Name.Length > 0)),
        };
    }

    /// <summary>The line with a citation whose quote holds the counted item's name: its own, else its whole lines'.</summary>
    private ScopedLine? Holding(ScopedLine line, string name)
    {
        if (Normalized(line.Source.Quote).Contains(Normalized(name), StringComparison.Ordinal))
        {
            return line;
        }

        Citation whole = _knowledge.PassageLines(line.Source.File).Cite(line.Source.Line, line.Source.LineEnd);
        return Normalized(whole.Quote).Contains(Normalized(name), StringComparison.Ordinal) ? line with { Source = whole } : null;
    }

    private static string Item(Noun noun, ScopedLine line) => noun == Noun.Measure ? line.Measure!.Title : line.Name;

    private static string NounText(Noun noun) => noun switch
    {
        Noun.Measure => "施策",
        Noun.Indicator => "指標",
        _ => "事業",
    };

    /// <summary>The noun a count asks for: 何事業 / 事業数 / 事業はいくつ, 何施策, 何指標 / KPIの数; with a bare counter (何件,
    /// いくつ) the last countable noun before it (施策で「継続発展」になったのは何件 → 施策).</summary>
    private static Noun? CountedNoun(string text, string? counter)
    {
        string? word = CountedNounPattern().Match(text) is { Success: true } m ? (m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Value) : null;
        if (word is null && counter is not null)
        {
            int at = QuestionVocabulary.Default.Counters.Where(c => c.Value == counter).Select(c => text.IndexOf(c.Key, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(-1).Min();
            word = at < 0 ? null : AnyNoun().Matches(text[..at]).LastOrDefault()?.Value;
        }

        return word switch
        {
            null => null,
            "施策" => Noun.Measure,
            "指標" or "KPI" => Noun.Indicator,
            _ => Noun.Project,
        };
    }

    private static string Normalized(string text) => text.Normalize(NormalizationForm.FormKC);

    [GeneratedRegex(@"何\s?(?<a>事業|施策|指標|KPI)|(?<b>事業|施策|指標|KPI)(?:の)?(?:数|はいくつ|がいくつ)")]
    private static partial Regex CountedNounPattern();

    [GeneratedRegex("事業|施策|指標|KPI")]
    private static partial Regex AnyNoun();
}
