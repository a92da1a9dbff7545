using StrategyAssistant.Documents;
using StrategyAssistant.Records;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering;

/// <summary>A found item with how much of the question's topic it covers (0–1), and how much of its own name the question
/// contains (0–1; a question that names the record outright scores about 1).</summary>
public sealed record Ranked<T>(T Item, double Coverage, double NameMatch = 0);

/// <summary>What retrieval found for a question: KPI and project records and passages, best first.</summary>
public sealed record Evidence(
    IReadOnlyList<Ranked<KpiRecord>> Kpis,
    IReadOnlyList<Ranked<ProjectRecord>> Projects,
    IReadOnlyList<Ranked<Passage>> Passages)
{
    /// <summary>Topic words the corpus never uses.</summary>
    public IReadOnlyList<string> AbsentTerms { get; init; } = [];

    /// <summary>Their IDF-weighted share of the topic.</summary>
    public double AbsentShare { get; init; }

    /// <summary>The user's topic words that the corpus uses but the documents of the one city asked about never do.</summary>
    public IReadOnlyList<string> CityAbsentTerms { get; init; } = [];

    /// <summary>Their IDF-weighted share of the user's topic.</summary>
    public double CityAbsentShare { get; init; }

    public double BestKpi => Kpis.Count > 0 ? Kpis[0].Coverage : 0;

    public double BestProject => Projects.Count > 0 ? Projects[0].Coverage : 0;

    public double BestPassage => Passages.Count > 0 ? Passages[0].Coverage : 0;
}

/// <summary>Searches records and passages for a question's topic, within the cities it names.</summary>
public sealed class EvidenceFinder
{
    private readonly CorpusIndex _index;
    private readonly AnswerRankerOptions _options;

    public EvidenceFinder(CorpusIndex index, AnswerRankerOptions? options = null)
    {
        _index = index;
        _options = options ?? new AnswerRankerOptions();
    }

    public Evidence Find(Question question, int count = 12)
    {
        string topic = question.Topic.Length > 0 ? question.Topic : question.Text;
        IReadOnlyList<string> cities = question.Cities;
        KnowledgeBase knowledge = _index.Knowledge;

        HashSet<string> asked = Terms(question.Text + " " + question.Topic);
        // A word and its other spellings (延べ数 / 延数, U・Iターン / UIターン) are one word to every search and to the absence check.
        IReadOnlyList<SpellingVariant> variants = [.. SpellingVariants.Pairs(question.Text + " " + topic).Select(p => new SpellingVariant(p.Word, p.Variant))];
        string? own = question.OwnTopic.Length > 0 && question.OwnTopic != topic ? question.OwnTopic : null;
        // A record's name may be misprinted (a wrong kana): records, not passages, are matched tolerantly.
        var kpis = Search(topic, IndexFields.KindKpi, cities, count, own, variants, _options.NearSpelling)
            .Select(h => (Record: knowledge.FindKpi(h.Hit.Id), h.Coverage))
            .Where(x => x.Record is not null)
            .Select(x => (x.Record, x.Coverage, Name: Math.Max(NameCoverage(IndicatorName(x.Record!.Indicator), asked), NameCoverage(x.Record.Project ?? string.Empty, asked))))
            .Select(x => new Ranked<KpiRecord>(x.Record!, Combine(x.Coverage, x.Name), x.Name))
            .ToList();
        var projects = Search(topic, IndexFields.KindProject, cities, count, own, variants, _options.NearSpelling)
            .Select(h => (Record: knowledge.FindProject(h.Hit.Id), h.Coverage))
            .Where(x => x.Record is not null)
            .Select(x => (x.Record, x.Coverage, Name: NameCoverage(x.Record!.Name, asked)))
            .Select(x => new Ranked<ProjectRecord>(x.Record!, Combine(x.Coverage, x.Name), x.Name))
            .ToList();

        // Passages are searched with the whole question too (open questions carry their meaning in the value words),
        // less the cities and years, which the filter and the records handle, not the words of a passage.
        var passages = Search(topic, IndexFields.KindPassage, cities, count, own, variants)
            .Concat(Search(WithoutPlacesAndYears(question), IndexFields.KindPassage, cities, count, null, variants))
            .GroupBy(h => h.Hit.Id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(h => h.Coverage))
            .OrderByDescending(h => h.Coverage)
            .ThenByDescending(h => h.Hit.Score)
            .Select(h => (Passage: knowledge.FindPassage(h.Hit.Id), h.Coverage))
            .Where(x => x.Passage is not null)
            .Select(x => new Ranked<Passage>(x.Passage!, x.Coverage))
            .ToList();

        (IReadOnlyList<string> absent, double share) = question.Topic.Length > 0 ? _index.Retriever.Absent(question.Topic, variants) : ([], 0);
        (IReadOnlyList<string> cityAbsent, double cityShare) = cities.Count == 1 && question.OwnTopic.Length > 0 ? CityAbsent(question.OwnTopic, cities) : ([], 0);
        return new Evidence(Order(kpis), Order(projects), passages)
        {
            AbsentTerms = absent,
            AbsentShare = share,
            CityAbsentTerms = cityAbsent,
            CityAbsentShare = cityShare,
        };
    }

