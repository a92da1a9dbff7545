using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using StrategyAssistant.Japanese;
using StrategyAssistant.Japanese.Dict;

namespace StrategyAssistant.Benchmarks;

/// <summary>
/// Japanese analysis: dictionary load, tokenizer throughput (NORMAL and SEARCH) and the default analyzer chain over the
/// 1,903 fixture sentences repeated to about 2.5 MB of UTF-8 (the same input as the MeCab comparison in
/// src/StrategyAssistant.Japanese/README.md). Run:
/// <c>dotnet run -c Release --project tests/StrategyAssistant.Benchmarks -- --filter '*JapaneseAnalysis*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class JapaneseAnalysisBenchmarks
{
    private string[] _lines = [];
    private JapaneseTokenizer? _normal;
    private JapaneseTokenizer? _search;
    private Analyzer? _analyzer;

    /// <summary>Total characters of one pass over the input (divide by the mean time for chars/s).</summary>
    public long Characters { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _lines = LoadInput();
        Characters = _lines.Sum(l => (long)l.Length);
        Console.WriteLine($"// input: {_lines.Length:N0} lines, {Characters:N0} chars");
        _normal = new JapaneseTokenizer(new StringReader(string.Empty), null, true, JapaneseTokenizerMode.NORMAL);
        _search = new JapaneseTokenizer(new StringReader(string.Empty), null, true, JapaneseTokenizerMode.SEARCH);
        _analyzer = new JapaneseAnalyzer(LuceneVersion.LUCENE_48);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _normal?.Dispose();
        _search?.Dispose();
        _analyzer?.Dispose();
    }

    /// <summary>Decompress and decode the embedded IPADIC (a fresh copy, not the process singleton).</summary>
    [Benchmark]
    public SystemDictionary DictionaryLoad() => SystemDictionary.Load();

    /// <summary>NORMAL mode over the whole input, reading every token's attributes.</summary>
    [Benchmark]
    public long TokenizeNormal() => Tokenize(_normal!);

    /// <summary>SEARCH mode (default) over the whole input.</summary>
    [Benchmark]
    public long TokenizeSearch() => Tokenize(_search!);

    /// <summary>The default JapaneseAnalyzer chain over the whole input.</summary>
    [Benchmark]
    public long Analyzer()
    {
        long terms = 0;
        foreach (string line in _lines)
        {
            using TokenStream stream = _analyzer!.GetTokenStream("f", new StringReader(line));
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                terms += term.Length;
            }

            stream.End();
        }

        return terms;
    }

    private long Tokenize(JapaneseTokenizer tokenizer)
    {
        var term = tokenizer.GetAttribute<ICharTermAttribute>();
        var pos = tokenizer.GetAttribute<StrategyAssistant.Japanese.TokenAttributes.IPartOfSpeechAttribute>();
        long sum = 0;
        foreach (string line in _lines)
        {
            tokenizer.SetReader(new StringReader(line));
            tokenizer.Reset();
            while (tokenizer.IncrementToken())
            {
                sum += term.Length + (pos.GetPartOfSpeech()?.Length ?? 0);
            }

            tokenizer.End();
            tokenizer.Dispose();
        }

        return sum;
    }

    /// <summary>The fixture sentences (shipped with the Japanese tests), repeated to at least 2.5 MB of UTF-8.</summary>
    internal static string[] LoadInput()
    {
        string? dir = AppContext.BaseDirectory;
        string? path = null;
        while (dir != null && path == null)
        {
            string candidate = Path.Combine(dir, "tests", "StrategyAssistant.Japanese.Tests", "Fixtures", "seed-sentences.txt.gz");
            path = File.Exists(candidate) ? candidate : null;
            dir = Path.GetDirectoryName(dir);
        }

        if (path == null)
        {
            throw new FileNotFoundException("tests/StrategyAssistant.Japanese.Tests/Fixtures/seed-sentences.txt.gz not found above " + AppContext.BaseDirectory);
        }

        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        string[] sentences = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>();
        long bytes = 0;
        while (bytes < 2_500_000)
        {
            foreach (string s in sentences)
            {
                lines.Add(s);
                bytes += System.Text.Encoding.UTF8.GetByteCount(s) + 1;
            }
        }

        return [.. lines];
    }
}
