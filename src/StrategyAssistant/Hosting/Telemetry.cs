using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StrategyAssistant.Hosting;

/// <summary>The assistant's one <see cref="ActivitySource"/> and <see cref="Meter"/> (both named <see cref="Name"/>), for every
/// part to use: spans for question analysis, retrieval, composition, grounding, the model call and the connector send;
/// metrics for answer latency, grounding failures, abstentions and fallbacks. Exporters are chosen by the host
/// (<c>Telemetry:Exporter</c>); with none, starting a span costs a null check.</summary>
public static class Telemetry
{
    public const string Name = "StrategyAssistant";

    public static ActivitySource Source { get; } = new(Name, typeof(Telemetry).Assembly.GetName().Version?.ToString());

    public static Meter Meter { get; } = new(Name, typeof(Telemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Time to answer one question, in milliseconds, tagged with the host and the answer's mode.</summary>
    public static Histogram<double> AnswerLatency { get; } = Meter.CreateHistogram<double>("strategy_assistant.answer.duration", "ms", "Time to answer one question");

    /// <summary>Answers (offline or model) whose text failed the grounding check.</summary>
    public static Counter<long> GroundingFailures { get; } = Meter.CreateCounter<long>("strategy_assistant.grounding.failures", description: "Answers that failed the grounding check");

    /// <summary>Answers that said the documents hold no answer.</summary>
    public static Counter<long> Abstentions { get; } = Meter.CreateCounter<long>("strategy_assistant.answer.abstentions", description: "Answers that found nothing in the documents");

    /// <summary>Model answers replaced by the offline answer (model failure, deadline, grounding).</summary>
    public static Counter<long> Fallbacks { get; } = Meter.CreateCounter<long>("strategy_assistant.answer.fallbacks", description: "Model answers replaced by the offline answer");

    /// <summary>Span names, so exporters and tests agree on them.</summary>
    public static class Spans
    {
        public const string Answer = "answer";
        public const string QuestionAnalysis = "question-analysis";
        public const string Retrieval = "retrieval";
        public const string Composition = "composition";
        public const string Grounding = "grounding";
        public const string ModelCall = "model-call";
        public const string ConnectorSend = "connector-send";
    }

    /// <summary>Records one answered question: latency, and an abstention when nothing was found.</summary>
    public static void RecordAnswer(string host, TimeSpan elapsed, bool found, bool model)
    {
        var tags = new TagList { { "host", host }, { "mode", model ? "model" : "offline" } };
        AnswerLatency.Record(elapsed.TotalMilliseconds, tags);
        if (!found)
        {
            Abstentions.Add(1, tags);
        }
    }
}
