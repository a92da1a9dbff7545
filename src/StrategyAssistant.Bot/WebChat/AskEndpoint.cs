using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StrategyAssistant.Answering;
using StrategyAssistant.Bot.Protocol;
using StrategyAssistant.Bot.Replies;
using StrategyAssistant.Hosting;
using StrategyAssistant.Search;
using StrategyAssistant.Stores;

namespace StrategyAssistant.Bot.WebChat;

/// <summary><c>POST /api/ask</c> with <c>{"question": "…", "session": "…"}</c> (<c>application/json</c>; anything else is 415):
/// the JSON of <c>ask --json</c> plus, for the page, each citation's document-viewer link (<c>viewer</c>), the answer's
/// tables (<c>tables</c>) and the question as typed (<c>typed</c>; <c>question</c> is the one answered). With a <c>session</c> id (the page keeps one per browser tab), follow-ups such as 「その実績は？」
/// complete from that session's previous question.</summary>
public static class AskEndpoint
{
    public const int MaxBodyBytes = 16 * 1024;
    public const int MaxSessionLength = 64;

    public static async Task<IResult> HandleAsync(HttpContext context, IAnswerService answers, CorpusIndexProvider corpus, IConversationStore conversations, IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(conversations);
        ArgumentNullException.ThrowIfNull(options);
        if (!IsJson(context.Request.ContentType))
        {
            return Error(StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json.");
        }

        byte[]? body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "The request body is too large.");
        }

        string? question;
        string? session;
        try
        {
            JsonObject? o = JsonNode.Parse(body) as JsonObject;
            question = o?["question"] is JsonValue v && v.TryGetValue(out string? q) ? q : null;
            session = o?["session"] is JsonValue sv && sv.TryGetValue(out string? s) ? s : null;
        }
        catch (JsonException)
        {
            return Error(StatusCodes.Status400BadRequest, "The body must be JSON: {\"question\": \"…\"}.");
        }
        catch (InvalidOperationException)
        {
            return Error(StatusCodes.Status400BadRequest, "The body must be JSON: {\"question\": \"…\"}.");
        }

        if (!ValidText.IsValid(question) || !ValidText.IsValid(session))
        {
            return Error(StatusCodes.Status400BadRequest, "\"question\" holds invalid text (a lone surrogate).");
        }

        question = question?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            return Error(StatusCodes.Status400BadRequest, "\"question\" is required.");
        }

        if (question.Length > options.Value.MaxQuestionLength)
        {
            return Error(StatusCodes.Status400BadRequest, $"\"question\" is longer than {options.Value.MaxQuestionLength} characters.");
        }

        if (session is not null && (session.Length is 0 or > MaxSessionLength || !session.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return Error(StatusCodes.Status400BadRequest, $"\"session\" must be 1–{MaxSessionLength} letters, digits, '-' or '_'.");
        }

        long started = Stopwatch.GetTimestamp();
        CorpusIndex index = await corpus.GetAsync(context.RequestAborted).ConfigureAwait(false);
        string asked = question;
        ConversationState? next = null;
        if (session is not null)
        {
            ConversationState state = await conversations.GetAsync("web:" + session, context.RequestAborted).ConfigureAwait(false);
            (string resolved, next) = new Conversation(index.Knowledge.Corpus.Cities).Resolve(state, question);
            asked = Conversations.AskedAs(question, resolved);
        }

        Answer answer;
        using (Telemetry.Source.StartActivity(Telemetry.Spans.Answer))
        {
            answer = await answers.AnswerAsync(asked, context.RequestAborted).ConfigureAwait(false);
        }

        if (next is not null)
        {
            await conversations.SetAsync("web:" + session, next, context.RequestAborted).ConfigureAwait(false);
        }

        Telemetry.RecordAnswer("web", Stopwatch.GetElapsedTime(started), answer.Found, answer.Mode == AnswerMode.Model);
        JsonObject json = ToJson(answer, [.. index.Knowledge.ProjectsFrom(answer.Citations.Select(c => c.File))]);
        json["typed"] = question;
        return Results.Text(json.ToJsonString(AnswerJson.Options), "application/json; charset=utf-8");
    }

    /// <summary><see cref="AnswerJson.ToJson"/> with <c>viewer</c> on each citation (relative to the page) and <c>tables</c>.</summary>
    public static JsonObject ToJson(Answer answer, IReadOnlyList<Records.ProjectRecord>? projects)
    {
        ArgumentNullException.ThrowIfNull(answer);
        JsonObject json = AnswerJson.ToJson(answer);
        JsonArray citations = json["citations"]!.AsArray();
        for (int i = 0; i < citations.Count && i < answer.Citations.Count; i++)
        {
            citations[i]!["viewer"] = SourceLabel.ViewerPath(answer.Citations[i]);
        }

        json["tables"] = new JsonArray([.. AnswerTables.Build(answer, projects).Select(t => (JsonNode)new JsonObject
        {
            ["kind"] = t.Kind.ToString().ToLowerInvariant(),
            ["title"] = t.Title,
            ["header"] = new JsonArray([.. t.Header.Select(h => (JsonNode)JsonValue.Create(h))]),
            ["rows"] = new JsonArray([.. t.Rows.Select(r => (JsonNode)new JsonArray([.. r.Select(c => (JsonNode)JsonValue.Create(c))]))]),
            ["footer"] = t.Footer is null ? null : new JsonArray([.. t.Footer.Select(c => (JsonNode)JsonValue.Create(c))]),
            ["citations"] = new JsonArray([.. t.Citations.Select(c => (JsonNode)JsonValue.Create(c))]),
        })]);
        return json;
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out Microsoft.Net.Http.Headers.MediaTypeHeaderValue? media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || (media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) ?? false));

    private static IResult Error(int status, string message) =>
        Results.Text(new JsonObject { ["error"] = message }.ToJsonString(AnswerJson.Options), "application/json; charset=utf-8", statusCode: status);
}
