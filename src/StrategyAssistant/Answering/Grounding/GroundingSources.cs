using StrategyAssistant.Documents;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering.Grounding;

/// <summary>A figure a source states, with what it is about: its value role (基準値 / 目標値 / 実績値 / 予算), years, city and
/// subjects (indicator or project names). A fact read from a record knows all of these; a fact read from a quote's line knows
/// the roles and years written on that line and its document's city, and no subject (any).</summary>
public sealed record GroundingFact(NumberToken Number, IReadOnlyList<string> Roles, IReadOnlyList<FiscalPeriod> Years, string? City, IReadOnlyList<string> Subjects, string Origin);

/// <summary>Everything an answer may be checked against: the facts of its cited records and quotes, the sources' text, years,
/// subject names and the corpus's cities.</summary>
public sealed class GroundingSources
{
    private readonly List<GroundingFact> _facts = [];
    private readonly List<string> _subjects = [];
    private readonly HashSet<string> _units = new(StringComparer.Ordinal);

    private GroundingSources(GroundingVocabulary vocabulary, IReadOnlyList<string> cities)
    {
        Vocabulary = vocabulary;
        Cities = [.. cities.SelectMany(CityForms).DistinctBy(f => f.Form).OrderByDescending(f => f.Form.Length)];
    }

    public GroundingVocabulary Vocabulary { get; }

    public IReadOnlyList<GroundingFact> Facts => _facts;

    /// <summary>Indicator and project names of the cited records (NFKC), longest first.</summary>
    public IReadOnlyList<string> Subjects { get; private set; } = [];

    /// <summary>City names as written (旭川市) and short (旭川), each with the full name, longest first.</summary>
    public IReadOnlyList<(string Form, string City)> Cities { get; }

    /// <summary>Units the records use beyond the vocabulary's (PV, 千人 …).</summary>
    public IReadOnlyList<string> Units => [.. _units];

    /// <summary>All quotes, titles and record texts (NFKC), for status words, URLs and instructions.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>Every fiscal year any source names.</summary>
    public HashSet<int> Years { get; } = [];

    /// <summary>Numbers a source states outside any record, role or subject: titles (第2期), era numbers of its years.</summary>
    public List<NumberToken> Plain { get; } = [];

    /// <summary>The sources of an answer: its citations, the records of the knowledge base they cite (when given), and the
    /// corpus's cities (else the citations').</summary>
    public static GroundingSources Create(IReadOnlyList<Citation> citations, KnowledgeBase? knowledge, GroundingVocabulary? vocabulary = null)
    {
        GroundingVocabulary words = vocabulary ?? GroundingVocabulary.Default;
        var sources = new GroundingSources(words, [.. knowledge?.Corpus.Cities ?? citations.Select(c => c.City).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)]);
        var text = new List<string>();
        var recordFacts = new List<(Citation Source, GroundingFact Fact)>();
        if (knowledge is not null)
        {
            string[] files = [.. citations.Select(c => c.File).Distinct(StringComparer.Ordinal)];
            foreach (KpiRecord kpi in knowledge.KpisCiting(files).Where(k => k.AllSources().Any(s => citations.Any(c => Overlaps(c, s)))))
            {
                sources.AddKpi(kpi, recordFacts);
                text.AddRange(new[] { kpi.Status, kpi.Evaluation, kpi.Note, kpi.Assessment, kpi.Outlook }.OfType<string>());
            }

            foreach (ProjectRecord project in knowledge.ProjectsCiting(files).Where(p => citations.Any(c => Overlaps(c, p.Source))))
            {
                sources.AddProject(project, recordFacts);
                text.AddRange(new[] { project.Status, project.Description }.OfType<string>());
            }
        }

        foreach (Citation citation in citations)
        {
            string quote = Figures.Prepare(citation.Quote);
            string title = Figures.Prepare(citation.Title);
            text.Add(quote);
            text.Add(title);
            var covered = recordFacts.Where(r => Overlaps(citation, r.Source)).Select(r => r.Fact.Number).ToList();
            foreach (string line in quote.Split('\n'))
            {
                // A number's own role and year where the line attaches them (基準値 16人 (H30)).
                List<NumberToken> numbers = Figures.Scan(line, words, sources.Units);
                for (int n = 0; n < numbers.Count; n++)
                {
                    NumberToken number = numbers[n];
                    if (covered.Any(c => Figures.SameQuantity(number, c)))
                    {
                        continue;
                    }

                    int previousEnd = n == 0 ? 0 : numbers[n - 1].Index + numbers[n - 1].Length;
                    string? role = ClaimReader.AttachedRole(line, words, previousEnd, number.Index);
                    FiscalPeriod? year = ClaimReader.AttachedYear(line, previousEnd, number);
                    // Only what the line attaches to the number; a table row's header is on another line (records carry that).
                    IReadOnlyList<string> roles = role is not null ? [role] : [];
                    IReadOnlyList<FiscalPeriod> years = year is not null ? [year] : [];
                    sources._facts.Add(new GroundingFact(number, roles, years, NullIfEmpty(citation.City), [], $"{citation}"));
                }
            }

            sources.Plain.AddRange(Figures.Scan(title, words));
        }

