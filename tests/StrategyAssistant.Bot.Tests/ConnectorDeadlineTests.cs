using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.Extensions.Options;
using StrategyAssistant.Bot.Connector;
using StrategyAssistant.Bot.Protocol;

namespace StrategyAssistant.Bot.Tests;

/// <summary>A connector that never answers costs at most the send deadline (Bot:Connector:SendTimeoutSeconds), retries
/// included, and ends in a <see cref="ConnectorException"/> the worker handles.</summary>
public sealed class ConnectorDeadlineTests
{
    [Fact]
    public async Task A_stalled_connector_fails_within_the_send_deadline()
    {
        await using WebApplication stalled = await StartStalledServerAsync();
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:Connector:SendTimeoutSeconds"] = "5",
            ["Bot:Connector:AttemptTimeoutSeconds"] = "1",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IConnectorTokenProvider, NoToken>()
            .Configure<BotOptions>(o =>
            {
                o.MaxRetries = 5;
                o.RetryMinDelay = TimeSpan.FromMilliseconds(50);
                o.RetryMaxDelay = TimeSpan.FromMilliseconds(200);
            })
            .AddBotConnectorClient(configuration);
        await using ServiceProvider provider = services.BuildServiceProvider();
        IConnectorClient client = provider.GetRequiredService<IConnectorClient>();
        var activity = new Activity { Type = "message", Text = "回答", ServiceUrl = stalled.Urls.First(), Conversation = new ConversationAccount { Id = "a:deadline" } };
        var clock = Stopwatch.StartNew();

        ConnectorException error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendAsync(activity, CancellationToken.None));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));
        Assert.Null(error.StatusCode);
        Assert.True(s_attempts >= 2, $"{s_attempts} attempts: the attempt timeout is retried");
    }

    private static int s_attempts;

    private static async Task<WebApplication> StartStalledServerAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        app.MapPost("/v3/conversations/{id}/activities", async context =>
        {
            Interlocked.Increment(ref s_attempts);
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        app.MapGet("/ping", () => "ok");
        await app.StartAsync();

        // Warm the server up, so that under load the first attempt does not time out before it reaches the handler
        // (an attempt the handler never sees is not counted).
        using var http = new HttpClient();
        await http.GetStringAsync(new Uri(new Uri(app.Urls.First()), "/ping"));
        return app;
    }

    private sealed class NoToken : IConnectorTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }
}