    /// <summary>Topic terms absent from the cities' documents, less those whose synonym (a vocabulary group) the documents use.</summary>
    private (IReadOnlyList<string> Absent, double Share) CityAbsent(string topic, IReadOnlyList<string> cities)
    {
        (IReadOnlyList<string> absent, double share) = _index.Retriever.AbsentIn(topic, cities);
        if (absent.Count == 0)
        {
            return (absent, share);
        }

        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (string[] group in QuestionVocabulary.Default.Synonyms.Where(g => g.Any(w => topic.Contains(w, StringComparison.OrdinalIgnoreCase))))
        {
            if (group.Any(w => _index.Retriever.AbsentIn(w, cities).Share == 0))
            {
                covered.UnionWith(group.SelectMany(w => Terms(w)));
            }
        }

        if (covered.Count == 0)
        {
            return (absent, share);
        }

        var left = absent.Where(t => !covered.Contains(t)).ToList();
        return (left, absent.Count == 0 ? 0 : share * left.Count / absent.Count);
    }


    private static string WithoutPlacesAndYears(Question question)
    {
        string text = question.Text;
        foreach (string city in question.Cities)
        {
            text = text.Replace(city, " ", StringComparison.Ordinal).Replace(city.TrimEnd('市', '町', '村'), " ", StringComparison.Ordinal);
        }

        foreach (FiscalPeriod year in question.Years)
        {
            text = text.Replace(year.Text, " ", StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A record that the question names in full scores higher, but only in proportion to how much of the question it
    /// covers (geometric mean), so a short generic name (登録者数) does not beat a specific one.</summary>
    private static double Combine(double topicCoverage, double nameCoverage) => Math.Max(topicCoverage, Math.Sqrt(topicCoverage * nameCoverage));

    /// <summary>How much of a record's own name the question contains (all of 「観光入込客数」 in a longer question is a match).
    /// Discounted a little so that a question that names the record and more still prefers a record that covers it all.</summary>
    private double NameCoverage(string name, HashSet<string> asked)
    {
        if (name.Length == 0)
        {
            return 0;
        }

        var terms = _index.TermsOf(name).Where(t => t.Any(c => c is < '\u3041' or > '\u309F')).ToList();
        return terms.Count < 2 ? 0 : 0.95 * terms.Count(asked.Contains) / terms.Count;
    }

    private HashSet<string> Terms(string text) =>
        new(QueryTerms.Analyze(_index.Index.Analyzer, IndexFields.Text, text, int.MaxValue), StringComparer.Ordinal);

    /// <summary>An indicator's name without its trailing unit or survey notes: 「…の割合(市民アンケート結果)(%)」 → 「…の割合」.</summary>
    private static string IndicatorName(string indicator)
    {
        string name = indicator;
        while (name.Length > 0 && (name[^1] is ')' or '）'))
        {
            int open = Math.Max(name.LastIndexOf('('), name.LastIndexOf('（'));
            if (open <= 0)
            {
                break;
            }

            name = name[..open].TrimEnd();
        }

        return name;
    }

    private IReadOnlyList<ScoredHit> Search(string text, string kind, IReadOnlyList<string> cities, int count, string? ownWords, IReadOnlyList<SpellingVariant> variants, double? nearSpelling = null) =>
        _index.Retriever.Search(new SearchRequest(text, [kind], cities, count, ownWords, variants, nearSpelling));

    // Coverage first (how much of the topic the record names), BM25 order breaks ties (kept by the stable sort).
    private static List<Ranked<T>> Order<T>(List<Ranked<T>> items) => [.. items.OrderByDescending(r => Math.Round(r.Coverage, 3)).ThenByDescending(r => r.NameMatch)];
}
