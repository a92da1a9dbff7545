namespace StrategyAssistant.Cli.Tests;

public sealed class IndexCommandTests : IDisposable
{
    private readonly CliProcess _cli = new();

    [Fact]
    public async Task Index_rebuilds_and_reports_what_it_read()
    {
        (int code, string output, _) = await _cli.RunAsync(["index"]);

        Assert.Equal(0, code);
        Assert.Contains("資料 5 件", output, StringComparison.Ordinal);
        Assert.Matches(@"パッセージ \d+ 件", output);
        Assert.True(Directory.Exists(_cli.IndexPath));
    }

    [Fact]
    public async Task Garbage_in_the_index_folder_is_rebuilt_without_a_stack_trace_and_logged()
    {
        Directory.CreateDirectory(_cli.IndexPath);
        await File.WriteAllTextAsync(Path.Combine(_cli.IndexPath, "segments_1"), "garbage");
        await File.WriteAllBytesAsync(Path.Combine(_cli.IndexPath, "_0.cfs"), [1, 2, 3]);

        (int code, string output, string error) = await _cli.RunAsync(["ask", "芦別市の移住者数の目標は？"]);

        Assert.Equal(0, code);
        Assert.Contains("40人", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.Contains("rebuilding", await File.ReadAllTextAsync(_cli.LogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_documents_folder_is_a_clear_error()
    {
        (int code, string output, string error) = await _cli.RunAsync(["ask", "移住者数"], environment: ("StrategyAssistant__DocumentsPath", "/nonexistent/documents"));

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("資料を読み込めませんでした", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