        sources.Text = string.Join("\n", text.Select(GroundingVocabulary.Fold));
        foreach (int year in FiscalYearParser.FindAll(sources.Text).SelectMany(m => Enumerable.Range(m.Period.Start.Year, m.Period.End.Year - m.Period.Start.Year + 1)))
        {
            sources.Years.Add(year);
        }

        sources.Subjects = [.. sources._subjects.Where(s => s.Length >= 3).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
        return sources;
    }

    /// <summary>Adds facts computed from cited figures (a verified derivation's result and the figures of its expression).</summary>
    public void AddDerived(NumberToken number, string origin) => _facts.Add(new GroundingFact(number, [], [], null, [], origin));

    private static bool Overlaps(Citation a, Citation b) =>
        string.Equals(a.File, b.File, StringComparison.Ordinal) && a.Line <= b.LineEnd && b.Line <= a.LineEnd;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static IEnumerable<(string Form, string City)> CityForms(string city)
    {
        string folded = GroundingVocabulary.Fold(city);
        yield return (folded, city);
        string shortForm = folded.TrimEnd('市', '町', '村');
        if (shortForm.Length >= 2 && shortForm.Length < folded.Length)
        {
            yield return (shortForm, city);
        }
    }

    private void AddKpi(KpiRecord kpi, List<(Citation, GroundingFact)> recordFacts)
    {
        List<string> subjects = [.. new[] { SubjectName(kpi.Indicator), kpi.Project is null ? null : SubjectName(kpi.Project) }.OfType<string>()];
        _subjects.AddRange(subjects);
        string origin = $"KPI {kpi.Id}";
        void Add(KpiValue? value, string role, FiscalPeriod? year)
        {
            if (value is null)
            {
                return;
            }

            if (value.Unit is { Length: > 0 } unit)
            {
                _units.Add(GroundingVocabulary.Fold(unit));
            }

            if (Figures.Read(value.ValueText, value.Number is null ? null : value.Unit, Vocabulary) is NumberToken number)
            {
                FiscalPeriod? period = year ?? value.Period;
                var fact = new GroundingFact(number, [role], period is null ? [] : [period], kpi.City, subjects, origin);
                _facts.Add(fact);
                recordFacts.Add((value.Source, fact));
                recordFacts.Add((kpi.Source, fact));
            }
        }

        Add(kpi.Baseline, "基準値", null);
        Add(kpi.Target, "目標値", null);
        Add(kpi.Actual, "実績値", null);
        foreach (YearlyValue point in kpi.Series)
        {
            var year = new FiscalPeriod(point.Year, point.Year, point.Year.ToJapanese());
            Add(point.Target, "目標値", year);
            Add(point.Actual, "実績値", year);
        }
    }

    private void AddProject(ProjectRecord project, List<(Citation, GroundingFact)> recordFacts)
    {
        List<string> subjects = [SubjectName(project.Name), .. project.Components.Select(SubjectName)];
        _subjects.AddRange(subjects);
        if (project.Budget is { Amount: not null } budget && Figures.Read(budget.Text, budget.Unit, Vocabulary) is NumberToken number)
        {
            var fact = new GroundingFact(number, ["予算"], project.BudgetYear is { } y ? [y] : [], project.City, subjects, $"project {project.Id}");
            _facts.Add(fact);
            recordFacts.Add((project.Source, fact));
        }
    }

    /// <summary>A name without its trailing notes or unit: 「合計特殊出生率 (単年)」 → 「合計特殊出生率」 (NFKC).</summary>
    private static string SubjectName(string name)
    {
        string folded = GroundingVocabulary.Fold(name).Trim();
        while (folded.Length > 0 && folded[^1] == ')')
        {
            int open = folded.LastIndexOf('(');
            if (open <= 0)
            {
                break;
            }

            folded = folded[..open].TrimEnd();
        }

        return folded;
    }
}
