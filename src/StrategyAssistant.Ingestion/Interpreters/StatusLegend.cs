using System.Text;
using System.Text.RegularExpressions;
using StrategyAssistant.Documents;
using StrategyAssistant.Ingestion.Layout;
using StrategyAssistant.Ingestion.Vocabulary;
using StrategyAssistant.Records;

namespace StrategyAssistant.Ingestion.Interpreters;

/// <summary>A document's own legend for status symbols and letters — 「◎：目標値を達成、○：目標値の80％以上、△：…」,
/// 「A：目標達成済み　B：概ね順調（目標の70％以上）…」, one entry a line or several on one — and the meaning it gives a
/// record's status cell. Without a legend entry a symbol is left as written: nothing here invents a meaning.</summary>
public sealed partial class StatusLegend
{
    private readonly List<(int Line, string Symbol, string Meaning)> _entries;
    private readonly LayoutDocument _document;

    private StatusLegend(LayoutDocument document, List<(int Line, string Symbol, string Meaning)> entries)
    {
        _document = document;
        _entries = entries;
    }

    public int Count => _entries.Count;

    /// <summary>The legend entries of a document: a line with two or more <c>symbol：meaning</c> entries, or a run of two or
    /// more lines that each open with one.</summary>
    public static StatusLegend Read(LayoutDocument document, StrategyVocabulary vocabulary)
    {
        var entries = new List<(int Line, string Symbol, string Meaning)>();
        var single = new List<(int Line, string Symbol, string Meaning)>();
        Regex entry = EntryPattern(vocabulary);
        foreach (LayoutLine line in document.Lines)
        {
            var found = Entries(line.Text, entry).Select(e => (line.Number, e.Symbol, e.Meaning)).ToList();
            if (found.Count >= 2)
            {
                entries.AddRange(found);
            }

            bool opensWithOne = found.Count == 1 && line.Text.TrimStart().StartsWith(found[0].Symbol, StringComparison.Ordinal);
            if (opensWithOne && (single.Count == 0 || single[^1].Line == line.Number - 1))
            {
                single.Add(found[0]);
                continue;
            }

            if (single.Count >= 2)
            {
                entries.AddRange(single);
            }

            single = opensWithOne ? [found[0]] : [];
        }

        if (single.Count >= 2)
        {
            entries.AddRange(single);
        }

        return new StatusLegend(document, entries);
    }

    /// <summary>What a status cell means by the legend (the entry nearest above the record, else nearest below), or null.
    /// A cell such as Ｂ（概ね順調） that writes its meaning beside the letter is its own legend, cited to its line.</summary>
    public StatusMeaning? Meaning(string? status, int recordLine, Citation cellSource)
    {
        if (status is null)
        {
            return null;
        }

        string written = status.Trim();
        Match inline = InlineMeaning().Match(written);
        string symbol = Symbol(inline.Success ? inline.Groups["sym"].Value : written);
        var candidates = _entries.Where(e => e.Symbol == symbol).ToList();
        if (candidates.Count > 0)
        {
            var best = candidates.OrderBy(e => e.Line <= recordLine ? 0 : 1).ThenBy(e => Math.Abs(e.Line - recordLine)).First();
            return new StatusMeaning(inline.Success ? inline.Groups["sym"].Value : written, best.Meaning, _document.Cite(best.Line, best.Line));
        }

        return inline.Success ? new StatusMeaning(inline.Groups["sym"].Value, inline.Groups["meaning"].Value.Trim(), cellSource) : null;
    }

    private static IEnumerable<(string Symbol, string Meaning)> Entries(string text, Regex entry)
    {
        var matches = entry.Matches(text).ToList();
        for (int i = 0; i < matches.Count; i++)
        {
            int start = matches[i].Index + matches[i].Length;
            int end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            string meaning = MeaningEnd().Split(text[start..end].Trim(), 2)[0].Trim().TrimEnd('、', ',', '。', '．');
            if (meaning.Length is > 0 and <= 40)
            {
                yield return (Symbol(matches[i].Groups["sym"].Value), meaning);
            }
        }
    }

    /// <summary>A symbol as compared: NFKC (Ｂ → B), 〇 as ○, no spaces.</summary>
    private static string Symbol(string text) => StrategyVocabulary.Fold(text).Replace('〇', '○');

    private static Regex EntryPattern(StrategyVocabulary vocabulary)
    {
        var words = new StringBuilder();
        foreach (string w in vocabulary.StatusWords)
        {
            words.Append('|').Append(Regex.Escape(w));
        }

        // An entry opens the line, or follows a space, a comma, an opening bracket or a closing lenticular one (【評価基準】Ａ＝…).
        return new Regex(@"(?<=^|[\s　、,。（(】］・])(?<sym>[◎○〇●◯△▲▽×✕☓□■◇◆☆★]|[SＳA-EＡ-Ｅ]" + words + @")\s*[：:＝=]\s*", RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\s{2,}|　|、")]
    private static partial Regex MeaningEnd();

    [GeneratedRegex(@"^(?<sym>[SＳA-EＡ-Ｅ◎○〇●△▲×])\s*[（(](?<meaning>[^（）()]+)[）)]$")]
    private static partial Regex InlineMeaning();
}
