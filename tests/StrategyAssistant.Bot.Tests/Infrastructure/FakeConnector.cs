using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;


namespace StrategyAssistant.Bot.Tests.Infrastructure;

/// <summary>One request the fake Bot Connector received.</summary>
internal sealed record ReceivedActivity(string Path, string RawTarget, string? Authorization, JsonObject Body, int Status, int ByteLength, string? ResponseId, DateTime At)
{
    public string? Type => (string?)Body["type"];

    public string? ReplyToId => (string?)Body["replyToId"];

    public string? ConversationId => (string?)Body["conversation"]?["id"];
}

/// <summary>A Bot Connector on 127.0.0.1: records <c>POST {serviceUrl}v3/conversations/{id}/activities[/{activityId}]</c>,
/// answers <c>{"id": …}</c>, and can be scripted to fail first (e.g. 429 with Retry-After).</summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _next;

    private FakeConnector(WebApplication app, string baseUrl)
    {
        _app = app;
        ServiceUrl = baseUrl + "/amer/";
    }

    /// <summary>Like Teams' regional service URLs, with a path and a trailing slash.</summary>
    public string ServiceUrl { get; }

    public ConcurrentQueue<ReceivedActivity> Received { get; } = new();

    /// <summary>Responses to give to message activities before succeeding: (status, Retry-After header or null).</summary>
    public ConcurrentQueue<(int Status, string? RetryAfter)> Failures { get; } = new();

    public static async Task<FakeConnector> StartAsync()
    {
        FakeConnector? connector = null;
        (WebApplication app, string baseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/amer/v3/conversations/{conversationId}/activities/{activityId?}", async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                string json = await reader.ReadToEndAsync();
                int status = 200;
                string? retryAfter = null;
                FakeConnector self = connector!;
                bool isMessage = json.Contains("\"type\":\"message\"", StringComparison.Ordinal);
                if (isMessage && self.Failures.TryDequeue(out (int Status, string? RetryAfter) failure))
                {
                    (status, retryAfter) = failure;
                }

                string? id = status == 200 ? "bot-msg-" + Interlocked.Increment(ref self._next) : null;
                self.Received.Enqueue(new ReceivedActivity(
                    context.Request.Path.Value ?? string.Empty,
                    context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
                    context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null,
                    (JsonObject)JsonNode.Parse(json)!,
                    status,
                    System.Text.Encoding.UTF8.GetByteCount(json),
                    id,
                    DateTime.UtcNow));
                context.Response.Headers["X-Correlating-OperationId"] = Guid.NewGuid().ToString();
                if (status != 200)
                {
                    if (retryAfter is not null)
                    {
                        context.Response.Headers.RetryAfter = retryAfter;
                    }

                    return Results.Json(new { error = new { code = "Throttled", message = "scripted failure" } }, statusCode: status);
                }

                return Results.Json(new { id });
            });
        });
        connector = new FakeConnector(app, baseUrl);
        return connector;
    }

    public IReadOnlyList<ReceivedActivity> Successful => [.. Received.Where(r => r.Status == 200)];

    public IReadOnlyList<ReceivedActivity> MessagesFor(string conversationId) =>
        [.. Successful.Where(r => r.Type == "message" && r.ConversationId == conversationId)];

    public IReadOnlyList<ReceivedActivity> For(string conversationId) =>
        [.. Successful.Where(r => r.ConversationId == conversationId)];

    public Task WaitForMessagesAsync(string conversationId, int count = 1, TimeSpan? timeout = null) =>
        Wait.UntilAsync(() => MessagesFor(conversationId).Count >= count, $"{count} message(s) to conversation {conversationId}", timeout);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
