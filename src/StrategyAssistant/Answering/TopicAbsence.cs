using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using StrategyAssistant.Records;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering;

/// <summary>Abstention for an indicator the asked city does not have. A question asking a KPI value names the indicator
/// by a noun phrase; a word that narrows it (外国人 in 外国人観光客数, マイナカード in マイナカードの交付率, 合計特殊 in
/// 合計特殊出生率) and that no indicator, measure or project name of that city uses means the city has no such indicator —
/// its neighbour (観光客数, コンビニ交付利用率, 出生件数) is not the answer. A word only the head of the phrase (人数, 件数)
/// is paraphrase, never a reason to abstain.</summary>
internal sealed class TopicAbsence
{
    private static readonly ConditionalWeakTable<KnowledgeBase, Dictionary<string, HashSet<string>>> s_terms = [];

    private readonly KnowledgeBase _knowledge;
    private readonly Analyzer _analyzer;
    private readonly QuestionVocabulary _vocabulary;

    public TopicAbsence(KnowledgeBase knowledge, Analyzer analyzer, QuestionVocabulary? vocabulary = null)
    {
        _knowledge = knowledge;
        _analyzer = analyzer;
        _vocabulary = vocabulary ?? QuestionVocabulary.Default;
    }

    /// <summary>The phrases of the question's indicator with a narrowing word that the asked city's indicator names never use while another
    /// city's do (the narrower indicator exists, only not there); empty when the question asks no KPI value of one city, or a
    /// KPI record of that city covers the topic.</summary>
    public IReadOnlyList<string> Missing(Question question, Evidence evidence, double recordCoverage)
    {
        if (!question.AsksKpiValue || question.Cities.Count != 1 || question.Type is AnswerType.Count or AnswerType.Sum or AnswerType.Reason or AnswerType.Definition or AnswerType.Date
            || question.Asks(AskedValue.Budget) || question.Asks(AskedValue.Projects) || question.OwnTopic.Length == 0)
        {
            return [];
        }

        string city = question.Cities[0];
        HashSet<string> own = Terms(city);
        // Other cities' names are read only when a phrase needs them: collecting them decodes every city's records.
        var others = new Lazy<HashSet<string>>(() => [.. _knowledge.Corpus.Cities.Where(c => c != city).SelectMany(Terms)]);
        if (own.Count == 0)
        {
            return [];
        }

        // A record of the city that covers the question answers it, whatever words the question adds; unless another city has
        // the very indicator the question names (every word of one of its phrases in one indicator name) and the city's
        // record lacks a narrowing word of it that the city's documents never use (ふるさと納税の寄附件数 there, 寄附者のメール
        // 登録件数 here).
        if (evidence.Kpis.FirstOrDefault(k => k.Item.City == city && k.Coverage >= recordCoverage) is { } covering)
        {
            HashSet<string> record = [.. QueryTerms.Analyze(_analyzer, IndexFields.Text, covering.Item.Indicator, int.MaxValue)];
            var named = Phrases(question.OwnTopic)
                .Where(p => p.Modifiers.Any(m => !Present(m, record) && !Present(m, own) && !Written(m, city)) && NamedElsewhere(p, city))
                .Select(p => p.Phrase)
                .ToList();
            return [.. named.Distinct(StringComparer.Ordinal)];
        }

        var missing = new List<string>();
        foreach ((IReadOnlyList<string> modifiers, IReadOnlyList<string> head, string phrase) in Phrases(question.OwnTopic))
        {
            // Only a phrase whose head the city's indicators do use: the question is about a narrower kind of a known indicator.
            if (head.Any(h => Present(h, own)) && modifiers.Any(m => !Present(m, own) && Present(m, others.Value)))
            {
                missing.Add(phrase);
            }
        }

        return [.. missing.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether any passage of the city's documents writes the word.</summary>
    private bool Written(string word, string city) =>
        _knowledge.PassagesOf([city]).Any(p => p.Text.Contains(word, StringComparison.Ordinal) && _knowledge.Corpus.Find(p.File)?.Info.City == city);

    /// <summary>Whether an indicator of another city names every word of the phrase.</summary>
    private bool NamedElsewhere((IReadOnlyList<string> Modifiers, IReadOnlyList<string> Head, string Phrase) phrase, string city) =>
        _knowledge.Records.Kpis.Where(k => k.City != city).Any(k =>
        {
            HashSet<string> terms = [.. QueryTerms.Analyze(_analyzer, IndexFields.Text, k.Indicator, int.MaxValue)];
            return phrase.Modifiers.Concat(phrase.Head).All(w => Present(w, terms));
        });

    private bool Present(string word, HashSet<string> named)
    {
        IEnumerable<string> spellings = _vocabulary.Synonyms.Where(g => g.Contains(word, StringComparer.Ordinal)).SelectMany(g => g).Append(word);
        return spellings.Any(s => QueryTerms.Analyze(_analyzer, IndexFields.Text, s) is { Count: > 0 } terms && terms.All(named.Contains));
    }

    /// <summary>Noun phrases of the topic as (narrowing words, head words): a run of adjacent nouns (外国人観光客数: 外国 人 观光 | 客数),
    /// and a noun run joined to the next by の (マイナカード の 交付率), whose words all narrow the next run. Only content words
    /// of two characters or more (kanji or katakana) narrow.</summary>
    internal static IEnumerable<(IReadOnlyList<string> Modifiers, IReadOnlyList<string> Head, string Phrase)> Phrases(string topic)
    {
        List<(string Surface, string Pos, int Start, int End)> tokens = QuestionReader.Tokens(topic);
        var runs = new List<(List<string> Words, int End, bool JoinsNext)>();
        List<string>? run = null;
        int runEnd = -1;
        for (int i = 0; i < tokens.Count; i++)
        {
            (string surface, string pos, int start, int end) = tokens[i];
            bool noun = pos.StartsWith("名詞", StringComparison.Ordinal) && !pos.StartsWith("名詞-非自立", StringComparison.Ordinal) && !pos.StartsWith("名詞-代名詞", StringComparison.Ordinal);
            if (noun && run is not null && start == runEnd)
            {
                run.Add(surface);
                runEnd = end;
                continue;
            }

            if (run is not null)
            {
                bool joins = surface == "の" && start == runEnd && i + 1 < tokens.Count && tokens[i + 1].Start == end && tokens[i + 1].Pos.StartsWith("名詞", StringComparison.Ordinal);
                runs.Add((run, runEnd, joins));
                run = null;
            }

            if (noun)
            {
                run = [surface];
                runEnd = end;
            }
        }

        if (run is not null)
        {
            runs.Add((run, runEnd, false));
        }

        for (int r = 0; r < runs.Count; r++)
        {
            List<string> words = runs[r].Words;
            var modifiers = words.Take(words.Count - 1).Where(IsContent).ToList();
            IReadOnlyList<string> head = [words[^1]];
            string phrase = string.Concat(words);
            if (r > 0 && runs[r - 1].JoinsNext)
            {
                modifiers.AddRange(runs[r - 1].Words.Where(IsContent));
                phrase = string.Concat(runs[r - 1].Words) + "の" + phrase;
            }

            if (modifiers.Count > 0)
            {
                yield return (modifiers, head.Concat(words.Take(words.Count - 1)).ToList(), phrase);
            }
        }
    }

    private static bool IsContent(string word) => word.Length >= 2 && word.All(c => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u30A0' and <= '\u30FF') or '々');

    /// <summary>The analyzer terms of every indicator, measure and project name of a city (all cities for an empty name).</summary>
    private HashSet<string> Terms(string city)
    {
        Dictionary<string, HashSet<string>> byCity = s_terms.GetValue(_knowledge, _ => []);
        lock (byCity)
        {
            if (!byCity.TryGetValue(city, out HashSet<string>? terms))
            {
                terms = new HashSet<string>(StringComparer.Ordinal);
                foreach (KpiRecord kpi in _knowledge.KpisOf(city.Length == 0 ? [] : [city]).Where(k => city.Length == 0 || k.City == city))
                {
                    string names = string.Join(' ', new[] { kpi.Indicator, kpi.Project, kpi.Measure?.Title }.OfType<string>());
                    terms.UnionWith(QueryTerms.Analyze(_analyzer, IndexFields.Text, names, int.MaxValue));
                }

                foreach (ProjectRecord project in _knowledge.ProjectsOf(city.Length == 0 ? [] : [city]).Where(p => city.Length == 0 || p.City == city))
                {
                    terms.UnionWith(QueryTerms.Analyze(_analyzer, IndexFields.Text, project.Name, int.MaxValue));
                }

                byCity[city] = terms;
            }

            return terms;
        }
    }
}
