using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Answering.Model;
using StrategyAssistant.Hosting;
using StrategyAssistant.Ingestion;

namespace StrategyAssistant.Tests.Answering;

/// <summary>The model path over a real HTTP exchange with a scripted OpenAI-compatible server on 127.0.0.1.</summary>
public sealed class ModelAnswerServiceTests : IAsyncLifetime
{
    private const string Question = "芦別市の移住者数の目標は？";
    private readonly string _indexFolder = Directory.CreateTempSubdirectory("sa-model-").FullName;
    private ScriptedChatServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedChatServer.StartAsync();
        _services = Build(timeoutSeconds: 5, retries: 1);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
        Directory.Delete(_indexFolder, recursive: true);
    }

    [Fact]
    public async Task A_grounded_model_answer_is_returned_in_model_mode()
    {
        _server.ReplyText("芦別市の移住者数の目標は 40人（R6）です [1]。");

        Answer answer = await Answers.AnswerAsync(Question);

        Assert.Equal(AnswerMode.Model, answer.Mode);
        Assert.Equal("芦別市の移住者数の目標は 40人（R6）です [1]。", answer.Text);
        Assert.Contains(answer.Citations, c => c.Covers("004_62fb755ce21c91b3.txt", 118));
        string prompt = _server.Requests.Single().ToJsonString(AnswerJson.Options);
        Assert.Contains("移住者数 40人", prompt, StringComparison.Ordinal);
        Assert.Contains("004_62fb755ce21c91b3.txt", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_figure_not_in_the_sources_is_rejected_and_the_offline_answer_shown()
    {
        _server.ReplyText("芦別市の移住者数の目標は 55人です [1]。");

        Answer answer = await Answers.AnswerAsync(Question);

        Assert.Equal(AnswerMode.Offline, answer.Mode);
        Assert.DoesNotContain("55人", answer.Text, StringComparison.Ordinal);
        Assert.Contains("40人", answer.Text, StringComparison.Ordinal);
        Assert.Contains(ModelAnswerService.FallbackNotice, answer.Notes);
    }

    [Fact]
    public async Task A_tool_call_round_trip_reaches_the_plugin_and_its_sources_are_cited()
    {
        _server.ReplyToolCall("strategy-search_passages", new { query = "ふるさと納税 寄附件数", city = "芦別市" });
        _server.ReplyText(request =>
        {
            // The second request carries the plugin's result; cite the source number it gave.
            JsonNode tool = request["messages"]!.AsArray().Last(m => (string?)m!["role"] == "tool")!;
            JsonArray results = JsonNode.Parse((string)tool["content"]!)!.AsArray();
            JsonNode hit = results.First(r => ((string)r!["quote"]!).Contains("35,000件", StringComparison.Ordinal))!;
            return $"ふるさと納税の寄附件数の目標は 35,000件です [{(int)hit["source"]!}]。";
        });

        Answer answer = await Answers.AnswerAsync("芦別市のふるさと納税の寄附件数の目標は？");

        Assert.Equal(AnswerMode.Model, answer.Mode);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains("35,000件", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.File == "004_62fb755ce21c91b3.txt" && c.Quote.Contains("35,000件", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_timeout_falls_back_to_the_offline_answer()
    {
        await using ServiceProvider services = Build(timeoutSeconds: 1, retries: 0);
        _server.ReplyAfter(TimeSpan.FromSeconds(4), "遅すぎる回答 40人 [1]");

        Answer answer = await services.GetRequiredService<IAnswerService>().AnswerAsync(Question);

        Assert.Equal(AnswerMode.Offline, answer.Mode);
        Assert.Contains("40人", answer.Text, StringComparison.Ordinal);
        Assert.Contains(ModelAnswerService.FallbackNotice, answer.Notes);
    }

    [Fact]
    public async Task A_500_is_retried_then_falls_back()
    {
        _server.ReplyStatus(500);
        _server.ReplyStatus(500);

        Answer answer = await Answers.AnswerAsync(Question);

        Assert.Equal(AnswerMode.Offline, answer.Mode);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains(ModelAnswerService.FallbackNotice, answer.Notes);
    }

    [Fact]
    public async Task A_transient_500_then_success_is_a_model_answer()
    {
        _server.ReplyStatus(503);
        _server.ReplyText("目標は 40人 です [1]。");

        Answer answer = await Answers.AnswerAsync(Question);

        Assert.Equal(AnswerMode.Model, answer.Mode);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_streamed_answer_arrives_sentence_by_sentence_and_ends_with_the_checked_answer()
    {
        _server.ReplyStream("芦別市の", "移住者数の目標は", " 40人 です [1]。");
        var pieces = new List<string>();
        Answer? final = null;

        await foreach (AnswerChunk chunk in _services.GetRequiredService<IStreamingAnswerService>().StreamAsync(Question))
        {
            if (chunk.Text is not null)
            {
                pieces.Add(chunk.Text);
            }

            final = chunk.Final ?? final;
        }

        // Only verified sentences are shown: the three pieces arrive as the one sentence they make.
        Assert.Equal(["芦別市の移住者数の目標は 40人 です [1]。"], pieces);
        Assert.NotNull(final);
        Assert.Equal(AnswerMode.Model, final.Mode);
        Assert.True(_server.Requests.Single()["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Questions_the_documents_cannot_answer_never_reach_the_model()
    {
        Answer answer = await Answers.AnswerAsync("札幌市の地下鉄の予算は？");

        Assert.False(answer.Found);
        Assert.Empty(_server.Requests);
    }

    private IAnswerService Answers => _services.GetRequiredService<IAnswerService>();

    private ServiceProvider Build(int timeoutSeconds, int retries)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StrategyAssistant:DocumentsPath"] = TestCorpus.DocumentsDirectory,
                ["StrategyAssistant:IndexPath"] = Path.Combine(_indexFolder, "lucene"),
                ["StrategyAssistant:Model:Endpoint"] = _server.Endpoint,
                ["StrategyAssistant:Model:ModelId"] = "test-model",
                ["StrategyAssistant:Model:ApiKey"] = "test-key",
                ["StrategyAssistant:Model:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["StrategyAssistant:Model:MaxRetries"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["StrategyAssistant:Model:PromptsPath"] = Path.Combine(TestCorpus.RepositoryRoot, "prompts"),
            })
            .Build();
        return new ServiceCollection().AddLogging().AddStrategyAssistant(configuration).AddStrategyAssistantIngestion(configuration).BuildServiceProvider();
    }
}
