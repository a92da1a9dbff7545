using System.Security.Cryptography;
using System.Text;
using StrategyAssistant.Japanese;
using StrategyAssistant.Japanese.Util;

// build:    DictionaryBuilder <ipadic source dir> <output file> [euc-jp|utf-8]
//           compiles IPADIC sources into the compressed dictionary shipped in src/StrategyAssistant.Japanese/Dictionary.
// tokenize: DictionaryBuilder tokenize [--mode normal|search|extended] [--analyzer] < input > output
//           writes the fixtures' TSV formats (the same as the CLI's tokenize command); used for the MeCab comparison.
if (args.Length >= 1 && args[0] == "tokenize")
{
    return Tokenize(args[1..]);
}

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: DictionaryBuilder <ipadic-dir> <output.bin.br> [euc-jp|utf-8]");
    Console.Error.WriteLine("       DictionaryBuilder tokenize [--mode normal|search|extended] [--analyzer] < input > output");
    return 2;
}

string inputDirectory = args[0];
string output = args[1];
string encodingName = args.Length > 2 ? args[2] : "euc-jp";
DictionaryCompiler.Message += Console.Error.WriteLine;
var watch = System.Diagnostics.Stopwatch.StartNew();
byte[] bytes = DictionaryCompiler.Compile(inputDirectory, DictionaryCompiler.GetEncoding(encodingName));
File.WriteAllBytes(output, bytes);
Console.WriteLine($"wrote {output}: {bytes.Length:N0} bytes in {watch.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}");
return 0;

static int Tokenize(string[] args)
{
    var mode = JapaneseTokenizerMode.SEARCH;
    bool analyzer = false;
    for (int i = 0; i < args.Length; i++)
    {
        if (args[i] == "--analyzer")
        {
            analyzer = true;
        }
        else if (args[i] == "--mode" && i + 1 < args.Length && Enum.TryParse(args[i + 1], ignoreCase: true, out mode))
        {
            i++;
        }
        else
        {
            Console.Error.WriteLine($"unknown argument {args[i]}");
            return 2;
        }
    }

    var utf8 = new UTF8Encoding(false);
    using var input = new StreamReader(Console.OpenStandardInput(), utf8, false, 1 << 16);
    using var output = new StreamWriter(Console.OpenStandardOutput(), utf8, 1 << 16);
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var counting = new CountingReader(input);
    if (analyzer)
    {
        TokenizeFormatter.WriteAnalyzerTerms(counting, output);
    }
    else
    {
        TokenizeFormatter.WriteTokens(counting, output, mode);
    }

    output.Flush();
    double seconds = watch.Elapsed.TotalSeconds;
    double cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    Console.Error.WriteLine($"{counting.Chars:N0} chars in {seconds:F2} s wall ({counting.Chars / seconds:N0} chars/s); process cpu {cpu:F2} s");
    return 0;
}

/// <summary>Counts the characters of the lines read.</summary>
internal sealed class CountingReader(TextReader inner) : TextReader
{
    public long Chars { get; private set; }

    public override string? ReadLine()
    {
        string? line = inner.ReadLine();
        Chars += line?.Length ?? 0;
        return line;
    }
}
