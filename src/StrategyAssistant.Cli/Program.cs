using System.CommandLine;
using System.Text;
using StrategyAssistant.Cli.Commands;

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
if (parse.Errors.Count > 0)
{
    foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    Console.Error.WriteLine("使い方: strategy-assistant ask \"質問\" | ask --json [\"質問\"] | index  （--help で詳細）");
    return ExitCodes.Usage;
}

return await parse.InvokeAsync();
