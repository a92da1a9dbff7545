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

/// <summary>The HTTP connector client: bearer token when configured, logs the <c>X-Correlating-OperationId</c>. Retries, the
/// per-attempt timeout, the circuit breaker and the overall send deadline are the HttpClient's resilience pipeline
/// (<see cref="ConnectorResilience"/>).</summary>
public sealed partial class HttpConnectorClient : IConnectorClient
{
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
        string? token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(ActivityJson.Serialize(activity))) };
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
        catch (Exception ex) when (ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ConnectorException($"POST {uri.GetLeftPart(UriPartial.Path)} failed: {ex.Message}", null, ex);
        }

        using (response)
        {
            string correlation = ConnectorResilience.Correlation(response);
            if (response.IsSuccessStatusCode)
            {
                LogSent(_logger, activity.Type, (int)response.StatusCode, correlation);
                string json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                return ParseResourceResponse(json);
            }

            string error = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            LogFailed(_logger, activity.Type, (int)response.StatusCode, correlation, Truncate(error, 500));
            throw new ConnectorException($"The connector answered {(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(error, 200)}", response.StatusCode);
        }
    }

    /// <summary>The delay before retry <paramref name="attempt"/> (see <see cref="ConnectorResilience.Delay"/>).</summary>
    internal TimeSpan RetryDelay(int attempt, RetryConditionHeaderValue? retryAfter) => ConnectorResilience.Delay(_options, _time, attempt, retryAfter);

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
    internal static partial void LogRetry(ILogger logger, int status, string correlation, double delayMs, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending a {Type} activity failed: {Status} (X-Correlating-OperationId {Correlation}) {Error}")]
    private static partial void LogFailed(ILogger logger, string? type, int status, string correlation, string error);
}
