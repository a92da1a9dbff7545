using System.Text;

namespace StrategyAssistant.Japanese.Util;

/// <summary>English translations of IPADIC part-of-speech and inflection labels, and Hepburn romanization of katakana.</summary>
public static class ToStringUtil
{
    private static readonly Dictionary<string, string> s_posLevels = new(StringComparer.Ordinal)
    {
        ["名詞"] = "noun", ["一般"] = "common", ["固有名詞"] = "proper", ["人名"] = "person", ["姓"] = "surname", ["名"] = "given",
        ["組織"] = "organization", ["地域"] = "place", ["国"] = "country", ["代名詞"] = "pronoun", ["縮約"] = "contraction",
        ["副詞可能"] = "adverbial", ["サ変接続"] = "verbal", ["形容動詞語幹"] = "adjective-base", ["数"] = "numeric",
        ["非自立"] = "affix", ["助動詞語幹"] = "auxiliary-verb", ["特殊"] = "special", ["接尾"] = "suffix", ["助数詞"] = "counter",
        ["接続詞的"] = "conjunctive", ["動詞非自立的"] = "verbal-auxiliary", ["引用文字列"] = "quotation", ["ナイ形容詞語幹"] = "adjective-nai-base",
        ["接頭詞"] = "prefix", ["名詞接続"] = "nominal", ["動詞接続"] = "verbal", ["形容詞接続"] = "adjectival", ["数接続"] = "numeric",
        ["動詞"] = "verb", ["自立"] = "main", ["形容詞"] = "adjective", ["副詞"] = "adverb", ["助詞類接続"] = "particle",
        ["連体詞"] = "adnominal", ["接続詞"] = "conjunction", ["助詞"] = "particle", ["格助詞"] = "case", ["引用"] = "quote",
        ["連語"] = "compound", ["接続助詞"] = "conjunctive", ["係助詞"] = "dependency", ["副助詞"] = "adverbial",
        ["間投助詞"] = "interjective", ["並立助詞"] = "coordinate", ["終助詞"] = "final",
        ["副助詞／並立助詞／終助詞"] = "adverbial/conjunctive/final", ["連体化"] = "adnominalizer", ["副詞化"] = "adnominalizer",
        ["助動詞"] = "auxiliary-verb", ["感動詞"] = "interjection", ["記号"] = "symbol", ["句点"] = "period", ["読点"] = "comma",
        ["空白"] = "space", ["括弧開"] = "open", ["括弧閉"] = "close", ["アルファベット"] = "alphabet", ["その他"] = "other",
        ["間投"] = "interjection", ["フィラー"] = "filler", ["非言語音"] = "non-verbal", ["語断片"] = "fragment", ["未知語"] = "unknown",
    };

    private static readonly Dictionary<string, string> s_inflectionTypes = new(StringComparer.Ordinal)
    {
        ["*"] = "*", ["形容詞・アウオ段"] = "adj-group-a-o-u", ["形容詞・イ段"] = "adj-group-i", ["形容詞・イイ"] = "adj-group-ii",
        ["不変化型"] = "non-inflectional", ["特殊・タ"] = "special-da", ["特殊・ダ"] = "special-ta", ["文語・ゴトシ"] = "classical-gotoshi",
        ["特殊・ジャ"] = "special-ja", ["特殊・ナイ"] = "special-nai", ["五段・ラ行特殊"] = "5-row-cons-r-special", ["特殊・ヌ"] = "special-nu",
        ["文語・キ"] = "classical-ki", ["特殊・タイ"] = "special-tai", ["文語・ベシ"] = "classical-beshi", ["特殊・ヤ"] = "special-ya",
        ["文語・マジ"] = "classical-maji", ["下二・タ行"] = "2-row-lower-cons-t", ["特殊・デス"] = "special-desu", ["特殊・マス"] = "special-masu",
        ["五段・ラ行アル"] = "5-row-aru", ["文語・ナリ"] = "classical-nari", ["文語・リ"] = "classical-ri", ["文語・ケリ"] = "classical-keri",
        ["文語・ル"] = "classical-ru", ["五段・カ行イ音便"] = "5-row-cons-k-i-onbin", ["五段・サ行"] = "5-row-cons-s", ["一段"] = "1-row",
        ["五段・ワ行促音便"] = "5-row-cons-w-cons-onbin", ["五段・マ行"] = "5-row-cons-m", ["五段・タ行"] = "5-row-cons-t", ["五段・ラ行"] = "5-row-cons-r",
        ["サ変・−スル"] = "irregular-suffix-suru", ["五段・ガ行"] = "5-row-cons-g", ["サ変・−ズル"] = "irregular-suffix-zuru",
        ["五段・バ行"] = "5-row-cons-b", ["五段・ワ行ウ音便"] = "5-row-cons-w-u-onbin", ["下二・ダ行"] = "2-row-lower-cons-d",
        ["五段・カ行促音便ユク"] = "5-row-cons-k-cons-onbin-yuku", ["上二・ダ行"] = "2-row-upper-cons-d", ["五段・カ行促音便"] = "5-row-cons-k-cons-onbin",
        ["一段・得ル"] = "1-row-eru", ["四段・タ行"] = "4-row-cons-t", ["五段・ナ行"] = "5-row-cons-n", ["下二・ハ行"] = "2-row-lower-cons-h",
        ["四段・ハ行"] = "4-row-cons-h", ["四段・バ行"] = "4-row-cons-b", ["サ変・スル"] = "irregular-suru", ["上二・ハ行"] = "2-row-upper-cons-h",
        ["下二・マ行"] = "2-row-lower-cons-m", ["四段・サ行"] = "4-row-cons-s", ["下二・ガ行"] = "2-row-lower-cons-g", ["カ変・来ル"] = "kuru-kanji",
        ["一段・クレル"] = "1-row-kureru", ["下二・得"] = "2-row-lower-u", ["カ変・クル"] = "kuru-kana", ["ラ変"] = "irregular-cons-r",
        ["下二・カ行"] = "2-row-lower-cons-k",
    };

