using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using StrategyAssistant.Answering;
using StrategyAssistant.Answering.Model;
using StrategyAssistant.Search;

namespace StrategyAssistant.Hosting;

/// <summary>Registers the assistant for any host (console, bot, tests).</summary>
public static class StrategyAssistantServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IAnswerService"/> and what it needs, with <see cref="StrategyAssistantOptions"/> bound from the
    /// <c>StrategyAssistant</c> configuration section.</summary>
    public static IServiceCollection AddStrategyAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StrategyAssistantOptions>()
            .Bind(configuration.GetSection(StrategyAssistantOptions.SectionName))
            .Validate(o => o.MaxQuestionLength > 0 && o.MaxPassages > 0, "MaxQuestionLength and MaxPassages must be positive.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITextAnalysis>(sp => CreateAnalysis(sp.GetRequiredService<IOptions<StrategyAssistantOptions>>().Value.Analysis));
        services.TryAddSingleton<IndexManager>();
        services.TryAddSingleton<CorpusIndexProvider>();
        services.AddOptions<ModelOptions>()
            .Bind(configuration.GetSection(ModelOptions.SectionName))
            .Validate(o => string.IsNullOrWhiteSpace(o.Endpoint) || Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _), "StrategyAssistant:Model:Endpoint must be an absolute URL.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Provider) || o.Provider.Trim().ToLowerInvariant() is "openai" or "azure", "StrategyAssistant:Model:Provider must be openai or azure.")
            .Validate(o => o.DeadlineSeconds > 0 && o.TimeoutSeconds > 0 && o.MaxRetries >= 0 && o.RetryDelayMilliseconds >= 0 && o.BreakDurationSeconds > 0,
                "StrategyAssistant:Model: DeadlineSeconds, TimeoutSeconds and BreakDurationSeconds must be positive, MaxRetries and RetryDelayMilliseconds not negative.");
        // Offline (no endpoint configured) the model's HttpClient, Semantic Kernel and Polly are neither registered nor loaded:
        // a console answer starts without them.
        if (!string.IsNullOrWhiteSpace(configuration.GetSection(ModelOptions.SectionName)[nameof(ModelOptions.Endpoint)]))
        {
            AddModelHttpClient(services);
        }

        services.TryAddSingleton<AnswerService>();
        services.TryAddSingleton<PromptLibrary>();
        services.TryAddSingleton<ModelKernel>();
        services.TryAddSingleton<ModelAnswerService>();
        services.TryAddSingleton<IAnswerService>(sp => UsesModel(sp) ? sp.GetRequiredService<ModelAnswerService>() : sp.GetRequiredService<AnswerService>());
        services.TryAddSingleton<IStreamingAnswerService>(sp => UsesModel(sp) ? sp.GetRequiredService<ModelAnswerService>() : new OfflineStreamingAnswerService(sp.GetRequiredService<AnswerService>()));
        return services;
    }

    private static bool UsesModel(IServiceProvider services) => services.GetRequiredService<IOptions<ModelOptions>>().Value.IsConfigured;

    /// <summary>japanese (default), japanese+bigram or cjk.</summary>
    public static ITextAnalysis CreateAnalysis(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "japanese" => new JapaneseAnalysis(),
        "japanese+bigram" => new JapaneseAnalysis(bigrams: true),
        "cjk" => new CjkBigramAnalysis(),
        _ => throw new InvalidOperationException($"Unknown StrategyAssistant:Analysis '{name}' (japanese, japanese+bigram or cjk)."),
    };

    /// <summary>The model endpoint's HttpClient: total timeout (the answer deadline), retries with exponential backoff, jitter and
    /// Retry-After, a circuit breaker, and a per-attempt timeout (Microsoft.Extensions.Http.Resilience). The deadline of the
    /// body is the answer service's, which also covers a stream that stalls after its headers.</summary>
    private static void AddModelHttpClient(IServiceCollection services)
    {
        services.AddHttpClient(ModelKernel.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("model", (pipeline, context) =>
            {
                ModelOptions o = context.ServiceProvider.GetRequiredService<IOptions<ModelOptions>>().Value;
                pipeline.AddTimeout(TimeSpan.FromSeconds(o.DeadlineSeconds));
                if (o.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = o.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(o.RetryDelayMilliseconds),
                        MaxDelay = TimeSpan.FromSeconds(Math.Max(1, o.DeadlineSeconds / 2)),
                        ShouldRetryAfterHeader = true,
                    });
                }

                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 4,
                    SamplingDuration = TimeSpan.FromSeconds(Math.Max(o.BreakDurationSeconds, o.DeadlineSeconds) * 2),
                    BreakDuration = TimeSpan.FromSeconds(o.BreakDurationSeconds),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(o.TimeoutSeconds));
            });
    }
}
