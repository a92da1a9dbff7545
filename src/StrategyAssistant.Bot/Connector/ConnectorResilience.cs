using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace StrategyAssistant.Bot.Connector;

/// <summary>Bounds of a Bot Connector send, bound from <c>Bot:Connector</c>; retries and their delays are
/// <see cref="BotOptions.MaxRetries"/>, <see cref="BotOptions.RetryMinDelay"/> and <see cref="BotOptions.RetryMaxDelay"/>.</summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "Bot:Connector";

    /// <summary>The overall deadline of one send, every retry and wait included.</summary>
    public int SendTimeoutSeconds { get; set; } = 45;

    /// <summary>The timeout of one HTTP attempt.</summary>
    public int AttemptTimeoutSeconds { get; set; } = 15;
}

/// <summary>The connector's HttpClient through <see cref="IHttpClientFactory"/> with Microsoft.Extensions.Http.Resilience: an
/// overall send deadline, retries of 429 / 412 / 502 / 504, connection errors and attempt timeouts (exponential backoff with
/// jitter, at least the server's Retry-After, within <see cref="BotOptions.RetryMaxDelay"/>), a circuit breaker and a
/// per-attempt timeout.</summary>
public static class ConnectorResilience
{
    private static readonly HttpStatusCode[] s_retried = [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.GatewayTimeout];

    public static IServiceCollection AddBotConnectorClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection(ConnectorOptions.SectionName))
            .Validate(o => o.SendTimeoutSeconds > 0 && o.AttemptTimeoutSeconds > 0, "Bot:Connector timeouts must be positive.").ValidateOnStart();
        services.AddHttpClient<IConnectorClient, HttpConnectorClient>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("connector", (pipeline, context) =>
            {
                BotOptions bot = context.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value;
                ConnectorOptions connector = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
                TimeProvider time = context.ServiceProvider.GetRequiredService<TimeProvider>();
                ILogger logger = context.ServiceProvider.GetRequiredService<ILogger<HttpConnectorClient>>();
                pipeline.AddTimeout(TimeSpan.FromSeconds(connector.SendTimeoutSeconds));
                if (bot.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = bot.MaxRetries,
                        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                        DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(bot, time, args.AttemptNumber, args.Outcome.Result?.Headers.RetryAfter)),
                        OnRetry = args =>
                        {
                            HttpConnectorClient.LogRetry(logger, args.Outcome.Result is { } r ? (int)r.StatusCode : 0, Correlation(args.Outcome.Result), args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1);
                            return ValueTask.CompletedTask;
                        },
                    });
                }

                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.9,
                    MinimumThroughput = 20,
                    SamplingDuration = TimeSpan.FromSeconds(60),
                    BreakDuration = TimeSpan.FromSeconds(10),
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(connector.AttemptTimeoutSeconds));
            });
        return services;
    }

    /// <summary>Exponential backoff from <see cref="BotOptions.RetryMinDelay"/> with ±20 % jitter, at least the server's
    /// Retry-After, at most <see cref="BotOptions.RetryMaxDelay"/>.</summary>
    public static TimeSpan Delay(BotOptions options, TimeProvider time, int attempt, RetryConditionHeaderValue? retryAfter)
    {
        double baseMs = options.RetryMinDelay.TotalMilliseconds * Math.Pow(2, attempt);
        double jittered = baseMs * (0.8 + (0.4 * Random.Shared.NextDouble()));
        double serverMs = retryAfter switch
        {
            { Delta: { } delta } => delta.TotalMilliseconds,
            { Date: { } date } => (date - time.GetUtcNow()).TotalMilliseconds,
            _ => 0,
        };
        double ms = Math.Max(jittered, serverMs);
        return TimeSpan.FromMilliseconds(Math.Clamp(ms, options.RetryMinDelay.TotalMilliseconds, options.RetryMaxDelay.TotalMilliseconds));
    }

    internal static string Correlation(HttpResponseMessage? response) =>
        response is not null && response.Headers.TryGetValues("X-Correlating-OperationId", out IEnumerable<string>? values) ? string.Join(",", values) : "-";

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => Array.IndexOf(s_retried, response.StatusCode) >= 0,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        _ => false,
    };
}