    private static readonly Dictionary<string, string> s_inflectedForms = new(StringComparer.Ordinal)
    {
        ["*"] = "*", ["基本形"] = "base", ["文語基本形"] = "classical-base", ["未然ヌ接続"] = "imperfective-nu-connection",
        ["未然ウ接続"] = "imperfective-u-connection", ["連用タ接続"] = "conjunctive-ta-connection", ["連用テ接続"] = "conjunctive-te-connection",
        ["連用ゴザイ接続"] = "conjunctive-gozai-connection", ["体言接続"] = "uninflected-connection", ["仮定形"] = "subjunctive",
        ["命令ｅ"] = "imperative-e", ["仮定縮約１"] = "conditional-contracted-1", ["仮定縮約２"] = "conditional-contracted-2",
        ["ガル接続"] = "garu-connection", ["未然形"] = "imperfective", ["連用形"] = "conjunctive", ["音便基本形"] = "onbin-base",
        ["連用デ接続"] = "conjunctive-de-connection", ["未然特殊"] = "imperfective-special", ["命令ｉ"] = "imperative-i",
        ["連用ニ接続"] = "conjunctive-ni-connection", ["命令ｙｏ"] = "imperative-yo", ["体言接続特殊"] = "adnominal-special",
        ["命令ｒｏ"] = "imperative-ro", ["体言接続特殊２"] = "uninflected-special-connection-2", ["未然レル接続"] = "imperfective-reru-connection",
        ["現代基本形"] = "modern-base", ["基本形-促音便"] = "base-onbin",
    };

    private static readonly Dictionary<char, string> s_kana = BuildKanaTable();

    /// <summary>English for a part of speech such as "名詞-接尾-サ変接続" ("noun-suffix-verbal"); unknown levels are kept.</summary>
    public static string? GetPOSTranslation(string? s) =>
        s == null ? null : string.Join('-', s.Split('-').Select(level => s_posLevels.TryGetValue(level, out string? en) ? en : level));

    /// <summary>English for an inflection type, or null when unknown.</summary>
    public static string? GetInflectionTypeTranslation(string? s) => s != null && s_inflectionTypes.TryGetValue(s, out string? en) ? en : null;

    /// <summary>English for an inflected form, or null when unknown.</summary>
    public static string? GetInflectedFormTranslation(string? s) => s != null && s_inflectedForms.TryGetValue(s, out string? en) ? en : null;

    /// <summary>Hepburn romanization of a katakana string (null stays null).</summary>
    public static string? GetRomanization(string? s)
    {
        if (s == null)
        {
            return null;
        }

        var sb = new StringBuilder(s.Length * 2);
        GetRomanization(sb, s);
        return sb.ToString();
    }

    /// <summary>
    /// Appends the Hepburn romanization of katakana <paramref name="s"/>: ー is dropped, ン becomes n' before a vowel or
    /// y and m before b/m/p, ッ doubles the next consonant (ッチ → tchi), and オウ/オオ/ウウ become ō/ū.
    /// Characters that are not katakana are copied unchanged.
    /// </summary>
    public static void GetRomanization(StringBuilder builder, string s)
    {
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == 'ー')
            {
                i++;
                continue;
            }

