using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using StrategyAssistant.Documents;

namespace StrategyAssistant.Cli.Commands;

/// <summary>A generated corpus for scale measurements: the bundled documents, then <c>scale − 1</c> copies of them under
/// fictional city names (every occurrence of the city's name in the text, title and issuer replaced), so a 100× corpus
/// has 100 times the documents, passages and records with the same structure.</summary>
internal static class ScaledCorpus
{
    // Two of these make a name; none is a municipality of the bundled corpus, and the pairs are not meant to be real ones.
    private const string NameParts = "青桜松梅若緑星光雪風泉岬丘峰湊楓柊椿菫翠";

    public static string Write(string documentsPath, int scale, string target)
    {
        Directory.CreateDirectory(target);
        JsonObject manifest = JsonNode.Parse(File.ReadAllBytes(Path.Combine(documentsPath, Corpus.ManifestFileName)))!.AsObject();
        JsonArray originals = manifest["documents"]!.AsArray();
        var entries = new JsonArray();
        for (int copy = 0; copy < scale; copy++)
        {
            foreach (JsonNode? node in originals)
            {
                JsonObject entry = node!.DeepClone().AsObject();
                string file = (string)entry["file"]!;
                string text = File.ReadAllText(Path.Combine(documentsPath, file), Encoding.UTF8);
                if (copy > 0)
                {
                    string city = (string)entry["city"]!;
                    string stem = Stem(city);
                    string fictional = FictionalStem(copy);
                    text = text.Replace(stem, fictional, StringComparison.Ordinal);
                    foreach (string field in new[] { "city", "title", "issuer" })
                    {
                        if (entry[field] is JsonValue value && value.TryGetValue(out string? s))
                        {
                            entry[field] = s.Replace(stem, fictional, StringComparison.Ordinal);
                        }
                    }

                    file = $"{copy:D3}_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16]}.txt";
                    entry["file"] = file;
                }

                File.WriteAllText(Path.Combine(target, file), text, new UTF8Encoding(false));
                entries.Add(entry);
            }
        }

        manifest["documents"] = entries;
        File.WriteAllText(Path.Combine(target, Corpus.ManifestFileName), manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return target;
    }

    private static string Stem(string city) => city.Length > 1 && city[^1] is '市' or '町' or '村' ? city[..^1] : city;

    private static string FictionalStem(int copy)
    {
        int n = NameParts.Length;
        return $"{NameParts[(copy / n) % n]}{NameParts[copy % n]}{(copy >= n * n ? (copy / (n * n)).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}";
    }
}
