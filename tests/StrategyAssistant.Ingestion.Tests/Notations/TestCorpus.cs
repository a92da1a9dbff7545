using StrategyAssistant.Documents;

namespace StrategyAssistant.Ingestion.Tests.Notations;

/// <summary>The bundled corpus (index/documents in this repository), loaded once per test run.</summary>
public static class TestCorpus
{
    private static readonly Lazy<Corpus> s_corpus = new(() => Corpus.Load(DocumentsDirectory));

    public static string RepositoryRoot { get; } = FindRoot();

    public static string DocumentsDirectory => Path.Combine(RepositoryRoot, "index", "documents");

    public static Corpus Corpus => s_corpus.Value;

    /// <summary>The document whose file name starts with <paramref name="prefix"/> (e.g. "001").</summary>
    public static SourceDocument Document(string prefix) =>
        Corpus.Documents.Single(d => d.File.StartsWith(prefix, StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategyAssistant.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (StrategyAssistant.sln) was not found above " + AppContext.BaseDirectory);
    }
}
