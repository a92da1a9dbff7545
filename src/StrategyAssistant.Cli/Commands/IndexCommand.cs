using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Search;

namespace StrategyAssistant.Cli.Commands;

/// <summary><c>index [--json]</c>: rebuilds the index from the documents now and reports what it read — on a terminal a line
/// per document as it is ingested; with <c>--json</c> only the summary as JSON, no progress.</summary>
internal static class IndexCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var json = new Option<bool>("--json") { Description = "結果を JSON で出力します（進捗は表示しません）。" };
        var command = new Command("index", "資料から検索インデックスを作り直します。") { IndexAddCommand.Create(verbose), json };
        command.SetAction((parse, cancellationToken) =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            bool asJson = parse.GetValue(json);
            return CommandRunner.RunAsync(parse.GetValue(verbose), parse.InvocationConfiguration.Error, async (services, ct) =>
            {
                if (!asJson)
                {
                    await output.WriteLineAsync("インデックスを作成しています…");
                }

                IndexBuildResult result;
                await using (Progress? progress = Progress.Start(parse.InvocationConfiguration.Error, "索引しています…", Progress.Enabled(asJson)))
                {
                    if (progress is not null && services.GetService<SnapshotKnowledgeSource>() is { } source)
                    {
                        source.Progress = progress.Lines<DocumentIngest>(d =>
                            $"  {d.File}: {d.Format}, {d.Lines} 行, KPI {d.Kpis} 件, 事業 {d.Projects} 件（{d.Reader}, {d.Elapsed.TotalMilliseconds:F0} ms）");
                    }

                    result = await services.GetRequiredService<CorpusIndexProvider>().RebuildAsync(ct);
                }

                if (asJson)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object>
                    {
                        ["documents"] = result.Documents,
                        ["passages"] = result.Passages,
                        ["kpis"] = result.Kpis,
                        ["projects"] = result.Projects,
                        ["elapsedMs"] = Math.Round(result.Elapsed.TotalMilliseconds),
                        ["path"] = result.Path,
                    }));
                    return ExitCodes.Success;
                }

                await output.WriteLineAsync($"資料 {result.Documents} 件、パッセージ {result.Passages} 件、KPI {result.Kpis} 件、事業 {result.Projects} 件を索引しました（{result.Elapsed.TotalMilliseconds:F0} ms）。");
                await output.WriteLineAsync($"インデックス: {result.Path}");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
