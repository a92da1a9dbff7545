using System.Globalization;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis.TokenAttributes;
using StrategyAssistant.Japanese;
using StrategyAssistant.Japanese.TokenAttributes;
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

    /// <summary>The counter of the question's last count word (何件 → 件, いくつ → つ), or null.</summary>
    private string? Counter(string text) => _vocabulary.Counters
        .Select(c => (c.Value, At: text.LastIndexOf(c.Key, StringComparison.Ordinal), c.Key.Length))
        .Where(c => c.At >= 0).OrderByDescending(c => c.At).ThenByDescending(c => c.Length).Select(c => c.Value).FirstOrDefault();

    /// <summary>1 for a superlative towards the largest (一番大きい, 一番予算が多い, 最大の), -1 towards the smallest, 0 for none:
    /// a superlative marker followed closely by a direction word, or a superlative word of its own.</summary>
    private int Ranking(string text)
    {
        QuestionVocabulary v = _vocabulary;
        foreach (string marker in v.RankingMarkers)
        {
            for (int at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
            {
                string after = text.Substring(at + marker.Length, Math.Min(10, text.Length - at - marker.Length));
                int max = v.DirectionMax.Select(w => after.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(int.MaxValue).Min();
                int min = v.DirectionMin.Select(w => after.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(int.MaxValue).Min();
                if (max != min)
                {
                    return max < min ? 1 : -1;
                }
            }
        }

        return v.RankingMax.Any(w => text.Contains(w, StringComparison.Ordinal)) ? 1 : v.RankingMin.Any(w => text.Contains(w, StringComparison.Ordinal)) ? -1 : 0;
    }

    /// <summary>The answer type of the first vocabulary group whose word the question holds; a count also when a countable
    /// noun (事業, 施策, KPI …) is followed closely by a count word (いくつ, 何個, の数 …).</summary>
    private AnswerType TypeOf(string text, string original)
    {
        // The clause rule reads the question as written: a masked name (重要業績評価指標) still names the noun counted.
        bool counts = CountsNouns(text) || CountsClause(original);
        foreach ((AnswerType type, string[] words) in _vocabulary.AnswerTypes)
        {
            if (type == AnswerType.Figure && counts)
            {
                return AnswerType.Count;
            }

            // 「指標、全部で何件」: 全部で before a count word says "in all" of the count; it asks no sum.
            if (type == AnswerType.Sum && counts
                && !words.Any(w => _vocabulary.InAllWords.Aggregate(text, (t, x) => t.Replace(x, " ", StringComparison.Ordinal)).Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (type == AnswerType.Difference && AsksChange(text))
            {
                return AnswerType.Difference;
            }

            if (words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                // A department named beside a count word narrows the count (環境部が所管する事業は何事業): the count is the ask.
                return type == AnswerType.Department && AsksCount(text) ? AnswerType.Count : type;
            }
        }

        return counts ? AnswerType.Count : AnswerType.Any;
    }

    /// <summary>A clause made a noun and counted (順調なのは何件, 「継続発展」になったのはいくつ) after a countable noun: the items the
    /// clause describes are counted.</summary>
    private bool CountsClause(string text)
    {
        foreach (string nominal in _vocabulary.Nominalizers)
        {
            for (int at = text.IndexOf(nominal, StringComparison.Ordinal); at > 0; at = text.IndexOf(nominal, at + 1, StringComparison.Ordinal))
            {
                string after = _vocabulary.CountFillers.Aggregate(text[(at + nominal.Length)..], (t, f) => t.Replace(f, string.Empty, StringComparison.Ordinal)).TrimStart(' ', '、');
                if (_vocabulary.Counters.Keys.Any(c => after.StartsWith(c, StringComparison.Ordinal)) && _vocabulary.CountNouns.Any(n => text.AsSpan(0, at).Contains(n, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool AsksCount(string text) =>
        CountsNouns(text) || _vocabulary.AnswerTypes.Where(t => t.Type == AnswerType.Count).SelectMany(t => t.Words).Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>An interrogative followed within a few characters by a change word: 何万人減った, どれだけ足りない, 何%増加.</summary>
    private bool AsksChange(string text)
    {
        foreach (string marker in _vocabulary.DifferenceMarkers)
        {
            for (int at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
            {
                int end = at + marker.Length;
                string window = text.Substring(end, Math.Min(MaxChangeDistance, text.Length - end));
                if (_vocabulary.ChangeWords.Any(w => window.Contains(w, StringComparison.Ordinal)))
                {
                    return true;
                }

                // 「基準より何件多い」: after より, a direction word asks by how much, not which.
                int than = text.LastIndexOf("より", at, StringComparison.Ordinal);
                if (than >= 0 && at - than <= MaxChangeDistance && _vocabulary.DirectionMax.Concat(_vocabulary.DirectionMin).Any(w => window.Contains(w, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>How far after the interrogative a change word may stand (何千人足りな: the unit between them).</summary>
    private const int MaxChangeDistance = 6;

    private bool CountsNouns(string text)
    {
        foreach (string noun in _vocabulary.CountNouns)
        {
            for (int at = text.IndexOf(noun, StringComparison.Ordinal); at >= 0; at = text.IndexOf(noun, at + 1, StringComparison.Ordinal))
            {
                int end = at + noun.Length;
                // Fillers between the noun and its count word (施策はそれぞれいくつ) do not part them.
                string window = _vocabulary.CountFillers.Aggregate(text[end..], (t, f) => t.Replace(f, string.Empty, StringComparison.Ordinal));
                window = window[..Math.Min(8, window.Length)];
                if (_vocabulary.CountWords.Any(w => window.StartsWith(w, StringComparison.Ordinal)
                    || (window.Contains(w, StringComparison.Ordinal) && window.IndexOf(w, StringComparison.Ordinal) <= 4 && window[..window.IndexOf(w, StringComparison.Ordinal)].All(IsLinkChar))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Particles and spaces between a noun and its count word: 事業は いくつ, KPIが何個.
    private static bool IsLinkChar(char c) => c is (>= '\u3041' and <= '\u309F') or ' ' or '、' or ',';

    /// <summary>Places the question names that the corpus does not cover: ○○市/町/村/区 forms, and the dictionary's own place
    /// names (名詞,固有名詞,地域) standing as a word of their own, less wide areas (北海道, 全国) the documents compare with.</summary>
    private IEnumerable<string> OtherPlaces(string text)
    {
        var found = new List<string>();
        foreach (Match m in Places().Matches(text))
        {
            string place = m.Value;
            if (!_vocabulary.NotPlaces.Any(n => place.EndsWith(n, StringComparison.Ordinal)) && !IsCorpusCity(place))
            {
                found.Add(place);
            }
        }

        // Municipalities shipped as data name a place however the dictionary tags it (滝川 is a common noun to it).
        foreach (string named in Municipalities.Default.Named(text))
        {
            string stem = Stem(named);
            if (!IsCorpusCity(named) && !found.Any(f => f.Contains(stem, StringComparison.Ordinal)))
            {
                found.Add(named);
            }
        }

        List<(string Surface, string Pos, int Start, int End)> tokens = Tokens(text);
        for (int i = 0; i < tokens.Count; i++)
        {
            (string surface, string pos, _, int end) = tokens[i];
            // Many place names are surnames to the dictionary (名詞,固有名詞,人名,姓); one that opens the question stands for a place.
            bool place = pos.StartsWith("名詞-固有名詞-地域", StringComparison.Ordinal) || (i == 0 && pos.StartsWith("名詞-固有名詞-人名-姓", StringComparison.Ordinal));
            if (!place || surface.Length < 2 || IsCorpusCity(surface) || _vocabulary.WideAreas.Contains(surface) || found.Any(f => f.Contains(surface, StringComparison.Ordinal)))
            {
                continue;
            }

            // Part of a longer name written as one word (旭山動物園, 石狩川) is not a place asked about.
            (string Surface, string Pos, int Start, int End)? next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            bool adjacent = next is { } n && n.Start == end;
            bool suffix = adjacent && next!.Value.Pos.StartsWith("名詞-接尾-地域", StringComparison.Ordinal);
            bool compound = adjacent && !suffix && next!.Value.Pos.StartsWith("名詞", StringComparison.Ordinal);
            if (!compound)
            {
                found.Add(suffix ? surface + next!.Value.Surface : surface);
            }
        }

        return found.Distinct(StringComparer.Ordinal);
    }

    private bool IsCorpusCity(string place) =>
        _cities.Any(c => place.EndsWith(c, StringComparison.Ordinal) || c.StartsWith(Stem(place), StringComparison.Ordinal) || place.StartsWith(Stem(c), StringComparison.Ordinal));

    private static string Stem(string place) => place.Length > 1 ? place.TrimEnd('市', '町', '村', '区') : place;

    internal static List<(string Surface, string Pos, int Start, int End)> Tokens(string text)
    {
        var tokens = new List<(string, string, int, int)>();
        using var tokenizer = new JapaneseTokenizer(new StringReader(text), null, discardPunctuation: true, JapaneseTokenizerMode.NORMAL);
        var term = tokenizer.GetAttribute<ICharTermAttribute>();
        var pos = tokenizer.GetAttribute<IPartOfSpeechAttribute>();
        var offset = tokenizer.GetAttribute<IOffsetAttribute>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
            tokens.Add((term.ToString(), pos.GetPartOfSpeech() ?? string.Empty, offset.StartOffset, offset.EndOffset));
        }

        tokenizer.End();
        return tokens;
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

    // A municipality or prefecture: two to four kanji (or katakana) before 市/町/村/区/都/府/県, not 市民, 市役所, 県道, 〇〇都市 ….
    [GeneratedRegex(@"(?<![\p{IsCJKUnifiedIdeographs}ぁ-んァ-ヶ])[\p{IsCJKUnifiedIdeographs}ァ-ヶ]{2,4}(?:市|町|村|区|都(?!市)|府|県)(?![民長内外役場町村議立営街道政域分画])")]
    private static partial Regex Places();

    [GeneratedRegex(@"基本目標\s?([0-9]+)")]
    private static partial Regex GoalNumber();

    [GeneratedRegex(@"上位\s?([0-9]+)")]
    private static partial Regex TopN();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
