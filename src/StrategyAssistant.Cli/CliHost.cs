using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StrategyAssistant.Cli.Logging;
using StrategyAssistant.Documents;
using StrategyAssistant.Hosting;
using StrategyAssistant.Ingestion;

namespace StrategyAssistant.Cli;

/// <summary>Builds the services the commands run with: appsettings.json beside the executable, environment variables,
/// DI with the assistant's services, logging to a file (and to standard error with --verbose). A plain service provider,
/// not the Generic Host: a command runs no hosted service, and the host's environment, lifetime and default services
/// cost a short process about a third of its set-up time.</summary>
internal static class CliHost
{
    public static ServiceProvider Build(bool verbose)
    {
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Debug);
            string logPath = configuration["StrategyAssistant:LogPath"] is { Length: > 0 } configured ? configured : DefaultLogPath();
            logging.AddProvider(new FileLoggerProvider(logPath, LogLevel.Information));
            if (verbose)
            {
                logging.AddSimpleConsole(o => o.SingleLine = true);
                logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            }
        });

        services.AddStrategyAssistant(configuration);
        services.AddStrategyAssistantIngestion(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary><c>index/logs/strategy-assistant.log</c> in the repository, else the temp folder.</summary>
    private static string DefaultLogPath()
    {
        string? documents = Corpus.FindDocumentsDirectory(Directory.GetCurrentDirectory()) ?? Corpus.FindDocumentsDirectory(AppContext.BaseDirectory);
        string folder = documents is null ? Path.Combine(Path.GetTempPath(), "strategy-assistant") : Path.Combine(Path.GetDirectoryName(documents)!, "logs");
        return Path.Combine(folder, "strategy-assistant.log");
    }
}
