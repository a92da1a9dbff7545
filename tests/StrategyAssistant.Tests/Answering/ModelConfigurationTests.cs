using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StrategyAssistant.Answering;
using StrategyAssistant.Answering.Model;
using StrategyAssistant.Hosting;
using StrategyAssistant.Ingestion;

namespace StrategyAssistant.Tests.Answering;

/// <summary>The model endpoint chosen by configuration: Azure OpenAI (endpoint + deployment + key) over its own wire format,
/// the Kernel built once, the circuit breaker, and settings refused with a clear message.</summary>
public sealed class ModelConfigurationTests : IAsyncLifetime
{
    private static readonly string s_indexFolder = Directory.CreateTempSubdirectory("sa-model-config-").FullName;
    private ScriptedChatServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedChatServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Azure_OpenAI_is_called_at_its_deployment_with_its_api_key_header()
    {
        await using ServiceProvider services = Build(new()
        {
            ["StrategyAssistant:Model:Provider"] = "azure",
            ["StrategyAssistant:Model:Endpoint"] = _server.AzureEndpoint,
            ["StrategyAssistant:Model:Deployment"] = "strategy-gpt",
            ["StrategyAssistant:Model:ApiKey"] = "azure-test-key",
            ["StrategyAssistant:Model:ApiVersion"] = "2024-10-21",
        });
        _server.ReplyText("芦別市の移住者数の目標は 40人（R6）です [1]。");

        Answer answer = await services.GetRequiredService<IAnswerService>().AnswerAsync(GroundingAttacks.Question);

        Assert.Equal(AnswerMode.Model, answer.Mode);
        (string path, string? apiKey, string? authorization) = Assert.Single(_server.Calls);
        Assert.StartsWith("/openai/deployments/strategy-gpt/chat/completions?api-version=2024-10-21", path, StringComparison.Ordinal);
        Assert.Equal("azure-test-key", apiKey);
        Assert.Null(authorization);
    }

    [Fact]
    public async Task The_kernel_is_built_once_and_shared_by_every_answer()
    {
        await using ServiceProvider services = Build(OpenAi());
        _server.ReplyText("芦別市の移住者数の目標は 40人（R6）です [1]。");
        _server.ReplyText("芦別市の移住者数の目標は 40人（R6）です [1]。");
        var kernel = services.GetRequiredService<ModelKernel>();

        Answer first = await services.GetRequiredService<IAnswerService>().AnswerAsync(GroundingAttacks.Question);
        Answer second = await services.GetRequiredService<IAnswerService>().AnswerAsync(GroundingAttacks.Question);

        Assert.Equal([AnswerMode.Model, AnswerMode.Model], new[] { first.Mode, second.Mode });
        Assert.Same(kernel.Kernel, services.GetRequiredService<ModelKernel>().Kernel);
        Assert.Empty(kernel.Kernel!.Plugins);
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_answers_are_offline_without_calling_the_endpoint()
    {
        Dictionary<string, string?> settings = OpenAi();
        settings["StrategyAssistant:Model:MaxRetries"] = "1";
        await using ServiceProvider services = Build(settings);
        for (int i = 0; i < 4; i++)
        {
            _server.ReplyStatus(503);
        }

        IAnswerService answers = services.GetRequiredService<IAnswerService>();
        Assert.Equal(AnswerMode.Offline, (await answers.AnswerAsync(GroundingAttacks.Question)).Mode);
        Assert.Equal(AnswerMode.Offline, (await answers.AnswerAsync(GroundingAttacks.Question)).Mode);
        int calls = _server.Requests.Count;
        _server.ReplyText("芦別市の移住者数の目標は 40人（R6）です [1]。");

        Answer broken = await answers.AnswerAsync(GroundingAttacks.Question);

        Assert.Equal(4, calls);
        Assert.Equal(calls, _server.Requests.Count);
        Assert.Equal(AnswerMode.Offline, broken.Mode);
        Assert.Contains(ModelAnswerService.FallbackNotice, broken.Notes);
    }

    [Theory]
    [InlineData("StrategyAssistant:Model:Provider", "bedrock")]
    [InlineData("StrategyAssistant:Model:DeadlineSeconds", "0")]
    [InlineData("StrategyAssistant:Model:MaxRetries", "-1")]
    public void Invalid_settings_are_refused_with_a_message(string key, string value)
    {
        Dictionary<string, string?> settings = OpenAi();
        settings[key] = value;
        using ServiceProvider services = Build(settings);

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ModelOptions>>().Value);
        string message = string.Join(" ", error.Failures);
        Assert.Contains("StrategyAssistant:Model", message, StringComparison.Ordinal);
        Assert.Contains(key.Split(':')[^1], message, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_is_chosen_by_a_deployment_and_needs_no_model_id()
    {
        var options = new ModelOptions { Endpoint = "https://example.openai.azure.com/", Deployment = "gpt" };
        Assert.True(options.IsAzure);
        Assert.True(options.IsConfigured);
        Assert.False(new ModelOptions { Endpoint = "http://127.0.0.1:1/v1" }.IsConfigured);
    }

    private Dictionary<string, string?> OpenAi() => new()
    {
        ["StrategyAssistant:Model:Endpoint"] = _server.Endpoint,
        ["StrategyAssistant:Model:ModelId"] = "test-model",
        ["StrategyAssistant:Model:ApiKey"] = "test-key",
    };

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["StrategyAssistant:DocumentsPath"] = TestCorpus.DocumentsDirectory;
        settings["StrategyAssistant:IndexPath"] = Path.Combine(s_indexFolder, "lucene");
        settings["StrategyAssistant:Model:PromptsPath"] = Path.Combine(TestCorpus.RepositoryRoot, "prompts");
        settings.TryAdd("StrategyAssistant:Model:RetryDelayMilliseconds", "20");
        settings.TryAdd("StrategyAssistant:Model:DeadlineSeconds", "10");
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddStrategyAssistant(configuration).AddStrategyAssistantIngestion(configuration).BuildServiceProvider();
    }
}
