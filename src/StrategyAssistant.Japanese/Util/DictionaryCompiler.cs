using System.Globalization;
using System.Text;
using StrategyAssistant.Japanese.Dict;

namespace StrategyAssistant.Japanese.Util;

/// <summary>
/// Compiles IPADIC sources (<c>*.csv</c>, <c>char.def</c>, <c>unk.def</c>, <c>matrix.def</c>) into the compressed binary
/// shipped as <c>Dictionary/ipadic.bin.br</c>. Deterministic: the same sources give the same bytes.
/// </summary>
public static class DictionaryCompiler
{
    /// <summary>The entry added when the sources lack it (as later Lucene versions add it to Noun.proper.csv).</summary>
    public const string ReiwaEntry = "令和,1288,1288,5904,名詞,固有名詞,一般,*,*,*,令和,レイワ,レイワ";

    private static readonly System.Buffers.SearchValues<char> s_microsoftMapped =
        System.Buffers.SearchValues.Create("\uFF0D\uFF5E\uFFE0\uFFE1\uFFE2\u2225");

    private const string NgramEntry = "NGRAM,5,5,-32768,記号,一般,*,*,*,*,*";

    /// <summary>Log of skipped lines and additions (for the builder console).</summary>
    public static event Action<string>? Message;

    /// <summary>Compiles a source directory and returns the Brotli-compressed dictionary bytes.</summary>
    public static byte[] Compile(string inputDirectory, Encoding encoding) => Build(inputDirectory, encoding).ToCompressedBytes();

