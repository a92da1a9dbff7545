using StrategyAssistant.Hosting;
using StrategyAssistant.Ingestion;

namespace StrategyAssistant.Bot.Tests.Infrastructure;

/// <summary>Registers the real answer pipeline (over the repository's index/documents, or the configured folder), read
/// through the ingestion stage's snapshot exactly as the bot's Program does.</summary>
internal static class TestAnswering
{
    public static void Add(IServiceCollection services, IConfiguration configuration) => services.AddStrategyAssistant(configuration).AddStrategyAssistantIngestion(configuration);
}
