using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.TryAddSingleton<ITextAnalysis, CjkBigramAnalysis>();
        services.TryAddSingleton<IndexManager>();
        services.TryAddSingleton<CorpusIndexProvider>();
        services.AddOptions<ModelOptions>()
            .Bind(configuration.GetSection(ModelOptions.SectionName))
            .Validate(o => string.IsNullOrWhiteSpace(o.Endpoint) || Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _), "StrategyAssistant:Model:Endpoint must be an absolute URL.")
            .Validate(o => o.TimeoutSeconds > 0 && o.MaxRetries >= 0, "Model TimeoutSeconds must be positive and MaxRetries not negative.");
        services.TryAddSingleton<AnswerService>();
        services.TryAddSingleton<PromptLibrary>();
        services.TryAddSingleton<ModelAnswerService>();
        services.TryAddSingleton<IAnswerService>(sp => sp.GetRequiredService<ModelAnswerService>());
        services.TryAddSingleton<IStreamingAnswerService>(sp => sp.GetRequiredService<ModelAnswerService>());
        return services;
    }
}
