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
            // Invalid UTF-8 becomes U+FFFD rather than an error: every line is tokenized. Large buffers on both ends: the
            // console writer flushes on every write, which for a 10 MB input is hundreds of thousands of system calls.
            using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            using TextWriter? buffered = ReferenceEquals(parse.InvocationConfiguration.Output, Console.Out)
                ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16)
                : null;
            TextWriter output = buffered ?? parse.InvocationConfiguration.Output;
            if (parse.GetValue(analyzer))
            {
                TokenizeFormatter.WriteAnalyzerTerms(input, output);
            }
            else
            {
                JapaneseTokenizerMode tokenizerMode = parse.GetValue(mode) switch
                {
                    "normal" => JapaneseTokenizerMode.NORMAL,
                    "extended" => JapaneseTokenizerMode.EXTENDED,
                    _ => JapaneseTokenizerMode.SEARCH,
                };
                TokenizeFormatter.WriteTokens(input, output, tokenizerMode, userDictionary: null, discardPunctuation: true, parse.GetValue(threads));
            }

            output.Flush();
            return ExitCodes.Success;
        });
        return command;
    }
}
