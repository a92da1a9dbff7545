using System.Text;
using System.Text.Json;

namespace StrategyAssistant.Answering;

/// <summary>Municipality names shipped as data (<c>index/vocabulary/municipalities-ja.json</c>, embedded): how a question can
/// name a place that is not one of the corpus's cities even where the dictionary reads it as a common noun or a surname
/// (滝川, 深川). A city's name may stand without 市 (「北見 観光客数」); a town or village is matched as written with 町/村.</summary>
public sealed class Municipalities
{
    public const string ResourceName = "municipalities-ja.json";

    private static readonly Lazy<Municipalities> s_default = new(() =>
    {
        using Stream stream = typeof(Municipalities).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded list {ResourceName} is missing from {typeof(Municipalities).Assembly.GetName().Name}.");
        return Load(stream);
    });

    private Municipalities(IReadOnlyList<string> cities, IReadOnlyList<string> towns)
    {
        Cities = cities;
        Towns = towns;
    }

    /// <summary>The bundled list.</summary>
    public static Municipalities Default => s_default.Value;

    /// <summary>Cities, written with 市.</summary>
    public IReadOnlyList<string> Cities { get; }

    /// <summary>Towns and villages, written with 町/村.</summary>
    public IReadOnlyList<string> Towns { get; }

    /// <summary>Reads a list; a malformed one fails with a message naming what is wrong.</summary>
    public static Municipalities Load(Stream json)
    {
        Dictionary<string, JsonElement>? file;
        try
        {
            file = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The municipality list is not valid JSON: {ex.Message}", ex);
        }

        string[] Names(string key) => file is not null && file.TryGetValue(key, out JsonElement e) && e.ValueKind == JsonValueKind.Array
            ? [.. e.EnumerateArray().Select(x => (x.GetString() ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim()).Where(x => x.Length >= 2)]
            : throw new FormatException($"The municipality list needs an array \"{key}\".");
        string[] cities = Names("cities");
        string[] towns = Names("towns");
        if (cities.FirstOrDefault(c => !c.EndsWith('市')) is { } city)
        {
            throw new FormatException($"The municipality list's \"cities\" must end in 市: \"{city}\".");
        }

        return new Municipalities(cities, towns);
    }

    /// <summary>The municipalities <paramref name="text"/> names as a word of its own: a city with or without 市, a town or
    /// village with 町/村; not inside a longer word (石狩川, 千歳空港) and not right after another kanji or katakana.</summary>
    public IEnumerable<string> Named(string text)
    {
        foreach (string city in Cities)
        {
            string stem = city[..^1];
            if (stem.Length >= 2 && StandsAlone(text, stem, allowSuffix: '市'))
            {
                yield return city;
            }
        }

        foreach (string town in Towns)
        {
            if (StandsAlone(text, town, allowSuffix: null))
            {
                yield return town;
            }
        }
    }

    private static bool StandsAlone(string text, string name, char? allowSuffix)
    {
        for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            int end = at + name.Length;
            bool before = at == 0 || !IsWordChar(text[at - 1]);
            bool after = end == text.Length || !IsWordChar(text[end]) || text[end] == allowSuffix;
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    // Kanji, katakana and the long-vowel mark continue a word; hiragana (particles), digits, spaces and punctuation end it.
    private static bool IsWordChar(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u30A0' and <= '\u30FF') or '々';
}
