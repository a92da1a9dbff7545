using System.Text;
using StrategyAssistant.Stores;

namespace StrategyAssistant.Bot.Tests.Stores;

public sealed class JsonlFeedbackStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sa-jsonl-").FullName;

    [Fact]
    public async Task A_torn_last_line_is_skipped_and_reported_and_the_next_entry_starts_on_its_own_line()
    {
        string path = Path.Combine(_folder, "feedback.jsonl");
        using (var store = new JsonlFeedbackStore(path))
        {
            Assert.True(await store.AppendAsync(StoreContractTests.Entry("c1", "a1", "like")));
        }

        // A crash or a full disk in the middle of the next write.
        await File.AppendAllTextAsync(path, "{\"receivedAt\":\"2026-01-01T00:00:00+00:00\",\"reac", Encoding.UTF8);

        using (var store = new JsonlFeedbackStore(path))
        {
            Assert.False(await store.AppendAsync(StoreContractTests.Entry("c1", "a1", "like")));
            Assert.True(await store.AppendAsync(StoreContractTests.Entry("c1", "a2", "dislike")));
            List<FeedbackEntry> all = await store.ReadAllAsync().ToListAsync();
            Assert.Equal(["a1", "a2"], all.Select(e => e.ActivityId));
            Assert.Contains(":2: not a whole JSON entry", Assert.Single(store.Problems), StringComparison.Ordinal);
        }

        string[] lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith("}", lines[2], StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