    /// <summary>Resolves "euc-jp", "utf-8" or any other encoding name (code-page encodings registered on demand).</summary>
    public static Encoding GetEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }

    internal static DictionaryData Build(string inputDirectory, Encoding encoding)
    {
        var strings = new StringPool();
        var features = new FeatureTable(strings);

        // Known entries: every *.csv, sorted by path (ordinal), in file order; then a stable sort by surface.
        string[] files = Directory.GetFiles(inputDirectory, "*.csv");
        Array.Sort(files, StringComparer.Ordinal);
        var entries = new List<string[]>(400_000);
        foreach (string file in files)
        {
            foreach (string line in ReadLines(file, encoding))
            {
                string[] fields = CsvUtil.Parse(line);
                if (fields.Length < 13)
                {
                    Message?.Invoke($"Skipping line with {fields.Length} fields in {Path.GetFileName(file)}: {line}");
                    continue;
                }

                entries.Add(fields);
            }
        }

        if (!entries.Any(e => e[0] == "令和" && e[4] == "名詞" && e[5] == "固有名詞" && e[6] == "一般"))
        {
            Message?.Invoke("Adding " + ReiwaEntry);
            entries.Add(CsvUtil.Parse(ReiwaEntry));
        }

        // List.Sort is unstable: sort by (surface, original index).
        var order = Enumerable.Range(0, entries.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            int c = string.CompareOrdinal(entries[a][0], entries[b][0]);
            return c != 0 ? c : a.CompareTo(b);
        });

        var surfaces = new List<string>();
        var surfaceStart = new List<int>();
        int n = entries.Count;
        var leftIds = new short[n];
        var rightIds = new short[n];
        var costs = new short[n];
        var featureIds = new int[n];
        var baseForms = new int[n];
        var readings = new int[n];
        var pronunciations = new int[n];
        for (int i = 0; i < n; i++)
        {
            string[] e = entries[order[i]];
            string surface = e[0];
            if (surfaces.Count == 0 || surfaces[^1] != surface)
            {
                surfaces.Add(surface);
                surfaceStart.Add(i);
            }

            leftIds[i] = short.Parse(e[1], CultureInfo.InvariantCulture);
            rightIds[i] = short.Parse(e[2], CultureInfo.InvariantCulture);
            costs[i] = short.Parse(e[3], CultureInfo.InvariantCulture);
            featureIds[i] = features.Get(e);
            string baseForm = e[10];
            baseForms[i] = baseForm == "*" || baseForm == surface ? -1 : strings.Get(baseForm);
            readings[i] = strings.Get(e[11]);
            pronunciations[i] = strings.Get(e[12]);
        }

        surfaceStart.Add(n);
        CharTrie trie = CharTrie.Build(surfaces);

        // Character definition.
        (byte[] classMap, bool[] invoke, bool[] group) = ReadCharDef(Path.Combine(inputDirectory, "char.def"), encoding);

        // Unknown dictionary: NGRAM first, then unk.def entries stably sorted by class ordinal.
        var unk = new List<(byte Class, string[] Fields)> { (CharacterDefinition.NGRAM, CsvUtil.Parse(NgramEntry)) };
        var unkLines = new List<(byte Class, string[] Fields)>();
        foreach (string line in ReadLines(Path.Combine(inputDirectory, "unk.def"), encoding))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string[] fields = CsvUtil.Parse(line);
            unkLines.Add((CharacterDefinition.LookupCharacterClass(fields[0]), fields));
        }

        unk.AddRange(unkLines.Select((x, i) => (x, i)).OrderBy(t => t.x.Class).ThenBy(t => t.i).Select(t => t.x));
        var unkLeft = new short[unk.Count];
        var unkRight = new short[unk.Count];
        var unkCost = new short[unk.Count];
        var unkFeature = new int[unk.Count];
        var classStart = new int[CharacterDefinition.ClassCount + 1];
        Array.Fill(classStart, -1);
        for (int i = 0; i < unk.Count; i++)
        {
            string[] f = unk[i].Fields;
            unkLeft[i] = short.Parse(f[1], CultureInfo.InvariantCulture);
            unkRight[i] = short.Parse(f[2], CultureInfo.InvariantCulture);
            unkCost[i] = short.Parse(f[3], CultureInfo.InvariantCulture);
            unkFeature[i] = features.GetPosOnly(f);
            if (classStart[unk[i].Class] < 0)
            {
                classStart[unk[i].Class] = i;
            }
        }

        classStart[CharacterDefinition.ClassCount] = unk.Count;
        for (int c = CharacterDefinition.ClassCount - 1; c >= 0; c--)
        {
            if (classStart[c] < 0)
            {
                classStart[c] = classStart[c + 1];
            }
        }

        // Connection costs.
        (short[] matrix, int forwardSize, int backwardSize) = ReadMatrix(Path.Combine(inputDirectory, "matrix.def"));

        return new DictionaryData
        {
            Strings = [.. strings.Values],
            FeaturePos = [.. features.Pos],
            FeatureInflectionType = [.. features.InflectionType],
            FeatureInflectionForm = [.. features.InflectionForm],
            CharClassMap = classMap,
            Invoke = invoke,
            Group = group,
            TrieLabels = trie.Labels,
            TrieFirstChild = trie.FirstChild,
            TrieChildCount = trie.ChildCount,
            TrieOutputs = trie.Outputs,
            SurfaceEntryStart = [.. surfaceStart],
            LeftIds = leftIds,
            RightIds = rightIds,
            Costs = costs,
            Features = featureIds,
            BaseForms = baseForms,
            Readings = readings,
            Pronunciations = pronunciations,
            UnknownLeftIds = unkLeft,
            UnknownRightIds = unkRight,
            UnknownCosts = unkCost,
            UnknownFeatures = unkFeature,
            UnknownClassStart = classStart,
            ForwardSize = forwardSize,
            BackwardSize = backwardSize,
            ConnectionCosts = matrix,
        };
    }

    /// <summary>
    /// Reads lines; for EUC-JP, .NET's decoder uses Microsoft's mappings for six JIS X 0208 characters, so they are
    /// mapped back to the JIS standard code points that Java's EUC-JP decoder (and iconv) produce.
    /// </summary>
    private static IEnumerable<string> ReadLines(string path, Encoding encoding)
    {
        bool fix = encoding.CodePage is 51932 or 20932;
        foreach (string line in File.ReadLines(path, encoding))
        {
            yield return fix ? FixEucJp(line) : line;
        }
    }

    private static string FixEucJp(string line)
    {
        if (line.AsSpan().IndexOfAny(s_microsoftMapped) < 0)
        {
            return line;
        }

        var sb = new StringBuilder(line);
        sb.Replace('\uFF0D', '\u2212').Replace('\uFF5E', '\u301C').Replace('\uFFE0', '\u00A2')
            .Replace('\uFFE1', '\u00A3').Replace('\uFFE2', '\u00AC').Replace('\u2225', '\u2016');
        return sb.ToString();
    }

    private static (byte[] ClassMap, bool[] Invoke, bool[] Group) ReadCharDef(string path, Encoding encoding)
    {
        var classMap = new byte[0x10000];
        Array.Fill(classMap, CharacterDefinition.DEFAULT);
        var invoke = new bool[CharacterDefinition.ClassCount];
        var group = new bool[CharacterDefinition.ClassCount];
        foreach (string raw in ReadLines(path, encoding))
        {
            string line = raw;
            int hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            if (parts[0].StartsWith("0x", StringComparison.Ordinal))
            {
                string[] range = parts[0].Split("..");
                int from = int.Parse(range[0].AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                int to = range.Length > 1 ? int.Parse(range[1].AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) : from;
                byte cls = CharacterDefinition.LookupCharacterClass(parts[1]);
                for (int cp = from; cp <= to && cp <= 0xFFFF; cp++)
                {
                    // Kuromoji forces the nakaguro (U+30FB) to SYMBOL.
                    classMap[cp] = cp == 0x30FB ? CharacterDefinition.SYMBOL : cls;
                }
            }
            else
            {
                byte cls = CharacterDefinition.LookupCharacterClass(parts[0]);
                invoke[cls] = parts[1] == "1";
                group[cls] = parts[2] == "1";
            }
        }

        return (classMap, invoke, group);
    }

    private static (short[] Matrix, int ForwardSize, int BackwardSize) ReadMatrix(string path)
    {
        using var reader = new StreamReader(path, Encoding.ASCII);
        string[] header = reader.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int forwardSize = int.Parse(header[0], CultureInfo.InvariantCulture);
        int backwardSize = int.Parse(header[1], CultureInfo.InvariantCulture);
        var matrix = new short[forwardSize * backwardSize];
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            string[] p = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (p.Length < 3)
            {
                continue;
            }

            int forward = int.Parse(p[0], CultureInfo.InvariantCulture);
            int backward = int.Parse(p[1], CultureInfo.InvariantCulture);
            matrix[(backward * forwardSize) + forward] = short.Parse(p[2], CultureInfo.InvariantCulture);
        }

        return (matrix, forwardSize, backwardSize);
    }

    private sealed class StringPool
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

        public List<string> Values { get; } = [];

        public int Get(string value)
        {
            if (!_ids.TryGetValue(value, out int id))
            {
                id = Values.Count;
                Values.Add(value);
                _ids.Add(value, id);
            }

            return id;
        }
    }

    private sealed class FeatureTable(StringPool strings)
    {
        private readonly Dictionary<(int, int, int), int> _ids = [];

        public List<int> Pos { get; } = [];

        public List<int> InflectionType { get; } = [];

        public List<int> InflectionForm { get; } = [];

        public int Get(string[] fields) =>
            Get(JoinPos(fields), fields[8] == "*" ? -1 : strings.Get(fields[8]), fields[9] == "*" ? -1 : strings.Get(fields[9]));

        public int GetPosOnly(string[] fields) => Get(JoinPos(fields), -1, -1);

        private int JoinPos(string[] fields)
        {
            string pos = string.Join('-', fields.Skip(4).Take(4).Where(f => f != "*"));
            return strings.Get(pos);
        }

        private int Get(int pos, int inflType, int inflForm)
        {
            if (!_ids.TryGetValue((pos, inflType, inflForm), out int id))
            {
                id = Pos.Count;
                Pos.Add(pos);
                InflectionType.Add(inflType);
                InflectionForm.Add(inflForm);
                _ids.Add((pos, inflType, inflForm), id);
            }

            return id;
        }
    }
}
