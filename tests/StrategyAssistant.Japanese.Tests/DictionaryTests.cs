using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using StrategyAssistant.Japanese.Dict;
using StrategyAssistant.Japanese.Util;
using Xunit.Abstractions;

namespace StrategyAssistant.Japanese.Tests;

/// <summary>The shipped compiled dictionary and the compiler.</summary>
public sealed class DictionaryTests(ITestOutputHelper output)
{
    /// <summary>SHA-256 of src/StrategyAssistant.Japanese/Dictionary/ipadic.bin.br (see the Dictionary README to rebuild).</summary>
    public const string ShippedSha256 = "4a09c4ff59c3409aef766a0f62e228de156593c623053ee84258dc855bb378e6";

    [Fact]
    public void Shipped_dictionary_matches_recorded_hash_and_size_limit()
    {
        using Stream stream = SystemDictionary.OpenResource();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        byte[] bytes = memory.ToArray();
        output.WriteLine($"ipadic.bin.br: {bytes.Length:N0} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}");
        Assert.True(bytes.Length < 20 * 1024 * 1024);
        Assert.Equal(ShippedSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public void System_dictionary_is_consistent()
    {
        TokenInfoDictionary dictionary = TokenInfoDictionary.Instance;
        // Surfaces in ordinal order own contiguous ranges of word ids; a surface's output is its first word id.
        int expectedFirst = 0;
        string? previous = null;
        int entries = 0;
        int surfaces = 0;
        foreach ((string surface, int first) in dictionary.Trie.Enumerate())
        {
            surfaces++;
            Assert.Equal(expectedFirst, first);
            Assert.True(previous == null || string.CompareOrdinal(previous, surface) < 0);
            Assert.Equal(dictionary.GetEndWordId(first) - first, dictionary.Trie.GetOutputCount(Node(dictionary.Trie, surface)));
            for (int wordId = dictionary.GetFirstWordId(first); wordId < dictionary.GetEndWordId(first); wordId++)
            {
                Assert.Equal(dictionary.GetLeftId(wordId), dictionary.GetRightId(wordId));
                Assert.False(string.IsNullOrEmpty(dictionary.GetPartOfSpeech(wordId)));
                Assert.NotEqual("*", dictionary.GetInflectionType(wordId));
                entries++;
            }

            previous = surface;
            expectedFirst = dictionary.GetEndWordId(first);
        }

        Assert.Equal(dictionary.Count, entries);
        Assert.Equal(dictionary.SurfaceCount, surfaces);
    }

    private static int Node(CharTrie trie, string key)
    {
        int node = CharTrie.Root;
        foreach (char c in key)
        {
            Assert.True(trie.TryStep(ref node, c));
        }

        return node;
    }

    [Fact]
    public void Character_definition_follows_char_def_and_kuromoji_overrides()
    {
        CharacterDefinition cd = CharacterDefinition.Instance;
        Assert.Equal(CharacterDefinition.SYMBOL, cd.GetCharacterClass('々'));
        Assert.Equal(CharacterDefinition.SYMBOL, cd.GetCharacterClass('〇'));
        Assert.Equal(CharacterDefinition.SYMBOL, cd.GetCharacterClass('・'));
        Assert.Equal(CharacterDefinition.KANJINUMERIC, cd.GetCharacterClass('億'));
        Assert.Equal(CharacterDefinition.KANJI, cd.GetCharacterClass('漢'));
        Assert.Equal(CharacterDefinition.KATAKANA, cd.GetCharacterClass('ー'));
        Assert.Equal(CharacterDefinition.DEFAULT, cd.GetCharacterClass('\uD842'));
        Assert.True(cd.IsInvoke('ア'));
        Assert.False(cd.IsGroup('漢'));
        Assert.Equal("名詞-サ変接続", UnknownDictionary.Instance.GetPartOfSpeech(UnknownDictionary.Instance.GetFirstWordId(CharacterDefinition.SYMBOL)));
        Assert.Equal("記号-一般", UnknownDictionary.Instance.GetPartOfSpeech(CharacterDefinition.NGRAM));
        Assert.Equal(-32768, UnknownDictionary.Instance.GetWordCost(CharacterDefinition.NGRAM));
    }

    [Fact]
    public void Compiler_is_deterministic_and_round_trips()
    {
        string dir = Directory.CreateTempSubdirectory("ipadic-mini").FullName;
        try
        {
            WriteMiniSources(dir);
            Encoding euc = DictionaryCompiler.GetEncoding("euc-jp");
            byte[] first = DictionaryCompiler.Compile(dir, euc);
            byte[] second = DictionaryCompiler.Compile(dir, euc);
            Assert.Equal(first, second);

            SystemDictionary mini = SystemDictionary.Load(new MemoryStream(first));
            TokenInfoDictionary tokens = mini.TokenInfo;

            // 令和 is added when the sources lack it; entries are sorted by surface, stable in file order.
            Assert.Equal(4, tokens.Count);
            int reiwa = tokens.Trie.Get("令和");
            Assert.True(reiwa >= 0);
            Assert.Equal("レイワ", tokens.GetReading(tokens.GetFirstWordId(reiwa), [], 0, 0));
            int aru = tokens.Trie.Get("あり");
            Assert.Equal(2, tokens.GetEndWordId(aru) - tokens.GetFirstWordId(aru));
            int first0 = tokens.GetFirstWordId(aru);
            Assert.Equal("ある", tokens.GetBaseForm(first0, [], 0, 0));
            Assert.Equal("動詞-自立", tokens.GetPartOfSpeech(first0));
            Assert.Equal("連用形", tokens.GetInflectionForm(first0));
            Assert.Equal(100, tokens.GetWordCost(first0));
            Assert.Equal(200, tokens.GetWordCost(first0 + 1));
            Assert.Equal("\u301C", tokens.GetPronunciation(tokens.GetFirstWordId(tokens.Trie.Get("\u301C")), [], 0, 0));
            Assert.Equal(-5, mini.ConnectionCosts.Get(1, 0));
            Assert.Equal(7, mini.ConnectionCosts.Get(0, 1));
            Assert.Equal(CharacterDefinition.SYMBOL, mini.CharacterDefinition.GetCharacterClass('・'));
            Assert.Equal(2, mini.Unknown.Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void WriteMiniSources(string dir)
    {
        Encoding euc = DictionaryCompiler.GetEncoding("euc-jp");
        File.WriteAllText(Path.Combine(dir, "Verb.csv"), "あり,1,1,100,動詞,自立,*,*,五段・ラ行,連用形,ある,アリ,アリ\nあり,1,1,200,動詞,自立,*,*,五段・ラ行,連用形,ある,アリ,アリ\n短い,行\n", euc);
        // Bytes A1C1: .NET decodes them as U+FF5E, Java and iconv as U+301C; the compiler follows Java.
        File.WriteAllText(Path.Combine(dir, "Symbol.csv"), "\uFF5E,0,0,50,記号,一般,*,*,*,*,\uFF5E,\uFF5E,\uFF5E\n", euc);
        File.WriteAllText(Path.Combine(dir, "char.def"), "DEFAULT 0 1 0\nKATAKANA 1 1 2\n0x30A1..0x30FF KATAKANA # katakana\n", euc);
        File.WriteAllText(Path.Combine(dir, "unk.def"), "DEFAULT,0,0,1000,記号,一般,*,*,*,*,*\n", euc);
        File.WriteAllText(Path.Combine(dir, "matrix.def"), "2 2\n0 0 0\n0 1 7\n1 0 -5\n1 1 3\n", Encoding.ASCII);
    }
}
