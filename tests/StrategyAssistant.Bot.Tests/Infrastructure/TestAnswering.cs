using StrategyAssistant.Hosting;

namespace StrategyAssistant.Bot.Tests.Infrastructure;

/// <summary>Registers the real answer pipeline (over the repository's index/documents) for the bot host under test.</summary>
internal static class TestAnswering
{
    public static void Add(IServiceCollection services, IConfiguration configuration) => services.AddStrategyAssistant(configuration);
}
