using System.CommandLine;
using System.Text;
using StrategyAssistant.Japanese;

namespace StrategyAssistant.Cli.Commands;

/// <summary><c>tokenize [--mode normal|search|extended] [--analyzer]</c>: reads lines from standard input and writes the
/// tokenizer's output in the Kuromoji fixtures' TSV format (<c>EOS</c> after each input line).</summary>
internal static class TokenizeCommand
{
    public static Command Create()
    {
        var mode = new Option<string>("--mode") { Description = "normal | search | extended（既定: search）", DefaultValueFactory = _ => "search" };
        mode.AcceptOnlyFromAmong("normal", "search", "extended");
        var analyzer = new Option<bool>("--analyzer") { Description = "解析器チェーン（JapaneseAnalyzer）の語を出力します。" };
        var threads = new Option<int>("--threads")
        {
            Description = "形態素解析のスレッド数（既定: CPU 数、最大 4）。出力はスレッド数によらず同じです。",
            DefaultValueFactory = _ => Math.Clamp(Environment.ProcessorCount, 1, 4),
        };
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--threads は 1 以上にしてください。");
            }
        });
        var command = new Command("tokenize", "標準入力の各行を形態素解析して TSV で出力します。") { mode, analyzer, threads };
        command.SetAction(parse =>
        {
            // Invalid UTF-8 becomes U+FFFD rather than an error: every line is tokenized. Standard output is written as bytes
            // in large blocks (the tokenizing threads encode them): the console writer flushes on every write, which for a
            // 10 MB input is hundreds of thousands of system calls.
            using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            TextWriter configured = parse.InvocationConfiguration.Output;
            using Stream? raw = ConsoleStreams.StandardOutputStream(configured);
            using var bytes = raw is null ? null : new BufferedStream(raw, 1 << 16);
            if (parse.GetValue(analyzer))
            {
                using var writer = bytes is null ? null : new StreamWriter(bytes, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                TokenizeFormatter.WriteAnalyzerTerms(input, writer ?? configured);
                (writer ?? configured).Flush();
            }
            else
            {
                JapaneseTokenizerMode tokenizerMode = parse.GetValue(mode) switch
                {
                    "normal" => JapaneseTokenizerMode.NORMAL,
                    "extended" => JapaneseTokenizerMode.EXTENDED,
                    _ => JapaneseTokenizerMode.SEARCH,
                };
                if (bytes is null)
                {
                    TokenizeFormatter.WriteTokens(input, configured, tokenizerMode, userDictionary: null, discardPunctuation: true, parse.GetValue(threads));
                    configured.Flush();
                }
                else
                {
                    TokenizeFormatter.WriteTokens(input, bytes, tokenizerMode, userDictionary: null, discardPunctuation: true, parse.GetValue(threads));
                }
            }

            bytes?.Flush();
            return ExitCodes.Success;
        });
        return command;
    }
}
