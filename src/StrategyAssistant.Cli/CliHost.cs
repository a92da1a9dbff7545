using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StrategyAssistant.Cli.Logging;
using StrategyAssistant.Documents;
using StrategyAssistant.Hosting;
using StrategyAssistant.Ingestion;

namespace StrategyAssistant.Cli;

/// <summary>Builds the Generic Host the commands run in: appsettings.json beside the executable, environment variables,
/// DI with the assistant's services, logging to a file (and to standard error with --verbose).</summary>
internal static class CliHost
{
    public static IHost Build(bool verbose)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // Command-line arguments belong to System.CommandLine, not to configuration.
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables();

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        string logPath = builder.Configuration["StrategyAssistant:LogPath"] is { Length: > 0 } configured ? configured : DefaultLogPath();
        builder.Logging.AddProvider(new FileLoggerProvider(logPath, LogLevel.Information));
        if (verbose)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.Services.AddStrategyAssistant(builder.Configuration);
        builder.Services.AddStrategyAssistantIngestion(builder.Configuration);
        return builder.Build();
    }

    /// <summary><c>index/logs/strategy-assistant.log</c> in the repository, else the temp folder.</summary>
    private static string DefaultLogPath()
    {
        string? documents = Corpus.FindDocumentsDirectory(Directory.GetCurrentDirectory()) ?? Corpus.FindDocumentsDirectory(AppContext.BaseDirectory);
        string folder = documents is null ? Path.Combine(Path.GetTempPath(), "strategy-assistant") : Path.Combine(Path.GetDirectoryName(documents)!, "logs");
        return Path.Combine(folder, "strategy-assistant.log");
    }
}
