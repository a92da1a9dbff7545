using System.Text.RegularExpressions;
using Lucene.Net.Analysis.TokenAttributes;
using StrategyAssistant.Japanese;
using StrategyAssistant.Japanese.TokenAttributes;

namespace StrategyAssistant.Answering;

/// <summary>Places a question names outside the corpus: ○○市/町/村/区 forms, shipped municipalities and the dictionary's own
/// place names.</summary>
public sealed partial class QuestionReader
{
    /// <summary>Places the question names that the corpus does not cover: ○○市/町/村/区 forms, and the dictionary's own place
    /// names (名詞,固有名詞,地域) standing as a word of their own, less wide areas (北海道, 全国) the documents compare with.</summary>
    private IEnumerable<string> OtherPlaces(string text)
    {
        var found = new List<string>();
        foreach (Match m in Places().Matches(text))
        {
            string place = m.Value;
            if (!_vocabulary.NotPlaces.Any(n => place.EndsWith(n, StringComparison.Ordinal)) && !IsCorpusCity(place))
            {
                found.Add(place);
            }
        }

        // Municipalities shipped as data name a place however the dictionary tags it (滝川 is a common noun to it).
        foreach (string named in Municipalities.Default.Named(text))
        {
            string stem = Stem(named);
            if (!IsCorpusCity(named) && !found.Any(f => f.Contains(stem, StringComparison.Ordinal)))
            {
                found.Add(named);
            }
        }

        List<(string Surface, string Pos, int Start, int End)> tokens = Tokens(text);
        for (int i = 0; i < tokens.Count; i++)
        {
            (string surface, string pos, _, int end) = tokens[i];
            // Many place names are surnames to the dictionary (名詞,固有名詞,人名,姓); one that opens the question stands for a place.
            bool place = pos.StartsWith("名詞-固有名詞-地域", StringComparison.Ordinal) || (i == 0 && pos.StartsWith("名詞-固有名詞-人名-姓", StringComparison.Ordinal));
            if (!place || surface.Length < 2 || IsCorpusCity(surface) || _vocabulary.WideAreas.Contains(surface) || found.Any(f => f.Contains(surface, StringComparison.Ordinal)))
            {
                continue;
            }

            // Part of a longer name written as one word (旭山動物園, 石狩川) is not a place asked about.
            (string Surface, string Pos, int Start, int End)? next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            bool adjacent = next is { } n && n.Start == end;
            bool suffix = adjacent && next!.Value.Pos.StartsWith("名詞-接尾-地域", StringComparison.Ordinal);
            bool compound = adjacent && !suffix && next!.Value.Pos.StartsWith("名詞", StringComparison.Ordinal);
            if (!compound)
            {
                found.Add(suffix ? surface + next!.Value.Surface : surface);
            }
        }

        return found.Distinct(StringComparer.Ordinal);
    }

    private bool IsCorpusCity(string place) =>
        _cities.Any(c => place.EndsWith(c, StringComparison.Ordinal) || c.StartsWith(Stem(place), StringComparison.Ordinal) || place.StartsWith(Stem(c), StringComparison.Ordinal));

    private static string Stem(string place) => place.Length > 1 ? place.TrimEnd('市', '町', '村', '区') : place;

    internal static List<(string Surface, string Pos, int Start, int End)> Tokens(string text)
    {
        var tokens = new List<(string, string, int, int)>();
        using var tokenizer = new JapaneseTokenizer(new StringReader(text), null, discardPunctuation: true, JapaneseTokenizerMode.NORMAL);
        var term = tokenizer.GetAttribute<ICharTermAttribute>();
        var pos = tokenizer.GetAttribute<IPartOfSpeechAttribute>();
        var offset = tokenizer.GetAttribute<IOffsetAttribute>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
            tokens.Add((term.ToString(), pos.GetPartOfSpeech() ?? string.Empty, offset.StartOffset, offset.EndOffset));
        }

        tokenizer.End();
        return tokens;
    }

    // A municipality or prefecture: two to four kanji (or katakana) before 市/町/村/区/都/府/県, not 市民, 市役所, 県道, 〇〇都市 ….
    [GeneratedRegex(@"(?<![\p{IsCJKUnifiedIdeographs}ぁ-んァ-ヶ])[\p{IsCJKUnifiedIdeographs}ァ-ヶ]{2,4}(?:市|町|村|区|都(?!市)|府|県)(?![民長内外役場町村議立営街道政域分画])")]
    private static partial Regex Places();
}
