using System.Net;
using System.Net.Http.Headers;
using StrategyAssistant.Bot.Connector;
using StrategyAssistant.Bot.Tests.Infrastructure;

namespace StrategyAssistant.Bot.Tests;

/// <summary>Outbound retries: 429 / 412 / 502 / 504 are retried with backoff and Retry-After; other failures are not.</summary>
public sealed class ConnectorRetryTests
{
    private const string Question = "芦別市の移住者数の目標は？";

    [Fact]
    public async Task Throttling_and_gateway_errors_are_retried_after_the_delay_and_the_reply_arrives_once()
    {
        await using FakeConnector connector = await FakeConnector.StartAsync();
        await using BotTestHost host = await BotTestHost.StartAsync(new Dictionary<string, string?>(), environment: "Development");
        connector.Failures.Enqueue((429, "1"));
        connector.Failures.Enqueue((412, null));
        connector.Failures.Enqueue((502, null));

        string conversation = "a:retry-" + Guid.NewGuid().ToString("N");
        using HttpResponseMessage response = await Activities.PostAsync(host.Client, Activities.Message(connector.ServiceUrl, conversation, Question), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await connector.WaitForMessagesAsync(conversation);

        ReceivedActivity[] attempts = [.. connector.Received.Where(r => r.ConversationId == conversation && r.Type == "message")];
        Assert.Equal([429, 412, 502, 200], attempts.Select(a => a.Status));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(900), "the 429's Retry-After: 1 was honoured");
        Assert.Single(connector.MessagesFor(conversation));
    }

    [Fact]
    public async Task A_403_is_not_retried_and_the_worker_keeps_going()
    {
        await using FakeConnector connector = await FakeConnector.StartAsync();
        await using BotTestHost host = await BotTestHost.StartAsync(new Dictionary<string, string?>(), environment: "Development");
        connector.Failures.Enqueue((403, null));

        string blocked = "a:blocked-" + Guid.NewGuid().ToString("N");
        using HttpResponseMessage first = await Activities.PostAsync(host.Client, Activities.Message(connector.ServiceUrl, blocked, Question), null);
        await Wait.UntilAsync(() => connector.Received.Any(r => r.ConversationId == blocked && r.Status == 403), "the 403");

        string next = "a:next-" + Guid.NewGuid().ToString("N");
        using HttpResponseMessage second = await Activities.PostAsync(host.Client, Activities.Message(connector.ServiceUrl, next, Question), null);
        await connector.WaitForMessagesAsync(next);
        Assert.Single(connector.Received, r => r.ConversationId == blocked && r.Type == "message");
    }

    [Fact]
    public void Retry_delay_grows_honours_Retry_After_and_stays_within_bounds()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new BotOptions { RetryMinDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromSeconds(20) });
        using var http = new HttpClient();
        var client = new HttpConnectorClient(http, new NoToken(), options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<HttpConnectorClient>.Instance);
        for (int attempt = 0; attempt < 6; attempt++)
        {
            TimeSpan delay = client.RetryDelay(attempt, null);
            Assert.InRange(delay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
            Assert.InRange(delay.TotalSeconds, Math.Min(20, 2 * Math.Pow(2, attempt) * 0.8) - 0.001, Math.Min(20, 2 * Math.Pow(2, attempt) * 1.2) + 0.001);
        }

        Assert.Equal(TimeSpan.FromSeconds(7), client.RetryDelay(0, new RetryConditionHeaderValue(TimeSpan.FromSeconds(7))));
        Assert.Equal(TimeSpan.FromSeconds(20), client.RetryDelay(0, new RetryConditionHeaderValue(TimeSpan.FromSeconds(600))));
    }

    [Fact]
    public void Reply_urls_trim_the_trailing_slash_and_escape_the_ids()
    {
        Uri uri = HttpConnectorClient.BuildUri("https://smba.trafficmanager.net/amer/", "19:abc@thread.tacv2;messageid=123", "1:xyz");
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D123/activities/1%3Axyz", uri.AbsoluteUri);
        Assert.Equal("https://smba.trafficmanager.net/teams/v3/conversations/a%3A1/activities", HttpConnectorClient.BuildUri("https://smba.trafficmanager.net/teams", "a:1", null).AbsoluteUri);
    }

    private sealed class NoToken : IConnectorTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }
}
