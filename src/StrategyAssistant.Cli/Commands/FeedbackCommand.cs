using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Records;
using StrategyAssistant.Stores;

namespace StrategyAssistant.Cli.Commands;

/// <summary><c>feedback export --format jsonl|csv [--from PATH] [--out PATH]</c>: the bot's feedback, from a SQLite state
/// database or a JSON Lines file (<c>--from</c>), else from the configured <c>Stores</c> engine (e.g. PostgreSQL through
/// <c>Stores__Provider</c> and <c>Stores__ConnectionString</c>). Standard output, or a file written atomically.</summary>
internal static class FeedbackCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var format = new Option<string>("--format") { Description = "jsonl | csv", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var from = new Option<string?>("--from") { Description = "SQLite の状態データベース（.db）か JSON Lines ファイル（.jsonl）。既定は設定の Stores" };
        var output = new Option<string?>("--out") { Description = "出力ファイル（既定は標準出力）" };
        var export = new Command("export", "ボットに寄せられたフィードバックを書き出します。") { format, from, output };
        export.SetAction((parse, cancellationToken) =>
        {
            TextWriter stdout = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            return CommandRunner.RunAsync(parse.GetValue(verbose), error, async (services, ct) =>
            {
                (IFeedbackStore? store, StateDatabase? db, string? problem) = Open(parse.GetValue(from), services.GetRequiredService<IConfiguration>());
                if (store is null)
                {
                    await error.WriteLineAsync(problem);
                    return ExitCodes.Failure;
                }

                try
                {
                    List<FeedbackEntry> entries = await store.ReadAllAsync(ct).ToListAsync(ct);
                    if (store is JsonlFeedbackStore jsonl)
                    {
                        foreach (string skipped in jsonl.Problems)
                        {
                            await error.WriteLineAsync("注意: " + skipped);
                        }
                    }

                    bool csv = parse.GetValue(format) == "csv";
                    string text = csv ? FeedbackExport.ToCsv(entries) : FeedbackExport.ToJsonLines(entries);
                    if (parse.GetValue(output) is { } path)
                    {
                        RecordExport.WriteAtomically(Path.GetFullPath(path), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: csv));
                        await error.WriteLineAsync($"{entries.Count} 件を {Path.GetFullPath(path)} に書き出しました。");
                    }
                    else
                    {
                        await stdout.WriteAsync(text);
                    }

                    return ExitCodes.Success;
                }
                finally
                {
                    (store as IDisposable)?.Dispose();
                    if (db is not null)
                    {
                        await db.DisposeAsync();
                    }
                }
            }, cancellationToken);
        });
        return new Command("feedback", "ボットのフィードバックを扱います。") { export };
    }

    private static (IFeedbackStore? Store, StateDatabase? Db, string? Problem) Open(string? from, IConfiguration configuration)
    {
        StoreOptions options = configuration.GetSection(StoreOptions.SectionName).Get<StoreOptions>() ?? new StoreOptions();
        string? path = from;
        if (path is null)
        {
            switch (options.EffectiveProvider)
            {
                case StoreProvider.PostgreSql when !string.IsNullOrWhiteSpace(options.ConnectionString):
                    StateDatabase pg = StateDatabase.PostgreSql(options.ConnectionString);
                    return (new SqlFeedbackStore(pg), pg, null);
                case StoreProvider.PostgreSql:
                    return (null, null, "エラー: Stores:Provider が postgresql ですが Stores:ConnectionString がありません。");
                case StoreProvider.Memory:
                    path = options.FeedbackJsonlPath;
                    break;
                default:
                    path = options.SqlitePath;
                    break;
            }
        }

        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            // Never create an empty database just to export nothing from it.
            return (null, null, $"エラー: {full} がありません（--from でボットの状態データベースか .jsonl ファイルを指定してください）。");
        }

        if (full.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return (new JsonlFeedbackStore(full), null, null);
        }

        StateDatabase sqlite = StateDatabase.Sqlite(full);
        return (new SqlFeedbackStore(sqlite), sqlite, null);
    }
}
