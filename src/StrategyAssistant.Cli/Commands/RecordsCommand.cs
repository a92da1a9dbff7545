using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Records;
using StrategyAssistant.Search;

namespace StrategyAssistant.Cli.Commands;

/// <summary><c>records export --format json|csv [--headers ja|en] [--city 旭川市] [--out PATH]</c>: the KPI, project and data-quality records.
/// JSON goes to standard output or a file; CSV (UTF-8 with BOM, one file per record kind) to a folder. Files are written atomically.</summary>
internal static class RecordsCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var format = new Option<string>("--format") { Description = "json | csv", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var city = new Option<string?>("--city") { Description = "市で絞り込みます（例: ○○市）" };
        var headers = new Option<string>("--headers") { Description = "CSV の列名: ja（既定。和暦などの年度を原文のまま併記）| en（従来の英語名）", DefaultValueFactory = _ => "ja" };
        headers.AcceptOnlyFromAmong("ja", "en");
        var output = new Option<string?>("--out") { Description = "出力先（json: ファイル、既定は標準出力 / csv: フォルダ、既定は records-export）" };
        var export = new Command("export", "KPI・事業・データ品質の記録を書き出します。") { format, city, output, headers };
        export.SetAction((parse, cancellationToken) =>
        {
            TextWriter stdout = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            return CommandRunner.RunAsync(parse.GetValue(verbose), error, async (services, ct) =>
            {
                // The records and the documents' names only: the Lucene index is neither opened nor built.
                KnowledgeBase knowledge = await services.GetRequiredService<CorpusIndexProvider>().GetKnowledgeAsync(ct);
                RecordSet records = knowledge.Records;
                string? wanted = parse.GetValue(city)?.Trim();
                if (!string.IsNullOrEmpty(wanted) && !knowledge.Corpus.Cities.Contains(wanted))
                {
                    await error.WriteLineAsync($"{wanted} の資料はありません（{string.Join("・", knowledge.Corpus.Cities)}）。");
                    return ExitCodes.Usage;
                }

                string? path = parse.GetValue(output);
                if (parse.GetValue(format) == "csv")
                {
                    string folder = Path.GetFullPath(path ?? "records-export");
                    IReadOnlyList<string> files = parse.GetValue(headers) == "en"
                        ? RecordExport.WriteCsv(records, folder, wanted)
                        : JapaneseCsv.Write(records, knowledge.Corpus.Documents.ToDictionary(d => d.File, d => StrategyAssistant.Hosting.SourceLabel.Document(d.City, d.Info.Title, d.File), StringComparer.Ordinal), folder, wanted);
                    foreach (string file in files)
                    {
                        await stdout.WriteLineAsync(file);
                    }
                }
                else if (path is not null)
                {
                    RecordExport.WriteJson(records, Path.GetFullPath(path), wanted);
                    await stdout.WriteLineAsync(Path.GetFullPath(path));
                }
                else
                {
                    await stdout.WriteLineAsync(RecordExport.ToJson(records, wanted));
                }

                return ExitCodes.Success;
            }, cancellationToken, progress: Progress.Enabled(json: false));
        });
        return new Command("records", "抽出した記録（KPI・事業・注記）を扱います。") { export };
    }
}
