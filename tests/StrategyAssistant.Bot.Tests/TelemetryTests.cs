using System.Diagnostics;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using StrategyAssistant.Answering;
using StrategyAssistant.Bot.Tests.Infrastructure;
using StrategyAssistant.Hosting;

namespace StrategyAssistant.Bot.Tests;

/// <summary>Spans and metrics reach an exporter: the OpenTelemetry in-memory exporter, registered through the same
/// <see cref="ServiceDefaults.AddStrategyAssistantTelemetry"/> the hosts use.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Answering_through_the_web_endpoint_emits_the_pipeline_spans_and_the_latency_metric()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using BotTestHost host = await BotTestHost.StartAsync(new Dictionary<string, string?>(), services: services => services.AddStrategyAssistantTelemetry(
            new ConfigurationBuilder().Build(), tracing => tracing.AddInMemoryExporter(spans), metering => metering.AddInMemoryExporter(metrics)));

        using HttpResponseMessage response = await host.Client.PostAsync(new Uri("api/ask", UriKind.Relative),
            new StringContent("{\"question\": \"芦別市の移住者数の目標は？\"}", System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        using HttpResponseMessage none = await host.Client.PostAsync(new Uri("api/ask", UriKind.Relative),
            new StringContent("{\"question\": \"北見市の観光客数は？\"}", System.Text.Encoding.UTF8, "application/json"));

        host.Get<TracerProvider>().ForceFlush();
        host.Get<MeterProvider>().ForceFlush();
        string[] names = [.. spans.Select(s => s.DisplayName)];
        foreach (string expected in new[] { Telemetry.Spans.Answer, Telemetry.Spans.QuestionAnalysis, Telemetry.Spans.Retrieval, Telemetry.Spans.Composition, Telemetry.Spans.Grounding })
        {
            Assert.Contains(expected, names);
        }

        Activity answer = spans.First(s => s.DisplayName == Telemetry.Spans.Answer);
        Assert.Contains(spans, s => s.DisplayName == Telemetry.Spans.Retrieval && s.ParentSpanId == answer.SpanId);
        Assert.Contains(metrics, m => m.Name == "strategy_assistant.answer.duration");
    }
}
