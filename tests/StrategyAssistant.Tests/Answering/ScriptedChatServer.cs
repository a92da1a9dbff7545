using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StrategyAssistant.Tests.Answering;

/// <summary>A real OpenAI-compatible chat completions server on 127.0.0.1, answering each request with the next scripted
/// reply. It records every request body so tests can see what the client sent (tool results, prompts).</summary>
public sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<JsonNode, HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<JsonNode> _requests = new();

    private ScriptedChatServer(WebApplication app) => _app = app;

    public string Endpoint => _app.Urls.First() + "/v1";

    public IReadOnlyList<JsonNode> Requests => [.. _requests];

    public static async Task<ScriptedChatServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var server = new ScriptedChatServer(app);
        app.MapPost("/v1/chat/completions", async context =>
        {
            JsonNode body = (await JsonNode.ParseAsync(context.Request.Body))!;
            server._requests.Enqueue(body);
            if (!server._script.TryDequeue(out Func<JsonNode, HttpContext, Task>? reply))
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("{\"error\":{\"message\":\"script exhausted\"}}");
                return;
            }

            await reply(body, context);
        });
        await app.StartAsync();
        return server;
    }

    /// <summary>Replies with an assistant message.</summary>
    public void ReplyText(string content) => _script.Enqueue((_, context) => WriteJson(context, Completion(new JsonObject { ["role"] = "assistant", ["content"] = content }, "stop")));

    /// <summary>Replies with a text computed from the request (e.g. from a tool result it carries).</summary>
    public void ReplyText(Func<JsonNode, string> content) => _script.Enqueue((body, context) => WriteJson(context, Completion(new JsonObject { ["role"] = "assistant", ["content"] = content(body) }, "stop")));

    /// <summary>Replies with one tool call.</summary>
    public void ReplyToolCall(string function, object arguments) => _script.Enqueue((_, context) => WriteJson(context, Completion(new JsonObject
    {
        ["role"] = "assistant",
        ["content"] = null,
        ["tool_calls"] = new JsonArray(new JsonObject
        {
            ["id"] = "call_1",
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = function, ["arguments"] = JsonSerializer.Serialize(arguments) },
        }),
    }, "tool_calls")));

    public void ReplyStatus(int status) => _script.Enqueue(async (_, context) =>
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsync("{\"error\":{\"message\":\"scripted failure\"}}");
    });

    public void ReplyAfter(TimeSpan delay, string content) => _script.Enqueue(async (_, context) =>
    {
        await Task.Delay(delay, context.RequestAborted);
        await WriteJson(context, Completion(new JsonObject { ["role"] = "assistant", ["content"] = content }, "stop"));
    });

    /// <summary>Replies as a server-sent-events stream, one chunk per piece.</summary>
    public void ReplyStream(params string[] pieces) => _script.Enqueue(async (_, context) =>
    {
        context.Response.ContentType = "text/event-stream";
        foreach (string piece in pieces)
        {
            var chunk = new JsonObject
            {
                ["id"] = "chatcmpl-test",
                ["object"] = "chat.completion.chunk",
                ["created"] = 1_700_000_000,
                ["model"] = "test-model",
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["content"] = piece }, ["finish_reason"] = null }),
            };
            await context.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n");
            await context.Response.Body.FlushAsync();
        }

        var last = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_700_000_000,
            ["model"] = "test-model",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject(), ["finish_reason"] = "stop" }),
        };
        await context.Response.WriteAsync("data: " + last.ToJsonString() + "\n\ndata: [DONE]\n\n");
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static JsonObject Completion(JsonObject message, string finishReason) => new()
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = "test-model",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
    };

    private static Task WriteJson(HttpContext context, JsonNode json)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json.ToJsonString(), Encoding.UTF8);
    }
}
