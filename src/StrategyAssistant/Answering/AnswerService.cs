using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StrategyAssistant.Documents;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering;

/// <summary>The offline answer path: understands the question, retrieves passages and records, and composes a cited answer.</summary>
public sealed class AnswerService : IAnswerService
{
    public const string NotFoundText = "資料には該当する記述が見つかりませんでした。";

    /// <summary>Below this share of the question's (IDF-weighted) terms, a passage is noise, not an answer.</summary>
    private const double MinCoverage = 0.3;

    private readonly CorpusIndexProvider _corpus;
    private readonly IOptions<StrategyAssistantOptions> _options;
    private readonly ILogger<AnswerService> _logger;

    public AnswerService(CorpusIndexProvider corpus, IOptions<StrategyAssistantOptions> options, ILogger<AnswerService> logger)
    {
        _corpus = corpus;
        _options = options;
        _logger = logger;
    }

    public async Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken = default)
    {
        string text = QuestionText.Normalize(question);
        if (text.Length == 0)
        {
            return new Answer { Question = question ?? string.Empty, Text = "質問を入力してください。", Found = false };
        }

        int max = _options.Value.MaxQuestionLength;
        if (text.Length > max)
        {
            return new Answer
            {
                Question = Shorten(text, 80),
                Text = $"質問が長すぎます（{text.Length:N0}文字）。{max:N0}文字以内で、知りたい指標や事業を具体的にお尋ねください。",
                Found = false,
            };
        }

        CorpusIndex index = await _corpus.GetAsync(cancellationToken);
        IReadOnlyList<string> cities = MentionedCities(text, index.Knowledge.Corpus.Cities);
        IReadOnlyList<ScoredHit> hits = index.Retriever.Search(new SearchRequest(text, [IndexFields.KindPassage], cities, Count: 10));
        var relevant = hits.Where(h => h.Coverage >= MinCoverage).Take(_options.Value.MaxPassages).ToList();
        _logger.LogDebug("Question {Question}: {Hits} hits, best coverage {Coverage:F2}.", Shorten(text, 80), hits.Count, hits.Count > 0 ? hits.Max(h => h.Coverage) : 0);
        if (relevant.Count == 0)
        {
            return new Answer { Question = question, Text = NotFoundText, Found = false };
        }

        var citations = new List<Citation>();
        var lines = new List<string> { "資料の該当箇所です。" };
        IReadOnlyList<string> terms = QueryTerms.Analyze(index.Index.Analyzer, IndexFields.Text, text);
        foreach (ScoredHit hit in relevant)
        {
            Passage passage = index.Knowledge.FindPassage(hit.Hit.Id)!;
            Citation citation = PassageQuote.Best(index.Knowledge.Document(passage.File), passage, terms, index.Index.Analyzer);
            citations.Add(citation);
            lines.Add($"[{citations.Count}] {Shorten(citation.Quote.Replace('\n', ' ').Replace('\t', ' '), 240)}");
        }

        return new Answer { Question = question, Text = string.Join('\n', lines), Citations = citations };
    }

    /// <summary>The corpus cities a question names, with or without 市 (旭川 / 旭川市).</summary>
    internal static IReadOnlyList<string> MentionedCities(string text, IEnumerable<string> cities) =>
        [.. cities.Where(city => text.Contains(city.TrimEnd('市', '町', '村'), StringComparison.Ordinal))];

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
