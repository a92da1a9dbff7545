using System.Text;
using System.Text.Json;
using StrategyAssistant.Ingestion.Tests.Synthetic;

namespace StrategyAssistant.Ingestion.Tests;

/// <summary>A corpus folder (documents + manifest.json) and an index folder in a temporary directory, deleted after the test.</summary>
public sealed class TempCorpus : IDisposable
{
    private readonly List<Dictionary<string, string>> _entries = [];

    public TempCorpus()
    {
        Root = Directory.CreateTempSubdirectory("sa-ingest-").FullName;
        Documents = Path.Combine(Root, "documents");
        Directory.CreateDirectory(Documents);
        IndexPath = Path.Combine(Root, "lucene");
    }

    public string Root { get; }

    public string Documents { get; }

    public string IndexPath { get; }

    public static string RepositoryRoot { get; } = FindRoot();

    public static string BundledDocuments => Path.Combine(RepositoryRoot, "index", "documents");

    public TempCorpus Add(string file, byte[] bytes, string city, string kind = "strategy", bool listed = true)
    {
        File.WriteAllBytes(Path.Combine(Documents, file), bytes);
        return listed ? List(file, city, kind) : this;
    }

    public TempCorpus Add(SyntheticCity city) => Add(city.File, Encoding.UTF8.GetBytes(Renderings.Text(city)), city.City);

    public TempCorpus List(string file, string city, string kind = "strategy")
    {
        _entries.Add(new() { ["file"] = file, ["city"] = city, ["title"] = file, ["kind"] = kind });
        WriteManifest(Encoding.UTF8.GetBytes(ManifestJson()));
        return this;
    }

    public string ManifestJson() => JsonSerializer.Serialize(new { documents = _entries });

    public void WriteManifest(byte[] bytes) => File.WriteAllBytes(Path.Combine(Documents, "manifest.json"), bytes);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A test's leftover is harmless in the temporary folder.
        }
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategyAssistant.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
