using System.Text;
using System.Text.Json;
using StrategyAssistant.Stores;

namespace StrategyAssistant.Cli.Tests;

public sealed class FeedbackCommandTests : IClassFixture<CliProcess>, IDisposable
{
    private readonly CliProcess _cli;
    private readonly string _folder = Directory.CreateTempSubdirectory("sa-feedback-cli-").FullName;

    public FeedbackCommandTests(CliProcess cli)
    {
        _cli = cli;
    }

    private static FeedbackEntry Entry(string activity, string reaction, string text) => new()
    {
        ReceivedAt = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(9)),
        Reaction = reaction,
        Text = text,
        ConversationId = "a:conv",
        ActivityId = activity,
        MatchedBy = "message-id",
        Question = "市の移住者数の目標は？",
        Answer = "40人です。[1]",
        Citations = [new FeedbackCitation(1, "doc.txt", "総合戦略", "市", 12, 12, "移住者数 40人")],
    };

    [Fact]
    public async Task Export_from_a_sqlite_state_database_as_jsonl_and_csv()
    {
        string db = Path.Combine(_folder, "state.db");
        await using (StateDatabase database = StateDatabase.Sqlite(db))
        {
            var store = new SqlFeedbackStore(database);
            Assert.True(await store.AppendAsync(Entry("1", "like", "助かりました")));
            Assert.True(await store.AppendAsync(Entry("2", "dislike", "=HYPERLINK(\"x\"), 年度も")));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        (int code, string output, _) = await _cli.RunAsync(["feedback", "export", "--from", db, "--format", "jsonl"]);
        Assert.Equal(0, code);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("助かりました", JsonDocument.Parse(lines[0]).RootElement.GetProperty("text").GetString());

        string csvPath = Path.Combine(_folder, "out", "feedback.csv");
        (code, _, string error) = await _cli.RunAsync(["feedback", "export", "--from", db, "--format", "csv", "--out", csvPath]);
        Assert.Equal(0, code);
        Assert.Contains("2 件", error, StringComparison.Ordinal);
        byte[] bytes = await File.ReadAllBytesAsync(csvPath);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        string csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("received_at,reaction,text,", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\"), 年度も\"", csv, StringComparison.Ordinal);
        Assert.Contains("[1] 総合戦略 doc.txt:12", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_from_a_jsonl_file_skips_and_reports_a_torn_last_line_and_a_missing_source_is_a_clear_error()
    {
        string path = Path.Combine(_folder, "feedback.jsonl");
        using (var store = new JsonlFeedbackStore(path))
        {
            await store.AppendAsync(Entry("1", "like", "ok"));
        }

        await File.AppendAllTextAsync(path, "{\"receivedAt\":\"2026-");
        (int code, string output, string error) = await _cli.RunAsync(["feedback", "export", "--from", path]);
        Assert.Equal(0, code);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("feedback.jsonl:2", error, StringComparison.Ordinal);

        string missing = Path.Combine(_folder, "none.db");
        (code, _, error) = await _cli.RunAsync(["feedback", "export", "--from", missing]);
        Assert.Equal(1, code);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
