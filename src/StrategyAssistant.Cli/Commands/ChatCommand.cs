using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Documents;
using StrategyAssistant.Hosting;
using StrategyAssistant.Search;

namespace StrategyAssistant.Cli.Commands;

/// <summary><c>chat</c>: an interactive conversation. Follow-ups reuse the previous subject; <c>/help</c> lists the commands,
/// <c>/sources</c> shows the last citations in full, <c>/clear</c> (or <c>/reset</c>) forgets the subject, <c>/exit</c> ends.
/// A line starting with '/' is never a question: an unknown command gets the command list. In model mode the answer
/// streams as it is written.</summary>
internal static class ChatCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var command = new Command("chat", "対話形式で質問します（続けて「その実績は？」「○○市は？」のように聞けます）。");
        command.SetAction((parse, cancellationToken) =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            if (ConsoleStreams.IsStandardInputClosed())
            {
                parse.InvocationConfiguration.Error.WriteLine("標準入力が閉じているため、対話できません。1問だけなら ask \"質問\" を使ってください。");
                return Task.FromResult(ExitCodes.Usage);
            }

            return CommandRunner.RunAsync(parse.GetValue(verbose), parse.InvocationConfiguration.Error,
                (services, ct) => RunAsync(services, Console.In, output, ct), cancellationToken, progress: Progress.Enabled(json: false));
        });
        return command;
    }

    internal static async Task<int> RunAsync(IServiceProvider services, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        CorpusIndex index = await services.GetRequiredService<CorpusIndexProvider>().GetAsync(cancellationToken);
        IStreamingAnswerService answers = services.GetRequiredService<IStreamingAnswerService>();
        var conversation = new Conversation(index.Knowledge.Corpus.Cities);
        // The state a host keeps per conversation (here: this console session), passed to every resolution.
        ConversationState state = ConversationState.Empty;
        Answer? last = null;
        await output.WriteLineAsync($"質問をどうぞ（資料: {string.Join("・", index.Knowledge.Corpus.Cities)}）。/help でコマンド一覧");
        while (true)
        {
            await output.WriteAsync("> ");
            await output.FlushAsync(cancellationToken);
            string? line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                return ExitCodes.Success;
            }

            string command = line.Trim();
            if (command.StartsWith('／'))
            {
                command = "/" + command[1..];
            }

            command = command.StartsWith('/') ? command.ToLowerInvariant() : command;
            switch (command)
            {
                case "":
                    continue;
                case "/exit" or "/quit":
                    return ExitCodes.Success;
                case "/clear" or "/reset":
                    state = ConversationState.Empty;
                    last = null;
                    await output.WriteLineAsync("話題をリセットしました。");
                    continue;
                case "/sources":
                    await output.WriteLineAsync(last is null || last.Citations.Count == 0 ? "出典はまだありません。" : FullSources(last.Citations));
                    continue;
                case "/help" or "/?":
                    await output.WriteLineAsync(Help);
                    continue;
            }

            if (IsCommand(command))
            {
                await output.WriteLineAsync($"{command.Split(' ', 2)[0]} というコマンドはありません。\n{Help}");
                continue;
            }

            (string question, state) = conversation.Resolve(state, line);
            bool streamed = false;
            Answer? final = null;
            await foreach (AnswerChunk chunk in answers.StreamAsync(question, cancellationToken))
            {
                if (chunk.Text is not null)
                {
                    await output.WriteAsync(chunk.Text);
                    await output.FlushAsync(cancellationToken);
                    streamed = true;
                }

                final = chunk.Final ?? final;
            }

            if (streamed && final!.Mode == AnswerMode.Model)
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync(AskCommand.Render(final with { Text = string.Empty }));
            }
            else
            {
                if (streamed)
                {
                    await output.WriteLineAsync();
                    await output.WriteLineAsync("（検証できなかったため、資料から直接組み立てた回答に差し替えます）");
                }

                await output.WriteLineAsync(AskCommand.Render(final!));
            }

            last = final;
        }
    }

    internal const string Help = "コマンド: /help この一覧  /sources 直前の回答の出典（引用の全文）  /clear 話題をリセット  /exit 終了";

    /// <summary>A '/' followed by a letter (or a lone '/'): a command, not a question.</summary>
    internal static bool IsCommand(string line) => line == "/" || (line.Length >= 2 && line[0] == '/' && char.IsAsciiLetter(line[1]));

    private static string FullSources(IReadOnlyList<Citation> citations) =>
        string.Join('\n', citations.Select((c, i) => $"[{i + 1}] {SourceLabel.Of(c)}\n{Indent(c.Quote)}"));

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => "    " + l.Replace('\t', ' ')));
}
