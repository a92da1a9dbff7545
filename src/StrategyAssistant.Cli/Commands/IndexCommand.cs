using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Search;

namespace StrategyAssistant.Cli.Commands;

/// <summary><c>index</c>: rebuilds the index from the documents now and reports what it read.</summary>
internal static class IndexCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var command = new Command("index", "資料から検索インデックスを作り直します。") { IndexAddCommand.Create(verbose) };
        command.SetAction((parse, cancellationToken) =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            return CommandRunner.RunAsync(parse.GetValue(verbose), parse.InvocationConfiguration.Error, async (services, ct) =>
            {
                await output.WriteLineAsync("インデックスを作成しています…");
                IndexBuildResult result = await services.GetRequiredService<CorpusIndexProvider>().RebuildAsync(ct);
                await output.WriteLineAsync($"資料 {result.Documents} 件、パッセージ {result.Passages} 件、KPI {result.Kpis} 件、事業 {result.Projects} 件を索引しました（{result.Elapsed.TotalMilliseconds:F0} ms）。");
                await output.WriteLineAsync($"インデックス: {result.Path}");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
