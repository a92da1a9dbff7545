using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>Counts the records of a scope the question names — a city, a basic goal, a measure (施策 by its mark or title) —
/// narrowed by what the question names of them: a department (環境部が所管, 子育て支援部以外), a mark or phrase their lines
/// carry ((新), 「低調」, 「基準値を維持」), a status word of the records followed by the counted noun (新規事業). The counted
/// noun chooses what is counted: 事業 (projects, also those a KPI table names), 施策 (measures), 指標 / KPI (indicators).
/// The count is a derivation whose counted items each stand in the line they cite.</summary>
internal sealed partial class ScopedCounts
{
    /// <summary>Longest phrase taken as a filter; a longer quote is a title, not a mark.</summary>
    private const int MaxPhrase = 24;

    private readonly KnowledgeBase _knowledge;

    public ScopedCounts(KnowledgeBase knowledge) => _knowledge = knowledge;

    private enum Noun
    {
        Project,
        Measure,
        Indicator,
    }

    private sealed record Line(string City, string Name, Citation Source, Goal? Goal, Measure? Measure, string? Department, string? Status, bool IsRepeat);

    public bool TryCount(Question question, AnswerBuilder builder)
    {
        string text = question.Text.Normalize(NormalizationForm.FormKC);
        if (CountedNoun(text) is not { } noun)
        {
            return false;
        }

        var named = NamedMeasure.Find(question, _knowledge.Records.Projects);
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

        var filters = new List<(string Label, Func<Line, bool> Keep)>();
        string title = named is { } nm ? nm.Measure.Title.Normalize(NormalizationForm.FormKC) : string.Empty;
        foreach ((string phrase, bool quoted) in Phrases(text).Where(p => title.Length == 0 || !title.Contains(p.Phrase, StringComparison.Ordinal)))
        {
            if (!scope.Any(l => Normalized(l.Source.Quote).Contains(phrase, StringComparison.Ordinal)))
            {
                // A quoted phrase no line carries cannot be counted; a bracketed word no line carries is an aside ((雇用)).
                if (quoted)
                {
                    return false;
                }

                continue;
            }

            filters.Add(($"「{phrase}」", l => Normalized(l.Source.Quote).Contains(phrase, StringComparison.Ordinal)));
        }

        AddDepartmentFilter(text, scope, filters);
        string nounText = NounText(noun);
        foreach (string status in scope.Select(l => l.Status).OfType<string>().Where(s => s.Length >= 2).Distinct()
            .Where(s => Regex.IsMatch(text, Regex.Escape(s) + "の?" + Regex.Escape(nounText))))
        {
            filters.Add((status, l => l.Status == status));
        }

        if (named is null && filters.Count == 0)
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
        string narrowed = filters.Count == 0 ? string.Empty : "のうち" + string.Join("・", filters.Select(f => f.Label)) + "の";
        string count = items.Count.ToString(CultureInfo.InvariantCulture);
        string expression = $"該当する{nounText}の数 {count}{nounText}";
        int repeats = items.Count(i => i!.IsRepeat);
        builder.Line($"{cities[0]}の{where}{narrowed}{nounText}は {count}{nounText}です{(repeats > 0 ? $"（うち再掲 {repeats}）" : string.Empty)}（{expression}）:");
        var operands = new List<DerivationOperand>();
        foreach (Line item in items.OfType<Line>())
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

    /// <summary>A department of the scope the question names (the longest), keeping its lines, or the others' when 以外 / を除く
    /// follows it.</summary>
    private static void AddDepartmentFilter(string text, List<Line> scope, List<(string, Func<Line, bool>)> filters)
    {
        if (scope.Select(l => l.Department).OfType<string>().Where(d => d.Length >= 2 && text.Contains(Normalized(d), StringComparison.Ordinal))
            .OrderByDescending(d => d.Length).FirstOrDefault() is not { } department)
        {
            return;
        }

        int after = text.IndexOf(Normalized(department), StringComparison.Ordinal) + Normalized(department).Length;
        bool excluded = QuestionVocabulary.Default.ExclusionWords.Any(x => text.AsSpan(after).StartsWith(x, StringComparison.Ordinal));
        filters.Add(excluded ? ($"{department}以外", l => l.Department != department) : (department, l => l.Department == department));
    }

    /// <summary>The lines that can be counted as the noun: projects from the project lists and the projects a KPI table names
    /// (事業), the measures of both (施策), the indicators (指標).</summary>
    private IEnumerable<Line> Lines(Noun noun, string city)
    {
        IEnumerable<Line> projects = _knowledge.ProjectsOf([city]).Where(p => p.City == city)
            .Select(p => new Line(p.City, p.Name, p.Source, p.Goal, p.Measure, p.Department, p.Status, p.IsRepeat));
        IEnumerable<Line> kpis = _knowledge.KpisOf([city]).Where(k => k.City == city)
            .Select(k => new Line(k.City, noun == Noun.Indicator ? k.Indicator : k.Project ?? string.Empty, k.Source, k.Goal, k.Measure, k.Department, k.Status, false));
        return noun switch
        {
            Noun.Indicator => kpis,
            Noun.Measure => projects.Concat(kpis).Where(l => l.Measure is not null),
            _ => projects.Concat(kpis.Where(l => l.Name.Length > 0)),
        };
    }

    /// <summary>The line with a citation whose quote holds the counted item's name: its own, else its whole lines'.</summary>
    private Line? Holding(Line line, string name)
    {
        if (Normalized(line.Source.Quote).Contains(Normalized(name), StringComparison.Ordinal))
        {
            return line;
        }

        Citation whole = _knowledge.PassageLines(line.Source.File).Cite(line.Source.Line, line.Source.LineEnd);
        return Normalized(whole.Quote).Contains(Normalized(name), StringComparison.Ordinal) ? line with { Source = whole } : null;
    }

    private static string Item(Noun noun, Line line) => noun == Noun.Measure ? line.Measure!.Title : line.Name;

    private static string NounText(Noun noun) => noun switch
    {
        Noun.Measure => "施策",
        Noun.Indicator => "指標",
        _ => "事業",
    };

    /// <summary>The noun a count asks for: 何事業 / 事業数 / 事業はいくつ, 何施策, 何指標 / KPIの数.</summary>
    private static Noun? CountedNoun(string text) => CountedNounPattern().Match(text) is not { Success: true } m ? null
        : (m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Value) switch
        {
            "施策" => Noun.Measure,
            "指標" or "KPI" => Noun.Indicator,
            _ => Noun.Project,
        };

    /// <summary>Quoted phrases (「低調」) and short bracketed marks ((新)) that the question names lines by; a bracketed measure
    /// mark ((ク)) or a bracketed aside longer than a mark is not one.</summary>
    private static IEnumerable<(string Phrase, bool Quoted)> Phrases(string text)
    {
        foreach (Match m in QuotedPattern().Matches(text))
        {
            if (m.Groups["t"].Value.Trim() is { Length: > 0 and <= MaxPhrase } phrase)
            {
                yield return (phrase, true);
            }
        }

        foreach (Match m in MarkPattern().Matches(text))
        {
            yield return (m.Value, false);
        }
    }

    private static string Normalized(string text) => text.Normalize(NormalizationForm.FormKC);

    [GeneratedRegex(@"何\s?(?<a>事業|施策|指標|KPI)|(?<b>事業|施策|指標|KPI)(?:の)?(?:数|はいくつ|がいくつ)")]
    private static partial Regex CountedNounPattern();

    [GeneratedRegex(@"[「『](?<t>[^」』]+)[」』]")]
    private static partial Regex QuotedPattern();

    /// <summary>A one- or two-kanji mark in brackets: (新), (再掲).</summary>
    [GeneratedRegex(@"\([\p{IsCJKUnifiedIdeographs}]{1,2}\)")]
    private static partial Regex MarkPattern();
}
