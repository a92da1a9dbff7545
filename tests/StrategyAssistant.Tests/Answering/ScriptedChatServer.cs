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
    private readonly ConcurrentQueue<(string Path, string? ApiKey, string? Authorization)> _calls = new();

    private ScriptedChatServer(WebApplication app) => _app = app;

    public string Endpoint => _app.Urls.First() + "/v1";

    public IReadOnlyList<JsonNode> Requests => [.. _requests];

    /// <summary>Each request's path and query, <c>api-key</c> header and <c>Authorization</c> header.</summary>
    public IReadOnlyList<(string Path, string? ApiKey, string? Authorization)> Calls => [.. _calls];

    /// <summary>The resource endpoint for the Azure OpenAI wire format (<c>/openai/deployments/{name}/chat/completions</c>).</summary>
    public string AzureEndpoint => _app.Urls.First() + "/";

    public static async Task<ScriptedChatServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var server = new ScriptedChatServer(app);
        async Task Handle(HttpContext context)
        {
            server._calls.Enqueue((context.Request.Path + context.Request.QueryString, context.Request.Headers["api-key"].FirstOrDefault(), context.Request.Headers.Authorization.FirstOrDefault()));
            JsonNode body = (await JsonNode.ParseAsync(context.Request.Body))!;
            server._requests.Enqueue(body);
            if (!server._script.TryDequeue(out Func<JsonNode, HttpContext, Task>? reply))
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("{\"error\":{\"message\":\"script exhausted\"}}");
                return;
            }

            await reply(body, context);
        }

        app.MapPost("/v1/chat/completions", Handle);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", Handle);
        app.MapPost("/openai/v1/chat/completions", Handle);
        await app.StartAsync();
        return server;
    }

    /// <summary>Replies with an assistant message.</summary>
    /// <summary>Replies with an assistant message (as a stream of small pieces when the request asks for a stream).</summary>
    public void ReplyText(string content) => _script.Enqueue((body, context) => WriteText(body, context, content));

    /// <summary>Replies with a text computed from the request (e.g. from a tool result it carries).</summary>
    public void ReplyText(Func<JsonNode, string> content) => _script.Enqueue((body, context) => WriteText(body, context, content(body)));

    /// <summary>Replies with one tool call (streamed as one tool-call delta when the request asks for a stream).</summary>
    public void ReplyToolCall(string function, object arguments) => _script.Enqueue((body, context) => IsStream(body)
        ? WriteEvents(context, [Chunk(new JsonObject
        {
            ["role"] = "assistant",
            ["tool_calls"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["id"] = "call_1",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = function, ["arguments"] = JsonSerializer.Serialize(arguments) },
            }),
        }, null), Chunk(new JsonObject(), "tool_calls")])
        : WriteJson(context, Completion(new JsonObject
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

    /// <summary>Sends the headers and the first bytes of the body, then stalls until the client gives up.</summary>
    public void ReplyStalled() => _script.Enqueue(async (body, context) =>
    {
        context.Response.ContentType = IsStream(body) ? "text/event-stream" : "application/json";
        await context.Response.WriteAsync(IsStream(body) ? "data: " + Chunk(new JsonObject { ["content"] = "芦別市の" }, null).ToJsonString() + "\n\n" : "{\"id\":\"chatcmpl-test\",");
        await context.Response.Body.FlushAsync();
        await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
    });

    /// <summary>Sends the start of the answer (as a stream, or as a truncated JSON body), then drops the connection.</summary>
    public void ReplyCut(params string[] pieces) => _script.Enqueue(async (body, context) =>
    {
        if (IsStream(body))
        {
            context.Response.ContentType = "text/event-stream";
            foreach (string piece in pieces)
            {
                await context.Response.WriteAsync("data: " + Chunk(new JsonObject { ["content"] = piece }, null).ToJsonString() + "\n\n");
                await context.Response.Body.FlushAsync();
            }
        }
        else
        {
            context.Response.ContentType = "application/json";
            string json = Completion(new JsonObject { ["role"] = "assistant", ["content"] = string.Concat(pieces) }, "stop").ToJsonString();
            await context.Response.WriteAsync(json[..(json.Length / 2)]);
            await context.Response.Body.FlushAsync();
        }

        context.Abort();
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

    private static bool IsStream(JsonNode body) => body["stream"] is JsonValue v && v.TryGetValue(out bool stream) && stream;

    private static Task WriteText(JsonNode body, HttpContext context, string content)
    {
        if (!IsStream(body))
        {
            return WriteJson(context, Completion(new JsonObject { ["role"] = "assistant", ["content"] = content }, "stop"));
        }

        var chunks = new List<JsonObject>();
        for (int i = 0; i < content.Length; i += 4)
        {
            chunks.Add(Chunk(new JsonObject { ["content"] = content.Substring(i, Math.Min(4, content.Length - i)) }, null));
        }

        chunks.Add(Chunk(new JsonObject(), "stop"));
        return WriteEvents(context, chunks);
    }

    private static async Task WriteEvents(HttpContext context, IEnumerable<JsonObject> chunks)
    {
        context.Response.ContentType = "text/event-stream";
        foreach (JsonObject chunk in chunks)
        {
            await context.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n");
            await context.Response.Body.FlushAsync();
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static JsonObject Chunk(JsonObject delta, string? finishReason) => new()
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = "test-model",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    };

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
