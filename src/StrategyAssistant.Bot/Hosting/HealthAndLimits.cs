using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StrategyAssistant.Documents;
using StrategyAssistant.Search;

namespace StrategyAssistant.Bot.Hosting;

/// <summary>Ready when the corpus is loaded and its index open: until then <c>/readyz</c> answers 503.</summary>
public sealed class CorpusReadyHealthCheck : IHealthCheck
{
    private readonly CorpusIndexProvider _corpus;

    public CorpusReadyHealthCheck(CorpusIndexProvider corpus) => _corpus = corpus;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_corpus.IsLoaded ? HealthCheckResult.Healthy("The corpus index is loaded.") : HealthCheckResult.Unhealthy("The corpus index is not loaded yet."));
}

/// <summary>Loads the corpus index in the background at start-up (<c>Bot:WarmUpIndex</c>), so the first question is fast
/// and <c>/readyz</c> turns ready without waiting for one.</summary>
public sealed partial class IndexWarmUpGate : BackgroundService
{
    private readonly CorpusIndexProvider _corpus;
    private readonly BotOptions _options;
    private readonly ILogger<IndexWarmUpGate> _logger;

    public IndexWarmUpGate(CorpusIndexProvider corpus, IOptions<BotOptions> options, ILogger<IndexWarmUpGate> logger)
    {
        _corpus = corpus;
        _options = options.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.WarmUpIndex)
        {
            return;
        }

        try
        {
            await Task.Yield();
            await _corpus.GetAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (CorpusException ex)
        {
            LogFailed(_logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The corpus index could not be loaded: {Reason}. /readyz stays unready; every question retries.")]
    private static partial void LogFailed(ILogger logger, string reason);
}

/// <summary>Health endpoints and the per-client rate limit of <c>/api/ask</c>.</summary>
public static class HealthAndLimits
{
    public const string AskPolicy = "ask";
    public const string ReadyTag = "ready";

    public static IServiceCollection AddHealthAndLimits(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<CorpusReadyHealthCheck>("corpus-index", tags: [ReadyTag]);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(AskPolicy, context =>
            {
                BotOptions options = context.RequestServices.GetRequiredService<IOptions<BotOptions>>().Value;
                if (options.AskRateLimit <= 0)
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                string client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.AskRateLimit,
                    Window = options.AskRateWindow,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = (rejected, cancellationToken) =>
            {
                HttpResponse response = rejected.HttpContext.Response;
                TimeSpan retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan after) ? after
                    : rejected.HttpContext.RequestServices.GetRequiredService<IOptions<BotOptions>>().Value.AskRateWindow;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                response.ContentType = "application/json; charset=utf-8";
                return new ValueTask(response.WriteAsync("{\"error\":\"質問が多すぎます。しばらくしてからもう一度お試しください。\"}", cancellationToken));
            };
        });
        return services;
    }

    /// <summary><c>/healthz</c>: the process is up (no checks). <c>/readyz</c>: the corpus index is loaded.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
