using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StrategyAssistant.Ingestion.Vocabulary;

namespace StrategyAssistant.Ingestion;

/// <summary>Registers the ingestion stage as the assistant's knowledge source (hosts call this after AddStrategyAssistant).</summary>
public static class IngestionServiceCollectionExtensions
{
    public static IServiceCollection AddStrategyAssistantIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestionOptions>()
            .Bind(configuration.GetSection(IngestionOptions.SectionName))
            .Validate(o => o.MaxTextBytes > 0 && o.MaxBinaryBytes > 0, "Ingestion size limits must be positive.");
        services.TryAddSingleton(sp =>
        {
            string? path = sp.GetRequiredService<IOptions<IngestionOptions>>().Value.VocabularyPath;
            return string.IsNullOrWhiteSpace(path) ? StrategyVocabulary.Default : StrategyVocabulary.Load(path);
        });
        services.TryAddSingleton(sp => new CorpusIngestor(sp.GetRequiredService<StrategyVocabulary>(), sp.GetRequiredService<IOptions<IngestionOptions>>().Value));
        services.TryAddSingleton<SnapshotKnowledgeSource>();
        services.TryAddSingleton<DocumentAdder>();
        services.Replace(ServiceDescriptor.Singleton<IKnowledgeSource>(sp => sp.GetRequiredService<SnapshotKnowledgeSource>()));
        return services;
    }
}
