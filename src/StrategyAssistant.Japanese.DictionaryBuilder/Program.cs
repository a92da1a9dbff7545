using System.Security.Cryptography;
using StrategyAssistant.Japanese.Util;

// Compiles IPADIC sources into the compressed dictionary shipped in src/StrategyAssistant.Japanese/Dictionary.
// Usage: DictionaryBuilder <ipadic source dir> <output file> [encoding, default euc-jp]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: DictionaryBuilder <ipadic-dir> <output.bin.br> [euc-jp|utf-8]");
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
