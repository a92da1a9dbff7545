using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StrategyAssistant.Documents;
using StrategyAssistant.Japanese.Dict;
using StrategyAssistant.Search;

namespace StrategyAssistant.Cli.Commands;

/// <summary>Exit codes of the console host.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}

/// <summary>Runs a command's body inside the host and turns every failure into a clear one-line message (details go to the log).</summary>
internal static class CommandRunner
{
    /// <param name="progress">Load (or build) the index first with a spinner on standard error (see <see cref="Progress"/>).</param>
    /// <param name="index">The command answers from the index: with the start trace on, the dictionary and the index are
    /// loaded (and timed) before the body.</param>
    public static async Task<int> RunAsync(bool verbose, TextWriter error, Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken, bool progress = false, bool index = false)
    {
        await using ServiceProvider services = CliHost.Build(verbose);
        StartTrace.Mark("host, configuration, DI");
        ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("StrategyAssistant.Cli");
        try
        {
            if (StartTrace.Enabled && index)
            {
                // Traced apart: the dictionary otherwise loads inside the index open or the first answer.
                _ = SystemDictionary.Instance;
                StartTrace.Mark($"dictionary ({(SystemDictionary.Instance.LoadedFrom == "embedded" ? "embedded" : "image")})");
            }

            if ((progress || (StartTrace.Enabled && index)) && services.GetRequiredService<CorpusIndexProvider>() is { IsLoaded: false } corpus)
            {
                await using (Progress.Start(error, "資料を読み込み、検索インデックスを準備しています…", enabled: progress))
                {
                    await corpus.GetAsync(cancellationToken);
                }

                StartTrace.Mark("snapshot + index open");
            }

            int exit = await body(services, cancellationToken);
            StartTrace.Mark("command");
            return exit;
        }
        catch (CorpusException ex)
        {
            logger.LogError(ex, "The corpus could not be read.");
            await error.WriteLineAsync($"エラー: 資料を読み込めませんでした。{ex.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The signal handler (Program) prints the one line and sets 130 / 143.
            return 130;
        }
        catch (Exception ex) when (ConsoleStreams.IsBrokenPipe(ex))
        {
            // The reader went away (| head -1): stop quietly.
            return ConsoleStreams.BrokenPipeExitCode;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The command failed.");
            await error.WriteLineAsync($"エラー: {ex.GetType().Name}: {ex.Message}（詳細はログを参照してください）");
            return ExitCodes.Failure;
        }
    }
}