            if (c == 'ッ')
            {
                string? next = NextSyllable(s, i + 1, out _);
                if (next != null && next.Length > 0 && !IsVowel(next[0]))
                {
                    builder.Append(next.StartsWith("ch", StringComparison.Ordinal) ? 't' : next[0]);
                }

                i++;
                continue;
            }

            if (c == 'ン')
            {
                string? next = NextSyllable(s, i + 1, out _);
                if (next != null && next.Length > 0 && (IsVowel(next[0]) || next[0] == 'y'))
                {
                    builder.Append("n'");
                }
                else if (next != null && next.Length > 0 && next[0] is 'b' or 'm' or 'p')
                {
                    builder.Append('m');
                }
                else
                {
                    builder.Append('n');
                }

                i++;
                continue;
            }

            string? syllable = NextSyllable(s, i, out int consumed);
            if (syllable == null)
            {
                builder.Append(c);
                i++;
                continue;
            }

            i += consumed;
            char last = syllable[^1];
            if (i < s.Length && ((last == 'o' && s[i] is 'ウ' or 'オ') || (last == 'u' && s[i] == 'ウ')))
            {
                builder.Append(syllable, 0, syllable.Length - 1).Append(last == 'o' ? 'ō' : 'ū');
                i++;
                continue;
            }

            builder.Append(syllable);
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'i' or 'u' or 'e' or 'o';

    private static string? NextSyllable(string s, int i, out int consumed)
    {
        consumed = 0;
        if (i >= s.Length || !s_kana.TryGetValue(s[i], out string? roman))
        {
            return null;
        }

        consumed = 1;
        if (i + 1 < s.Length && s[i + 1] is 'ャ' or 'ュ' or 'ョ' or 'ァ' or 'ィ' or 'ゥ' or 'ェ' or 'ォ')
        {
            string? combined = Combine(roman, s[i + 1]);
            if (combined != null)
            {
                consumed = 2;
                return combined;
            }
        }

        return roman;
    }

    private static string? Combine(string roman, char small)
    {
        string vowel = small switch
        {
            'ャ' => "a",
            'ュ' => "u",
            'ョ' => "o",
            'ァ' => "a",
            'ィ' => "i",
            'ゥ' => "u",
            'ェ' => "e",
            _ => "o",
        };
        bool yoon = small is 'ャ' or 'ュ' or 'ョ';
        if (yoon)
        {
            return roman switch
            {
                "shi" => "sh" + vowel,
                "chi" => "ch" + vowel,
                "ji" => "j" + vowel,
                _ when roman.Length == 2 && roman[1] == 'i' => roman[0] + "y" + vowel,
                _ => null,
            };
        }

        return roman switch
        {
            "fu" => "f" + vowel,
            "u" => "w" + vowel,
            "vu" => "v" + vowel,
            "te" when small == 'ィ' => "ti",
            "de" when small == 'ィ' => "di",
            "to" when small == 'ゥ' => "tu",
            "do" when small == 'ゥ' => "du",
            "shi" when small == 'ェ' => "she",
            "chi" when small == 'ェ' => "che",
            "ji" when small == 'ェ' => "je",
            "tsu" => "ts" + vowel,
            _ => null,
        };
    }

    private static Dictionary<char, string> BuildKanaTable()
    {
        const string kana = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヰヱヲガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォャュョヮ";
        string[] roman =
        [
            "a", "i", "u", "e", "o", "ka", "ki", "ku", "ke", "ko", "sa", "shi", "su", "se", "so", "ta", "chi", "tsu", "te", "to",
            "na", "ni", "nu", "ne", "no", "ha", "hi", "fu", "he", "ho", "ma", "mi", "mu", "me", "mo", "ya", "yu", "yo",
            "ra", "ri", "ru", "re", "ro", "wa", "i", "e", "o", "ga", "gi", "gu", "ge", "go", "za", "ji", "zu", "ze", "zo",
            "da", "ji", "zu", "de", "do", "ba", "bi", "bu", "be", "bo", "pa", "pi", "pu", "pe", "po", "vu",
            "a", "i", "u", "e", "o", "ya", "yu", "yo", "wa",
        ];
        var table = new Dictionary<char, string>();
        for (int i = 0; i < kana.Length; i++)
        {
            table[kana[i]] = roman[i];
        }

        return table;
    }
}
