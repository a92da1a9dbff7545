using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Evaluation;

namespace StrategyAssistant.Cli.Commands;

/// <summary><c>eval FILE.jsonl</c>: answers a question set and prints right / right-and-cited per kind, with the misses.</summary>
internal static class EvalCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var file = new Argument<FileInfo>("file") { Description = "質問セット（JSON Lines、tests/data/qa-public.jsonl の形式）" };
        var command = new Command("eval", "質問セットで回答の正確さと出典を評価します。") { file };
        command.SetAction((parse, cancellationToken) =>
        {
            FileInfo path = parse.GetValue(file)!;
            TextWriter output = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            if (!path.Exists)
            {
                error.WriteLine($"ファイルがありません: {path.FullName}");
                return Task.FromResult(ExitCodes.Usage);
            }

            return CommandRunner.RunAsync(parse.GetValue(verbose), error, async (services, ct) =>
            {
                IReadOnlyList<EvalCase> cases;
                try
                {
                    cases = EvalRunner.Load(path.FullName);
                }
                catch (FormatException ex)
                {
                    await error.WriteLineAsync($"質問セットを読めません: {ex.Message}");
                    return ExitCodes.Usage;
                }

                IReadOnlyList<EvalResult> results = await EvalRunner.RunAsync(services.GetRequiredService<IAnswerService>(), cases, ct);
                await output.WriteAsync(EvalRunner.Report(results));
                return ExitCodes.Success;
            }, cancellationToken, progress: Progress.Enabled(json: false));
        });
        return command;
    }
}
