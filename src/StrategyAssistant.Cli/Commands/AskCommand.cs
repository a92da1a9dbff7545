using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Documents;
using StrategyAssistant.Hosting;

namespace StrategyAssistant.Cli.Commands;

/// <summary><c>ask "質問"</c>: the answer for a person; <c>ask --json "質問"</c>: one JSON object;
/// <c>ask --json</c> with no question: JSON Lines, one answer per line of standard input, in order.</summary>
internal static class AskCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var question = new Argument<string?>("question")
        {
            Description = "質問（例: ○○市の移住者数の目標は？）。--json では省略すると標準入力から1行1問で読みます。",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "JSON で出力します（質問を省略すると JSON Lines）。" };
        var explain = new Option<bool>("--explain") { Description = "質問の解釈と検索結果（スコア付き）を標準エラーに表示します。" };
        var command = new Command("ask", "資料に基づいて質問に答えます（出典付き）。") { question, json, explain };
        command.SetAction((parse, cancellationToken) =>
        {
            string? text = parse.GetValue(question);
            bool asJson = parse.GetValue(json);
            TextWriter output = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            if (text is null && asJson)
            {
                if (ConsoleStreams.IsStandardInputClosed())
                {
                    error.WriteLine("標準入力が閉じています。質問を1行に1問ずつ標準入力から渡すか、ask --json \"質問\" としてください。");
                    return Task.FromResult(ExitCodes.Usage);
                }

                return CommandRunner.RunAsync(parse.GetValue(verbose), error, (services, ct) => AnswerLinesAsync(services, Console.OpenStandardInput(), output, ct), cancellationToken, index: true);
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                error.WriteLine("質問を指定してください。例: ask \"○○市の移住者数の目標は？\"（標準入力から読むには ask --json）");
                return Task.FromResult(ExitCodes.Usage);
            }

            return CommandRunner.RunAsync(parse.GetValue(verbose), error, async (services, ct) =>
            {
                if (parse.GetValue(explain))
                {
                    await error.WriteLineAsync(await services.GetRequiredService<AnswerService>().ExplainAsync(text, ct));
                }

                Answer answer = await services.GetRequiredService<IAnswerService>().AnswerAsync(text, ct);
                await output.WriteLineAsync(asJson ? AnswerJson.Serialize(answer) : Render(answer));
                return ExitCodes.Success;
            }, cancellationToken, progress: Progress.Enabled(asJson), index: true);
        });
        return command;
    }

    /// <summary>JSON Lines: reads standard input as UTF-8 (invalid bytes become U+FFFD and are dropped by question cleaning).</summary>
    internal static async Task<int> AnswerLinesAsync(IServiceProvider services, Stream input, TextWriter output, CancellationToken cancellationToken)
    {
        IAnswerService answers = services.GetRequiredService<IAnswerService>();
        using var reader = new StreamReader(input, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            Answer answer = await answers.AnswerAsync(line, cancellationToken);
            await output.WriteLineAsync(AnswerJson.Serialize(answer));
            await output.FlushAsync(cancellationToken);
        }

        return ExitCodes.Success;
    }

    /// <summary>The answer for a person: the text, then the numbered sources (title, city, lines).</summary>
    internal static string Render(Answer answer)
    {
        var builder = new StringBuilder(answer.Text.TrimEnd());
        if (answer.Notes.Count > 0)
        {
            builder.AppendLine().AppendLine();
            foreach (string note in answer.Notes)
            {
                builder.Append("※ ").AppendLine(note);
            }
        }

        if (answer.Citations.Count > 0)
        {
            builder.AppendLine().AppendLine().AppendLine("出典:");
            for (int i = 0; i < answer.Citations.Count; i++)
            {
                Citation c = answer.Citations[i];
                builder.AppendLine($"  [{i + 1}] {SourceLabel.Of(c)}");
            }
        }

        return builder.ToString().TrimEnd();
    }
}
