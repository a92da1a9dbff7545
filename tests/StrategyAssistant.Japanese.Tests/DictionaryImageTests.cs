using StrategyAssistant.Japanese.Dict;

namespace StrategyAssistant.Japanese.Tests;

/// <summary>The uncompressed dictionary image: written on first use, read back to the same dictionary, and a damaged or
/// foreign image is refused (the embedded dictionary is loaded and the image rewritten).</summary>
[Collection(nameof(DictionaryLoadTests))]
public sealed class DictionaryImageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sa-dict-image-").FullName;

    private string ImagePath => Path.Combine(_folder, "ipadic.img");

    [Fact]
    public void The_image_is_written_on_first_use_and_read_back_to_the_same_dictionary()
    {
        SystemDictionary first = SystemDictionary.LoadCached(ImagePath);
        Assert.Equal("embedded", first.LoadedFrom);
        Assert.True(File.Exists(ImagePath));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));

        SystemDictionary second = SystemDictionary.LoadCached(ImagePath);
        Assert.Equal(ImagePath, second.LoadedFrom);
        AssertSame(first, second);
    }

    [Fact]
    public void A_truncated_or_foreign_image_is_refused_and_rewritten()
    {
        SystemDictionary embedded = SystemDictionary.LoadCached(ImagePath);
        byte[] image = File.ReadAllBytes(ImagePath);

        File.WriteAllBytes(ImagePath, image[..(image.Length / 2)]);
        SystemDictionary afterTruncation = SystemDictionary.LoadCached(ImagePath);
        Assert.Equal("embedded", afterTruncation.LoadedFrom);
        Assert.Equal(image.Length, new FileInfo(ImagePath).Length);

        byte[] foreign = (byte[])image.Clone();
        foreign[0] ^= 0xFF;
        File.WriteAllBytes(ImagePath, foreign);
        Assert.Equal("embedded", SystemDictionary.LoadCached(ImagePath).LoadedFrom);

        SystemDictionary reread = SystemDictionary.LoadCached(ImagePath);
        Assert.Equal(ImagePath, reread.LoadedFrom);
        AssertSame(embedded, reread);
    }

    [Fact]
    public void Writing_an_image_deletes_other_builds_images_unused_for_a_day_and_keeps_the_rest()
    {
        string current = Path.Combine(_folder, "ipadic-00000000000000000000000000000001.img");
        string stale = Path.Combine(_folder, "ipadic-00000000000000000000000000000002.img");
        string recent = Path.Combine(_folder, "ipadic-00000000000000000000000000000003.img");
        string unrelated = Path.Combine(_folder, "notes.img");
        foreach (string file in new[] { stale, recent, unrelated })
        {
            File.WriteAllText(file, "x");
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow - TimeSpan.FromDays(3));
        }

        File.SetLastWriteTimeUtc(recent, DateTime.UtcNow - TimeSpan.FromHours(2));
        Assert.Equal("embedded", SystemDictionary.LoadCached(current).LoadedFrom);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(unrelated));

        // Reading marks the image as used, so a later writer keeps it.
        File.SetLastWriteTimeUtc(current, DateTime.UtcNow - TimeSpan.FromDays(3));
        Assert.Equal(current, SystemDictionary.LoadCached(current).LoadedFrom);
        Assert.True(File.GetLastWriteTimeUtc(current) > DateTime.UtcNow - TimeSpan.FromHours(1));
    }

    private static void AssertSame(SystemDictionary expected, SystemDictionary actual)
    {
        Assert.Equal(expected.TokenInfo.Count, actual.TokenInfo.Count);
        Assert.Equal(expected.TokenInfo.Trie.NodeCount, actual.TokenInfo.Trie.NodeCount);
        foreach (string surface in new[] { "移住", "令和", "目標", "ある", "戦略" })
        {
            int ordinal = expected.TokenInfo.Trie.Get(surface);
            Assert.True(ordinal >= 0, surface);
            Assert.Equal(ordinal, actual.TokenInfo.Trie.Get(surface));
            for (int id = expected.TokenInfo.GetFirstWordId(ordinal); id < expected.TokenInfo.GetEndWordId(ordinal); id++)
            {
                Assert.Equal(expected.TokenInfo.GetPartOfSpeech(id), actual.TokenInfo.GetPartOfSpeech(id));
                Assert.Equal(expected.TokenInfo.GetReading(id, [], 0, 0), actual.TokenInfo.GetReading(id, [], 0, 0));
                Assert.Equal(expected.TokenInfo.GetBaseForm(id, [], 0, 0), actual.TokenInfo.GetBaseForm(id, [], 0, 0));
                Assert.Equal(expected.TokenInfo.GetWordCost(id), actual.TokenInfo.GetWordCost(id));
            }
        }

        Assert.Equal(expected.ConnectionCosts.Get(3, 7), actual.ConnectionCosts.Get(3, 7));
        Assert.Equal(expected.Unknown.GetPartOfSpeech(1), actual.Unknown.GetPartOfSpeech(1));
        Assert.Equal(expected.CharacterDefinition.GetCharacterClass('ア'), actual.CharacterDefinition.GetCharacterClass('ア'));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
