using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StrategyAssistant.Bot.Protocol;

namespace StrategyAssistant.Bot.Connector;

/// <summary>Calls the Bot Connector REST API of a conversation's <c>serviceUrl</c>.</summary>
public interface IConnectorClient
{
    /// <summary>POST <c>{serviceUrl}/v3/conversations/{id}/activities/{replyToId}</c> (or <c>…/activities</c> when there is no replyToId).</summary>
    Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>The connector call failed for good (after any retries).</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    public HttpStatusCode? StatusCode { get; }
}

/// <summary>The HTTP connector client: bearer token when configured, retries on 429/412/502/504 with exponential backoff,
/// jitter and Retry-After, and logs the <c>X-Correlating-OperationId</c>.</summary>
public sealed partial class HttpConnectorClient : IConnectorClient
{
    private static readonly HttpStatusCode[] s_retried = [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.GatewayTimeout];

    private readonly HttpClient _http;
    private readonly IConnectorTokenProvider _tokens;
    private readonly BotOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<HttpConnectorClient> _logger;

    public HttpConnectorClient(HttpClient http, IConnectorTokenProvider tokens, IOptions<BotOptions> options, TimeProvider time, ILogger<HttpConnectorClient> logger)
    {
        _http = http;
        _tokens = tokens;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public static Uri BuildUri(string serviceUrl, string conversationId, string? replyToId)
    {
        string baseUrl = serviceUrl.TrimEnd('/');
        string path = $"{baseUrl}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(replyToId))
        {
            path += "/" + Uri.EscapeDataString(replyToId);
        }

        return new Uri(path, UriKind.Absolute);
    }

    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ServiceUrl is null || activity.Conversation?.Id is null)
        {
            throw new ArgumentException("The activity needs a serviceUrl and a conversation id.", nameof(activity));
        }

        Uri uri = BuildUri(activity.ServiceUrl, activity.Conversation.Id, activity.ReplyToId);
        byte[] body = Encoding.UTF8.GetBytes(ActivityJson.Serialize(activity));
        string? token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);

        for (int attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new ConnectorException($"POST {uri.GetLeftPart(UriPartial.Path)} failed: {ex.Message}", null, ex);
            }

            using (response)
            {
                string correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out IEnumerable<string>? values) ? string.Join(",", values) : "-";
                if (response.IsSuccessStatusCode)
                {
                    LogSent(_logger, activity.Type, (int)response.StatusCode, correlation);
                    string json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    return ParseResourceResponse(json);
                }

                string error = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (attempt < _options.MaxRetries && Array.IndexOf(s_retried, response.StatusCode) >= 0)
                {
                    TimeSpan delay = RetryDelay(attempt, response.Headers.RetryAfter);
                    LogRetry(_logger, (int)response.StatusCode, correlation, delay.TotalMilliseconds, attempt + 1);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                LogFailed(_logger, activity.Type, (int)response.StatusCode, correlation, Truncate(error, 500));
                throw new ConnectorException($"The connector answered {(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(error, 200)}", response.StatusCode);
            }
        }
    }

    /// <summary>Exponential backoff from <see cref="BotOptions.RetryMinDelay"/> with ±20 % jitter, at least the server's Retry-After,
    /// at most <see cref="BotOptions.RetryMaxDelay"/>.</summary>
    internal TimeSpan RetryDelay(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        double baseMs = _options.RetryMinDelay.TotalMilliseconds * Math.Pow(2, attempt);
        double jittered = baseMs * (0.8 + (0.4 * Random.Shared.NextDouble()));
        double serverMs = retryAfter switch
        {
            { Delta: { } delta } => delta.TotalMilliseconds,
            { Date: { } date } => (date - _time.GetUtcNow()).TotalMilliseconds,
            _ => 0,
        };
        double ms = Math.Max(jittered, serverMs);
        return TimeSpan.FromMilliseconds(Math.Clamp(ms, _options.RetryMinDelay.TotalMilliseconds, _options.RetryMaxDelay.TotalMilliseconds));
    }

    private static ResourceResponse ParseResourceResponse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new ResourceResponse();
        }

        try
        {
            return JsonSerializer.Deserialize<ResourceResponse>(json, ActivityJson.Options) ?? new ResourceResponse();
        }
        catch (JsonException)
        {
            return new ResourceResponse();
        }
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sent {Type} activity: {Status} (X-Correlating-OperationId {Correlation})")]
    private static partial void LogSent(ILogger logger, string? type, int status, string correlation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector answered {Status} (X-Correlating-OperationId {Correlation}); retry {Attempt} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, int status, string correlation, double delayMs, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending a {Type} activity failed: {Status} (X-Correlating-OperationId {Correlation}) {Error}")]
    private static partial void LogFailed(ILogger logger, string? type, int status, string correlation, string error);
}
