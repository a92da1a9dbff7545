using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StrategyAssistant.Ingestion;
using StrategyAssistant.Ingestion.Formats;
using StrategyAssistant.Search;

namespace StrategyAssistant.Cli.Commands;

/// <summary><c>index add FILE [--city 名] [--kind 種別] [--title 表題]</c>: copies a document into the corpus, writes its
/// manifest entry (saying what was inferred from the text), and re-ingests with a line per document.</summary>
internal static class IndexAddCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var file = new Argument<string>("file") { Description = "追加する資料（.txt / .pdf / .xlsx）" };
        var city = new Option<string?>("--city") { Description = "市町村名（省略時は本文から推定）" };
        var kind = new Option<string?>("--kind") { Description = "strategy / evaluation-sheet / progress-report / committee-material（省略時は推定）" };
        var title = new Option<string?>("--title") { Description = "表題（省略時は1行目）" };
        var command = new Command("add", "資料をコーパスに追加し、取り込み直します。") { file, city, kind, title };
        command.SetAction((parse, cancellationToken) =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            return CommandRunner.RunAsync(parse.GetValue(verbose), parse.InvocationConfiguration.Error, async (services, ct) =>
            {
                string documents = services.GetRequiredService<IOptions<StrategyAssistantOptions>>().Value.ResolveDocumentsPath();
                AddedDocument added;
                try
                {
                    added = services.GetRequiredService<DocumentAdder>().Add(documents, parse.GetValue(file)!, parse.GetValue(city), parse.GetValue(kind), parse.GetValue(title));
                }
                catch (IngestException ex)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"エラー: 追加できませんでした。{ex.Message}");
                    return ExitCodes.Failure;
                }

                string Mark(string field) => added.Inferred.Contains(field) ? "（本文から推定）" : string.Empty;
                await output.WriteLineAsync($"追加しました: {added.Entry.File}");
                await output.WriteLineAsync($"  市町村: {added.Entry.City}{Mark("city")}  種別: {added.Entry.Kind}{Mark("kind")}  表題: {added.Entry.Title}{Mark("title")}");
                if (services.GetService<SnapshotKnowledgeSource>() is { } source)
                {
                    source.Progress = new Progress<DocumentIngest>(d =>
                        output.WriteLine($"  {d.File}: {d.Format}, {d.Lines} 行, KPI {d.Kpis} 件, 事業 {d.Projects} 件（{d.Reader}, {d.Elapsed.TotalMilliseconds:F0} ms）"));
                }

                IndexBuildResult result = await services.GetRequiredService<CorpusIndexProvider>().RefreshAsync(ct);
                string read = services.GetService<SnapshotKnowledgeSource>() is { } loaded ? $"取り込んだ資料 {loaded.LastIngested} 件、" : string.Empty;
                await output.WriteLineAsync($"資料 {result.Documents} 件、KPI {result.Kpis} 件、事業 {result.Projects} 件（{read}索引し直した資料 {result.Reindexed} 件{(result.Incremental ? "、差分更新" : string.Empty)}）を索引しました（{result.Elapsed.TotalMilliseconds:F0} ms）。");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }
}
