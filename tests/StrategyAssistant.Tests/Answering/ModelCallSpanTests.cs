using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Hosting;

namespace StrategyAssistant.Tests.Answering;

/// <summary>Each model answer is one <c>model-call</c> span, tagged with its outcome, beneath the caller's span (a real
/// HTTP exchange with the scripted server; spans captured by an <see cref="ActivityListener"/> on the assistant's source).</summary>
public sealed class ModelCallSpanTests : IAsyncLifetime, IDisposable
{
    private readonly string _indexFolder = Directory.CreateTempSubdirectory("sa-span-").FullName;
    private readonly ConcurrentBag<Activity> _stopped = [];
    private readonly ActivityListener _listener;
    private ScriptedChatServer _server = null!;
    private ServiceProvider _services = null!;

    public ModelCallSpanTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is Telemetry.Name or "model-call-test",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public async Task InitializeAsync()
    {
        _server = await ScriptedChatServer.StartAsync();
        _services = new ServiceCollection()
            .AddLogging()
            .AddStrategyAssistant(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StrategyAssistant:DocumentsPath"] = TestCorpus.DocumentsDirectory,
                ["StrategyAssistant:IndexPath"] = Path.Combine(_indexFolder, "lucene"),
                ["StrategyAssistant:Model:PromptsPath"] = Path.Combine(TestCorpus.RepositoryRoot, "prompts"),
                ["StrategyAssistant:Model:Endpoint"] = _server.Endpoint,
                ["StrategyAssistant:Model:ModelId"] = "scripted-model",
                ["StrategyAssistant:Model:ApiKey"] = "test-key",
                ["StrategyAssistant:Model:MaxRetries"] = "0",
            }).Build())
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
        Directory.Delete(_indexFolder, recursive: true);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task A_shown_model_answer_and_a_rejected_one_each_leave_one_model_call_span_with_their_outcome()
    {
        _server.ReplyText("芦別市の移住者数の目標は 40人（R6）です [1]。");
        _server.ReplyText("芦別市の移住者数の目標は 55人です [1]。");

        Activity shown = (await SpanOfAsync("芦別市の移住者数の目標は？"))!;
        Activity rejected = (await SpanOfAsync("芦別市の移住者数の目標は？"))!;

        Assert.Equal("model", shown.GetTagItem("strategy_assistant.outcome"));
        Assert.Equal(ActivityKind.Client, shown.Kind);
        Assert.Equal("scripted-model", shown.GetTagItem("gen_ai.request.model"));
        Assert.True((int)shown.GetTagItem("strategy_assistant.sources")! > 0);
        Assert.Equal("rejected", rejected.GetTagItem("strategy_assistant.outcome"));
        Assert.Equal(ActivityStatusCode.Error, rejected.Status);
    }

    [Fact]
    public async Task An_offline_only_question_makes_no_model_call()
    {
        Activity? span = await SpanOfAsync(string.Empty, expectOne: false);

        Assert.Null(span);
        Assert.Empty(_server.Requests);
    }

    /// <summary>The model-call span of one answer, found under a root span of this test (other tests run in parallel).</summary>
    private async Task<Activity?> SpanOfAsync(string question, bool expectOne = true)
    {
        using var source = new ActivitySource("model-call-test");
        ActivityTraceId trace;
        using (Activity root = source.StartActivity("test-root")!)
        {
            trace = root.TraceId;
            await _services.GetRequiredService<IAnswerService>().AnswerAsync(question);
        }

        Activity[] spans = [.. _stopped.Where(a => a.TraceId == trace && a.DisplayName == Telemetry.Spans.ModelCall)];
        if (expectOne)
        {
            return Assert.Single(spans);
        }

        return spans.SingleOrDefault();
    }
}
