using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text;
using StrategyAssistant.Cli;
using StrategyAssistant.Cli.Commands;

StartTrace.EnteredMain();
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

var verbose = new Option<bool>("--verbose", "-v") { Description = "ログを標準エラーにも出力します。", Recursive = true };
var root = new RootCommand("StrategyAssistant — 地方創生総合戦略の資料に、出典付きで答えます。")
{
    verbose,
    AskCommand.Create(verbose),
    IndexCommand.Create(verbose),
    EvalCommand.Create(verbose),
    ChatCommand.Create(verbose),
    BenchCommand.Create(verbose),
    TokenizeCommand.Create(),
    RecordsCommand.Create(verbose),
    FeedbackCommand.Create(verbose),
};

ParseResult parse = root.Parse(args);
StartTrace.Mark("command line");
if (UsageErrors.Of(parse) is { Count: > 0 } errors)
{
    foreach (string error in errors)
    {
        Console.Error.WriteLine(error);
    }

    Console.Error.WriteLine(UsageErrors.Usage);
    return ExitCodes.Usage;
}

// SIGINT / SIGTERM: cancel the command, print one line, exit 130 / 143. A command stuck in a read or a build gets 2 s to
// stop; a watchdog ends the process after 5 s whatever it is doing.
using var stop = new CancellationTokenSource();
int signalExit = 0;
int reported = 0;
void Report(int code)
{
    if (Interlocked.Exchange(ref reported, 1) == 0)
    {
        Console.Error.WriteLine(code == 130 ? "中断しました（Ctrl+C）。" : "終了の指示（SIGTERM）を受けて終了しました。");
    }
}

void OnSignal(PosixSignalContext context, int code)
{
    context.Cancel = true;
    if (Interlocked.CompareExchange(ref signalExit, code, 0) == 0)
    {
        _ = Task.Run(stop.Cancel);
        _ = new Timer(_ =>
        {
            Report(code);
            Environment.Exit(code);
        }, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
    }
}

using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => OnSignal(c, 130));
using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => OnSignal(c, 143));
var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null, Output = ConsoleStreams.StandardOutput() };
Task<int> run = parse.InvokeAsync(configuration, stop.Token);
try
{
    await Task.WhenAny(run, Task.Delay(Timeout.Infinite, stop.Token)).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
}

if (signalExit != 0)
{
    await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
    Report(signalExit);
    return signalExit;
}

return await run.ConfigureAwait(false);
