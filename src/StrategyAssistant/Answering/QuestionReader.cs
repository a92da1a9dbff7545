using System.Globalization;
using System.Text.RegularExpressions;
using StrategyAssistant.Records;

namespace StrategyAssistant.Answering;

/// <summary>Reads a question once with general rules and the question vocabulary (<see cref="QuestionVocabulary"/>): the
/// corpus's cities and any other place the dictionary knows (IPADIC 名詞,固有名詞,地域) or the text writes as ○○市/町/村/区,
/// every fiscal-year notation (through <see cref="FiscalYearParser"/>), what it asks for, the answer type its question word
/// asks for, document mentions (filters, not asks), full-list and ranking asks, and the topic with synonyms.</summary>
public sealed partial class QuestionReader
{
    private readonly IReadOnlyList<string> _cities;
    private readonly QuestionVocabulary _vocabulary;

    public QuestionReader(IEnumerable<string> cities, QuestionVocabulary? vocabulary = null)
    {
        _cities = [.. cities];
        _vocabulary = vocabulary ?? QuestionVocabulary.Default;
    }

    public Question Read(string text)
    {
        QuestionVocabulary v = _vocabulary;
        var cities = _cities.Where(c => text.Contains(Stem(c), StringComparison.Ordinal)).ToList();
        List<string> otherPlaces = [.. OtherPlaces(text)];

        var years = new List<FiscalPeriod>();
        string topic = text;
        foreach (FiscalYearParser.Match match in FiscalYearParser.FindAll(text, FiscalYearParser.Era.Reiwa).OrderByDescending(m => m.Index))
        {
            if (!years.Any(y => y.Start == match.Period.Start && y.End == match.Period.End))
            {
                years.Insert(0, match.Period);
            }

            topic = topic.Remove(match.Index, match.Length).Insert(match.Index, " ");
        }

        // 「R3は前年度から」: the year before the one asked is asked too, first.
        if (years.Count == 1 && years[0].IsSingleYear && v.PreviousYearWords.FirstOrDefault(w => topic.Contains(w, StringComparison.Ordinal)) is { } previous)
        {
            FiscalYear before = new(years[0].Start.Year - 1);
            years.Insert(0, new FiscalPeriod(before, before, previous));
            topic = topic.Replace(previous, " ", StringComparison.Ordinal);
        }

        // Mentions of a document or its kind filter the sources; they ask nothing (評価シート is not an ask for 評価).
        var kinds = new List<string>();
        string askText = text;
        foreach ((string kind, string[] phrases) in v.DocumentMentions)
        {
            foreach (string phrase in phrases.OrderByDescending(p => p.Length).Where(p => askText.Contains(p, StringComparison.OrdinalIgnoreCase)))
            {
                askText = askText.Replace(phrase, " ", StringComparison.OrdinalIgnoreCase);
                topic = topic.Replace(phrase, " ", StringComparison.OrdinalIgnoreCase);
                if (!kinds.Contains(kind))
                {
                    kinds.Add(kind);
                }
            }
        }

        // Indicator names that contain ask words (合計 in 合計特殊出生率) are masked before looking for asks.
        askText = v.MaskedTerms.Aggregate(askText, (t, term) => t.Replace(term, " ", StringComparison.Ordinal));
        var asked = new HashSet<AskedValue>();
        // A unit asked for (何千円, 何万件) names the figure's unit, not the value asked: 何千円 asks no budget.
        string valueText = v.AnswerTypes.Where(t => t.Type == AnswerType.Figure).SelectMany(t => t.Words).Where(w => w.StartsWith('何'))
            .OrderByDescending(w => w.Length).Aggregate(askText, (t, w) => t.Replace(w, " ", StringComparison.Ordinal));
        foreach ((AskedValue value, string[] words) in v.Asks)
        {
            if (words.Any(w => valueText.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                asked.Add(value);
            }
        }

        AnswerType type = TypeOf(askText, text);
        if (type == AnswerType.Count)
        {
            asked.Add(AskedValue.Count);
        }

        // 「H30は何件で、R6には何件」: two years and no value word ask for the values of both years.
        if (years.Count >= 2 && !asked.Overlaps([AskedValue.Baseline, AskedValue.Target, AskedValue.Actual]) && type is not (AnswerType.Count or AnswerType.Sum))
        {
            asked.Add(AskedValue.Baseline);
            asked.Add(AskedValue.Target);
        }

        int ranking = Ranking(askText);
        int? top = TopN().Match(askText) is { Success: true } t ? int.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        bool all = v.FullList.Any(w => askText.Contains(w, StringComparison.Ordinal));

        int? goal = GoalNumber().Match(text) is { Success: true } g ? int.Parse(g.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        foreach (string city in cities)
        {
            topic = topic.Replace(city, " ", StringComparison.Ordinal).Replace(Stem(city), " ", StringComparison.Ordinal);
        }

        topic = DerivedFigures.GoalListPattern.Replace(topic, " ");
        topic = GoalNumber().Replace(topic, " ");
        topic = TopN().Replace(topic, " ");
        // Question words, answer-type words (足すと, あと何, なぜ) and ranking / full-list words shape the question, not its topic.
        // Indicator names that contain shaping words (合計 in 合計特殊出生率) are held aside while those words are removed.
        var held = v.MaskedTerms.Where(m => topic.Contains(m, StringComparison.Ordinal)).ToList();
        for (int i = 0; i < held.Count; i++)
        {
            topic = topic.Replace(held[i], $"\u0001{i}\u0001", StringComparison.Ordinal);
        }

        IEnumerable<string> shaping = v.AnswerTypes.SelectMany(t => t.Words).Concat(v.RankingMarkers).Concat(v.RankingMax).Concat(v.RankingMin).Concat(v.FullList);
        foreach (string word in shaping.Concat(v.QuestionWords).OrderByDescending(w => w.Length))
        {
            topic = topic.Replace(word, " ", StringComparison.OrdinalIgnoreCase);
        }

        for (int i = 0; i < held.Count; i++)
        {
            topic = topic.Replace($"\u0001{i}\u0001", held[i], StringComparison.Ordinal);
        }

        topic = Spaces().Replace(topic, " ").Trim();
        return new Question
        {
            Text = text,
            Cities = cities,
            OtherPlaces = otherPlaces,
            Years = years,
            Asked = asked,
            Type = type,
            DocumentKinds = kinds,
            WantsAll = all,
            Ranking = ranking,
            Top = top,
            Topic = ExpandSynonyms(topic, v),
            OwnTopic = topic,
            // Kept apart from the topic: a spelling the documents never use would count as an absent word there.
            SpellingVariants = SpellingVariants.Of(topic),
            GoalNumber = goal,
            Counter = Counter(askText),
        };
    }

    /// <summary>Adds the synonyms of every vocabulary word the topic contains.</summary>
    public static string ExpandSynonyms(string topic) => ExpandSynonyms(topic, QuestionVocabulary.Default);

    private static string ExpandSynonyms(string topic, QuestionVocabulary vocabulary)
    {
        var extra = new List<string>();
        foreach (string[] group in vocabulary.Synonyms)
        {
            if (group.Any(w => topic.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                extra.AddRange(group.Where(w => !topic.Contains(w, StringComparison.OrdinalIgnoreCase)));
            }
        }

        return extra.Count == 0 ? topic : topic + " " + string.Join(' ', extra);
    }

    [GeneratedRegex(@"基本目標\s?([0-9]+)")]
    private static partial Regex GoalNumber();

    [GeneratedRegex(@"上位\s?([0-9]+)")]
    private static partial Regex TopN();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
