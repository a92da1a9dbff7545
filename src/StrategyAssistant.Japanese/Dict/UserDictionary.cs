using StrategyAssistant.Japanese.Util;

namespace StrategyAssistant.Japanese.Dict;

/// <summary>
/// A user dictionary in Kuromoji's CSV format: <c>surface,seg1 seg2 ...,read1 read2 ...,POS</c>. '#' starts a comment
/// line, blank lines are skipped, runs of spaces collapse. Every phrase wins over system words starting at the same
/// position (cost -100000) and is emitted as its listed segments.
/// </summary>
public sealed class UserDictionary : IDictionary
{
    /// <summary>Cost of every user phrase.</summary>
    public const int WORD_COST = -100000;

    /// <summary>Left id of every user phrase.</summary>
    public const int LEFT_ID = 5;

    /// <summary>Right id of every user phrase.</summary>
    public const int RIGHT_ID = 5;

    private readonly int[][] _segmentations;
    private readonly string[] _segmentPos;
    private readonly string[] _segmentReadings;

    /// <summary>Reads a user dictionary; throws <see cref="FormatException"/> when a line is malformed.</summary>
    public UserDictionary(TextReader reader)
    {
        var lines = new List<string[]>();
        string? line;
        int lineNumber = 0;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] fields = CsvUtil.Parse(line);
            if (fields.Length < 4)
            {
                throw new FormatException($"User dictionary line {lineNumber} must have 4 fields: {line}");
            }

            lines.Add(fields);
        }

        // Stable sort by surface (ordinal); duplicate surfaces keep the first.
        var sorted = lines.Select((f, i) => (f, i)).OrderBy(t => t.f[0], StringComparer.Ordinal).ThenBy(t => t.i).Select(t => t.f).ToList();
        var surfaces = new List<string>();
        var segmentations = new List<int[]>();
        var pos = new List<string>();
        var readings = new List<string>();
        foreach (string[] fields in sorted)
        {
            string surface = fields[0];
            if (surface.Length == 0 || (surfaces.Count > 0 && surfaces[^1] == surface))
            {
                continue;
            }

            string[] segments = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string[] segmentReadings = fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length != segmentReadings.Length)
            {
                throw new FormatException($"Illegal user dictionary entry {surface}: the number of segmentations ({segments.Length}) does not match the number of readings ({segmentReadings.Length}).");
            }

            if (string.Concat(segments).Length != surface.Length)
            {
                throw new FormatException($"Illegal user dictionary entry {surface}: the segments do not add up to the surface.");
            }

            var segmentation = new int[segments.Length + 1];
            segmentation[0] = pos.Count;
            for (int i = 0; i < segments.Length; i++)
            {
                segmentation[i + 1] = segments[i].Length;
                pos.Add(fields[3]);
                readings.Add(segmentReadings[i]);
            }

            surfaces.Add(surface);
            segmentations.Add(segmentation);
        }

        Trie = CharTrie.Build(surfaces);
        _segmentations = [.. segmentations];
        _segmentPos = [.. pos];
        _segmentReadings = [.. readings];
    }

    /// <summary>Trie of phrase surfaces; outputs are phrase ids.</summary>
    public CharTrie Trie { get; }

    /// <summary>
    /// Finds every phrase occurrence in <paramref name="chars"/>[off, off+len) and returns one row per segment:
    /// <c>[wordId, position, length]</c>, ordered by position.
    /// </summary>
    public int[][] Lookup(char[] chars, int off, int len)
    {
        var result = new List<int[]>();
        int end = off + len;
        for (int start = off; start < end; start++)
        {
            int node = CharTrie.Root;
            for (int i = start; i < end && Trie.TryStep(ref node, chars[i]); i++)
            {
                int phrase = Trie.GetOutput(node);
                if (phrase < 0)
                {
                    continue;
                }

                int[] seg = _segmentations[phrase];
                int current = start - off;
                for (int j = 1; j < seg.Length; j++)
                {
                    result.Add([seg[0] + j - 1, current, seg[j]]);
                    current += seg[j];
                }
            }
        }

        return [.. result.OrderBy(r => r[1])];
    }

    /// <summary>Returns <c>[firstWordId, len1, len2, ...]</c> for a phrase id.</summary>
    public int[] LookupSegmentation(int phraseId) => _segmentations[phraseId];

    /// <inheritdoc/>
    public int GetLeftId(int wordId) => LEFT_ID;

    /// <inheritdoc/>
    public int GetRightId(int wordId) => RIGHT_ID;

    /// <inheritdoc/>
    public int GetWordCost(int wordId) => WORD_COST;

    /// <inheritdoc/>
    public string? GetPartOfSpeech(int wordId) => _segmentPos[wordId];

    /// <inheritdoc/>
    public string? GetReading(int wordId, char[] surface, int offset, int length) => _segmentReadings[wordId];

    /// <inheritdoc/>
    public string? GetBaseForm(int wordId, char[] surface, int offset, int length) => null;

    /// <inheritdoc/>
    public string? GetPronunciation(int wordId, char[] surface, int offset, int length) => null;

    /// <inheritdoc/>
    public string? GetInflectionType(int wordId) => null;

    /// <inheritdoc/>
    public string? GetInflectionForm(int wordId) => null;
}
