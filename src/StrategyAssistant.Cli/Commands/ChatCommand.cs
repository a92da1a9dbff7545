using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using StrategyAssistant.Answering;
using StrategyAssistant.Documents;
using StrategyAssistant.Search;

namespace StrategyAssistant.Cli.Commands;

/// <summary><c>chat</c>: an interactive conversation. Follow-ups reuse the previous subject; <c>/sources</c> shows the last
/// citations in full, <c>/reset</c> forgets the subject, <c>/exit</c> ends. In model mode the answer streams as it is written.</summary>
internal static class ChatCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var command = new Command("chat", "対話形式で質問します（続けて「その実績は？」「砂川市は？」のように聞けます）。");
        command.SetAction((parse, cancellationToken) =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            return CommandRunner.RunAsync(parse.GetValue(verbose), parse.InvocationConfiguration.Error,
                (services, ct) => RunAsync(services, Console.In, output, ct), cancellationToken);
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
        await output.WriteLineAsync($"質問をどうぞ（資料: {string.Join("・", index.Knowledge.Corpus.Cities)}）。/sources 出典の全文、/reset 話題のリセット、/exit 終了");
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
            switch (command)
            {
                case "":
                    continue;
                case "/exit" or "/quit":
                    return ExitCodes.Success;
                case "/reset":
                    state = ConversationState.Empty;
                    await output.WriteLineAsync("話題をリセットしました。");
                    continue;
                case "/sources":
                    await output.WriteLineAsync(last is null || last.Citations.Count == 0 ? "出典はまだありません。" : FullSources(last.Citations));
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

    private static string FullSources(IReadOnlyList<Citation> citations) =>
        string.Join('\n', citations.Select((c, i) => $"[{i + 1}] {c.Title}（{c.City}） {c.File} {c.Line}–{c.LineEnd}行\n{Indent(c.Quote)}"));

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => "    " + l.Replace('\t', ' ')));
}
