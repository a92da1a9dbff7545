using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Diagnostics;
using StrategyAssistant.Documents;
using StrategyAssistant.Hosting;
using StrategyAssistant.Search;

namespace StrategyAssistant.Answering;

/// <summary>The offline answer path: understands the question, retrieves passages and records, and composes a cited answer.</summary>
public sealed class AnswerService : IAnswerService
{
    public const string NotFoundText = OfflineComposer.NotFoundText;

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
        Question understood;
        using (Telemetry.Source.StartActivity(Telemetry.Spans.QuestionAnalysis))
        {
            understood = new QuestionReader(index.Knowledge.Corpus.Cities).Read(text);
        }

        Evidence evidence;
        using (Telemetry.Source.StartActivity(Telemetry.Spans.Retrieval))
        {
            evidence = new EvidenceFinder(index).Find(understood);
        }

        _logger.LogDebug("Question {Question}: asks {Asked}, topic {Topic}; best KPI {Kpi:F2}, project {Project:F2}, passage {Passage:F2}.",
            Shorten(text, 80), string.Join(',', understood.Asked), understood.Topic, evidence.BestKpi, evidence.BestProject, evidence.BestPassage);
        var composer = new OfflineComposer(index.Knowledge, index.Index.Analyzer, _options.Value.MaxPassages);
        Answer answer;
        using (Telemetry.Source.StartActivity(Telemetry.Spans.Composition))
        {
            answer = composer.Compose(question, understood, evidence);
        }

        GroundingResult grounding;
        using (Activity? span = Telemetry.Source.StartActivity(Telemetry.Spans.Grounding))
        {
            grounding = GroundingCheck.Check(answer, index.Knowledge, text);
            span?.SetTag("grounded", grounding.Grounded);
        }

        if (!grounding.Grounded)
        {
            Telemetry.GroundingFailures.Add(1, new KeyValuePair<string, object?>("mode", "offline"));
            // A composed figure that its own citations do not contain is a bug: log it and answer with verbatim quotes only.
            _logger.LogError("The offline answer to {Question} failed the grounding check (untraced: {Untraced}); answering with passages. Rejected: {Answer} Sources: {Sources}",
                Shorten(text, 80), string.Join(", ", grounding.Untraced), answer.Text, string.Join(" | ", answer.Citations.Select(c => $"{c}: {c.Quote}")));
            // A "not in the documents" answer stays one: only its unverified detail is dropped.
            answer = answer.Found ? composer.ComposeFromPassages(question, understood, evidence) : new Answer { Question = question, Text = OfflineComposer.NotFoundText, Found = false };
        }

        return answer;
    }

    /// <summary>How a question was read and what retrieval found, with scores: for <c>ask --explain</c>.</summary>
    public async Task<string> ExplainAsync(string question, CancellationToken cancellationToken = default)
    {
        CorpusIndex index = await _corpus.GetAsync(cancellationToken);
        Question understood = new QuestionReader(index.Knowledge.Corpus.Cities).Read(QuestionText.Normalize(question));
        Evidence evidence = new EvidenceFinder(index).Find(understood);
        var lines = new List<string>
        {
            $"cities: {string.Join(",", understood.Cities)}  other places: {string.Join(",", understood.OtherPlaces)}",
            $"years: {string.Join(", ", understood.Years.Select(y => $"{y.Text}={y}"))}  goal: {understood.GoalNumber}",
            $"asks: {string.Join(",", understood.Asked)}  answer type: {understood.Type}  all: {understood.WantsAll}  ranking: {understood.Ranking}{(understood.Top is int top ? $" top {top}" : string.Empty)}",
            $"documents mentioned (filters): {string.Join(",", understood.DocumentKinds)}",
            $"topic: {understood.Topic}  (own words: {understood.OwnTopic})",
            $"terms: {string.Join(" ", QueryTerms.Analyze(index.Index.Analyzer, IndexFields.Text, understood.OwnTopic))}  absent: {string.Join(",", evidence.AbsentTerms)} ({evidence.AbsentShare:F2})  absent in city: {string.Join(",", evidence.CityAbsentTerms)} ({evidence.CityAbsentShare:F2})",
        };
        lines.AddRange(evidence.Kpis.Take(5).Select(k => $"  kpi     {k.Coverage:F2} {k.Item.City} {k.Item.Indicator} ({k.Item.Source})"));
        lines.AddRange(evidence.Projects.Take(5).Select(p => $"  project {p.Coverage:F2} {p.Item.City} {p.Item.Name} / {p.Item.Measure} ({p.Item.Source})"));
        lines.AddRange(evidence.Passages.Take(5).Select(p => $"  passage {p.Coverage:F2} {index.Knowledge.Cite(p.Item)} {Shorten(p.Item.Text.Replace('\n', ' '), 60)}"));
        return string.Join('\n', lines);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
