using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StrategyAssistant.Answering;
using StrategyAssistant.Bot.Auth;
using StrategyAssistant.Bot.Feedback;
using StrategyAssistant.Stores;

namespace StrategyAssistant.Bot.Protocol;

/// <summary><c>POST /api/messages</c>: authenticate, bound and parse the body, check the serviceurl binding and the tenant,
/// de-duplicate, then queue the work and acknowledge with 200 and an empty body.</summary>
public sealed partial class MessagesEndpoint
{
    private readonly InboundAuthenticator _auth;
    private readonly BotWorkQueue _queue;
    private readonly IActivityLog _activities;
    private readonly IFeedbackStore _feedback;
    private readonly SentAnswerLog _sent;
    private readonly BotOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MessagesEndpoint> _logger;

    public MessagesEndpoint(InboundAuthenticator auth, BotWorkQueue queue, IActivityLog activities, IFeedbackStore feedback, SentAnswerLog sent, IOptions<BotOptions> options, TimeProvider time, ILogger<MessagesEndpoint> logger)
    {
        _auth = auth;
        _queue = queue;
        _activities = activities;
        _feedback = feedback;
        _sent = sent;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        InboundAuthResult auth = await _auth.AuthenticateAsync(context).ConfigureAwait(false);
        if (!auth.Succeeded)
        {
            LogUnauthorized(_logger, auth.Failure);
            return Results.Unauthorized();
        }

        byte[]? body = await RequestBody.ReadAsync(context.Request, _options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        Activity activity;
        try
        {
            activity = ActivityJson.Parse(body);
        }
        catch (JsonException ex)
        {
            LogBadRequest(_logger, ex.Message);
            return Results.BadRequest();
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return Results.BadRequest();
        }

        if (auth.Principal is not null && !string.Equals(auth.ServiceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            LogUnauthorized(_logger, "the serviceurl claim does not match the activity's serviceUrl");
            return Results.Unauthorized();
        }

        if (_options.AllowedTenants.Count > 0 && !_options.AllowedTenants.Contains(activity.TenantId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            LogTenantRefused(_logger, activity.TenantId, activity.Type);
            return Results.Ok();
        }

        return activity.Type switch
        {
            ActivityTypes.Message => await EnqueueAsync(activity, BotWorkKind.Answer, QuestionOf(activity), context.RequestAborted).ConfigureAwait(false),
            ActivityTypes.ConversationUpdate => await ConversationUpdateAsync(activity, context.RequestAborted).ConfigureAwait(false),
            ActivityTypes.Invoke => await InvokeAsync(activity, context.RequestAborted).ConfigureAwait(false),
            _ => Ignored(activity),
        };
    }

    private IResult Ignored(Activity activity)
    {
        LogIgnored(_logger, activity.Type);
        return Results.Ok();
    }

    /// <summary>The question of a message: its text without the bot's mention, or an Action.Submit's <c>value.question</c>.</summary>
    internal static string QuestionOf(Activity activity)
    {
        string text = MentionText.StripBotMention(activity.Text, activity.Entities, activity.Recipient?.Id);
        if (text.Length == 0 && activity.Value is JsonObject value && value["question"] is JsonValue q && q.TryGetValue(out string? question))
        {
            text = question.Trim();
        }

        return text;
    }

    private async Task<IResult> ConversationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        string? botId = activity.Recipient?.Id;
        if (botId is not null && activity.MembersRemoved?.Any(m => string.Equals(m.Id, botId, StringComparison.Ordinal)) == true && activity.Conversation?.Id is { } removedFrom)
        {
            _sent.Forget(removedFrom);
            return Results.Ok();
        }

        bool botAdded = botId is not null && activity.MembersAdded?.Any(m => string.Equals(m.Id, botId, StringComparison.Ordinal)) == true;
        return botAdded ? await EnqueueAsync(activity, BotWorkKind.Welcome, null, cancellationToken).ConfigureAwait(false) : Results.Ok();
    }

    private async Task<IResult> EnqueueAsync(Activity activity, BotWorkKind kind, string? question, CancellationToken cancellationToken)
    {
        if (!CanReply(activity, out string? problem))
        {
            LogBadRequest(_logger, problem);
            return Results.BadRequest();
        }

        if (kind == BotWorkKind.Answer)
        {
            if (string.IsNullOrEmpty(question))
            {
                return Results.Ok();
            }

            if (question.Length > _options.MaxQuestionLength)
            {
                question = question[.._options.MaxQuestionLength];
            }
        }

        string conversationId = activity.Conversation!.Id!;
        string activityId = activity.Id ?? string.Empty;
        // Claimed here, completed by the worker once the reply is sent (released if it fails), in the shared activity log.
        if (activityId.Length > 0 && !await _activities.TryBeginAsync(conversationId, activityId, cancellationToken).ConfigureAwait(false))
        {
            LogDuplicate(_logger, conversationId, activityId);
            return Results.Ok();
        }

        if (!_queue.TryEnqueue(new BotWorkItem(kind, activity, question)))
        {
            if (activityId.Length > 0)
            {
                await _activities.AbandonAsync(conversationId, activityId, cancellationToken).ConfigureAwait(false);
            }

            LogQueueFull(_logger);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }

    /// <summary>Only absolute https service URLs (http on loopback, for the Emulator and tests) and a conversation id.</summary>
    internal static bool CanReply(Activity activity, out string? problem)
    {
        if (activity.Conversation?.Id is not { Length: > 0 })
        {
            problem = "the activity has no conversation id";
            return false;
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out Uri? serviceUrl)
            || !(serviceUrl.Scheme == Uri.UriSchemeHttps || (serviceUrl.Scheme == Uri.UriSchemeHttp && serviceUrl.IsLoopback)))
        {
            problem = "the activity's serviceUrl is not an https URL";
            return false;
        }

        problem = null;
        return true;
    }

    private async Task<IResult> InvokeAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!string.Equals(activity.Name, "message/submitAction", StringComparison.Ordinal))
        {
            LogIgnored(_logger, $"invoke {activity.Name}");
            return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }

        JsonObject? value = activity.Value as JsonObject;
        string? actionName = Str(value?["actionName"]);
        JsonObject? actionValue = value?["actionValue"] as JsonObject;
        string? reaction = Str(actionValue?["reaction"]);
        if (!string.Equals(actionName, "feedback", StringComparison.Ordinal) || reaction is not ("like" or "dislike"))
        {
            return Results.BadRequest();
        }

        string? conversationId = activity.Conversation?.Id;
        (Answer? answer, string matchedBy) = _sent.Find(conversationId, activity.ReplyToId);
        var entry = new FeedbackEntry
        {
            ReceivedAt = _time.GetUtcNow(),
            Reaction = reaction,
            Text = FeedbackText(actionValue?["feedback"]),
            ConversationId = conversationId,
            ActivityId = activity.Id is { Length: > 0 } ? activity.Id : null,
            ReplyToId = activity.ReplyToId,
            UserAadObjectId = activity.From?.AadObjectId,
            TenantId = activity.TenantId,
            MatchedBy = matchedBy,
            Question = answer?.Question,
            Answer = answer?.Text,
            Citations = answer is null ? [] : [.. answer.Citations.Select((c, i) => new FeedbackCitation(i + 1, c.File, c.Title, c.City, c.Line, c.LineEnd, c.Quote))],
        };
        // The store is idempotent per (conversation, activity id): a re-delivery, to this instance or another, is stored once.
        // The activity counts as handled only once the entry is durable; a failed write answers 500 so the channel re-delivers.
        bool stored;
        try
        {
            stored = await _feedback.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFeedbackFailed(_logger, ex, conversationId);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        if (stored)
        {
            LogFeedback(_logger, reaction, conversationId, matchedBy);
        }
        else
        {
            LogDuplicate(_logger, conversationId ?? string.Empty, activity.Id ?? string.Empty);
        }

        // Teams wants 200 with an empty body here; it confirms to the user itself.
        return Results.Ok();
    }

    /// <summary>The feedback is a JSON string such as <c>{"feedbackText":"…"}</c>; keep the text, or the raw string if it is not JSON.</summary>
    internal static string? FeedbackText(JsonNode? feedback)
    {
        string? raw = feedback switch
        {
            JsonValue v when v.TryGetValue(out string? s) => s,
            JsonObject o => o.ToJsonString(),
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(raw) is JsonObject parsed && Str(parsed["feedbackText"]) is { } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
        }

        return raw;
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused /api/messages request: {Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bad /api/messages request: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity of type {Type} from tenant {Tenant} ignored: the tenant is not in Bot:AllowedTenants")]
    private static partial void LogTenantRefused(ILogger logger, string? tenant, string? type);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Activity of type {Type} accepted and ignored")]
    private static partial void LogIgnored(ILogger logger, string? type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-delivered activity {Activity} in conversation {Conversation} ignored")]
    private static partial void LogDuplicate(ILogger logger, string conversation, string activity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer queue is full; activity refused with 503 so the channel re-delivers it")]
    private static partial void LogQueueFull(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Feedback for conversation {Conversation} could not be stored; answered 500 so the channel re-delivers it")]
    private static partial void LogFeedbackFailed(ILogger logger, Exception ex, string? conversation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback {Reaction} stored for conversation {Conversation} (answer matched by {MatchedBy})")]
    private static partial void LogFeedback(ILogger logger, string reaction, string? conversation, string matchedBy);
}

/// <summary>Reads a request body up to a limit.</summary>
public static class RequestBody
{
    /// <summary>How much of an oversized body is read and discarded so the client reliably gets the 413 instead of a reset connection.</summary>
    public const int DrainLimit = 1024 * 1024;

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes (declared or actual). An oversized body is
    /// drained (up to <see cref="DrainLimit"/>) and the connection is marked to close.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            await DrainAsync(request, request.ContentLength.Value, cancellationToken).ConfigureAwait(false);
            return null;
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                await DrainAsync(request, null, cancellationToken).ConfigureAwait(false);
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task DrainAsync(HttpRequest request, long? declared, CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.Connection = "close";
        if (declared > DrainLimit)
        {
            return;
        }

        byte[] chunk = new byte[16 * 1024];
        long total = 0;
        int read;
        while (total <= DrainLimit && (read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }
    }
}
