using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StrategyAssistant.Answering;
using StrategyAssistant.Bot.Protocol;

namespace StrategyAssistant.Bot.WebChat;

/// <summary><c>POST /api/ask</c> with <c>{"question": "…"}</c>: the answer as exactly the JSON of <c>ask --json</c>.</summary>
public static class AskEndpoint
{
    public const int MaxBodyBytes = 16 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext context, IAnswerService answers, IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(options);
        byte[]? body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "The request body is too large.");
        }

        string? question;
        try
        {
            question = JsonNode.Parse(body) is JsonObject o && o["question"] is JsonValue v && v.TryGetValue(out string? q) ? q : null;
        }
        catch (JsonException)
        {
            return Error(StatusCodes.Status400BadRequest, "The body must be JSON: {\"question\": \"…\"}.");
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

        Answer answer = await answers.AnswerAsync(question, context.RequestAborted).ConfigureAwait(false);
        return Results.Text(AnswerJson.Serialize(answer), "application/json; charset=utf-8");
    }

    private static IResult Error(int status, string message) =>
        Results.Text(new JsonObject { ["error"] = message }.ToJsonString(AnswerJson.Options), "application/json; charset=utf-8", statusCode: status);
}
