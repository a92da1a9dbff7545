using System.Text;

namespace StrategyAssistant.Cli.Tests;

/// <summary><c>index add</c> against a full rebuild, through the real console host: the records export and the answers
/// after adding a document (its city linked on its own, the other cities' parts copied) are those of a rebuild from scratch.</summary>
public sealed class IndexAddCommandTests : IDisposable
{
    private static readonly string[] s_questions =
    [
        "芦別市の移住者数の目標は？",
        "旭川市の令和6年度の事業費の合計は？",
        "砂川市の就業者数の目標は？",
        "霧ヶ岬市の移住者数の目標は？",
        "子育て支援の取組は？",
    ];

    private readonly CliProcess _cli = new();
    private readonly string _documents = Directory.CreateTempSubdirectory("sa-cli-add-").FullName;

    [Fact]
    public async Task Adding_a_document_gives_the_records_and_answers_of_a_full_rebuild()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(_cli.RepositoryRoot, "index", "documents")))
        {
            File.Copy(file, Path.Combine(_documents, Path.GetFileName(file)));
        }

        (string Name, string Value) documents = ("StrategyAssistant__DocumentsPath", _documents);
        Assert.Equal(0, (await _cli.RunAsync(["index"], environment: documents)).ExitCode);

        // The strategy of 芦別市 again, as a new city's.
        string added = Path.Combine(Path.GetTempPath(), $"sa-added-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(added, (await File.ReadAllTextAsync(Path.Combine(_documents, "004_62fb755ce21c91b3.txt"))).Replace("芦別市", "霧ヶ岬市", StringComparison.Ordinal));
        try
        {
            (int code, string output, _) = await _cli.RunAsync(["index", "add", added, "--city", "霧ヶ岬市", "--kind", "strategy"], environment: documents);
            Assert.Equal(0, code);
            Assert.Contains("取り込んだ資料 1 件", output, StringComparison.Ordinal);
            Assert.Contains("差分更新", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(added);
        }

        (string records, string answers) incremental = await ExportAndAskAsync(documents);
        Assert.Contains("霧ヶ岬市", incremental.records, StringComparison.Ordinal);

        foreach (string path in new[] { _cli.IndexPath + ".snapshot.json", _cli.IndexPath + ".ingest.json" })
        {
            File.Delete(path);
        }

        Directory.Delete(_cli.IndexPath, recursive: true);
        (string records, string answers) rebuilt = await ExportAndAskAsync(documents);

        Assert.Equal(rebuilt.records, incremental.records);
        Assert.Equal(rebuilt.answers, incremental.answers);
    }

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_documents, recursive: true);
    }

    private async Task<(string Records, string Answers)> ExportAndAskAsync((string, string) documents)
    {
        (int code, string records, _) = await _cli.RunAsync(["records", "export", "--format", "json"], environment: documents);
        Assert.Equal(0, code);
        (code, string answers, _) = await _cli.RunAsync(["ask", "--json"], Encoding.UTF8.GetBytes(string.Join('\n', s_questions) + "\n"), documents);
        Assert.Equal(0, code);
        return (records, answers);
    }
}
