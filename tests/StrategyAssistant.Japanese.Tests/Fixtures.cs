using System.IO.Compression;
using System.Text;

namespace StrategyAssistant.Japanese.Tests;

/// <summary>Reference outputs of Kuromoji (Java Lucene 4.10.4) embedded in the test assembly.</summary>
internal static class Fixtures
{
    public static string ReadText(string name)
    {
        using Stream stream = typeof(Fixtures).Assembly.GetManifestResourceStream("Fixtures." + name)
            ?? throw new InvalidOperationException($"Missing fixture {name}");
        using Stream decoded = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static string[] Sentences() => ReadText("seed-sentences.txt.gz").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Splits TSV output into one list of token lines per input line (EOS-terminated).</summary>
    public static List<List<string[]>> ParseBlocks(string tsv)
    {
        var blocks = new List<List<string[]>>();
        var current = new List<string[]>();
        foreach (string line in tsv.Split('\n'))
        {
            if (line == "EOS")
            {
                blocks.Add(current);
                current = [];
            }
            else if (line.Length > 0)
            {
                current.Add(line.Split('\t'));
            }
        }

        return blocks;
    }

    /// <summary>
    /// Joins an adjacent 令 and 和 of the reference into one token 令和 (our dictionary has the era name as one word).
    /// </summary>
    public static List<string[]> JoinReiwa(List<string[]> tokens, bool analyzer)
    {
        var result = new List<string[]>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            string[] t = tokens[i];
            if (t[0] == "令" && i + 1 < tokens.Count && tokens[i + 1][0] == "和" && tokens[i + 1][1] == t[2])
            {
                string[] joined = (string[])t.Clone();
                joined[0] = "令和";
                joined[2] = tokens[i + 1][2];
                if (!analyzer)
                {
                    joined[5] = "名詞-固有名詞-一般";
                    joined[6] = "*";
                    joined[7] = "レイワ";
                    joined[8] = "レイワ";
                    joined[9] = "*";
                    joined[10] = "*";
                }

                result.Add(joined);
                i++;
                continue;
            }

            result.Add(t);
        }

        return result;
    }
}
