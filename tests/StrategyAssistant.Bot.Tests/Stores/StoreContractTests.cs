using Microsoft.Extensions.Time.Testing;
using StrategyAssistant.Answering;
using StrategyAssistant.Stores;

namespace StrategyAssistant.Bot.Tests.Stores;

/// <summary>The same contract on both engines: SQLite in a temporary file and a real PostgreSQL 15. Each test opens two
/// <see cref="StateDatabase"/> objects on one database, as two instances would.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class StoreContractTests : IAsyncLifetime
{
    private readonly PostgreSqlServer _server;
    private readonly List<StateDatabase> _opened = [];
    private readonly List<string> _folders = [];

    public StoreContractTests(PostgreSqlServer server)
    {
        _server = server;
    }

    public static TheoryData<string> Engines => new() { "sqlite", "postgresql" };

    private async Task<(StateDatabase First, StateDatabase Second)> TwoInstancesAsync(string engine)
    {
        StateDatabase first, second;
        if (engine == "sqlite")
        {
            string folder = Directory.CreateTempSubdirectory("sa-store-").FullName;
            _folders.Add(folder);
            string path = Path.Combine(folder, "data", "state.db");
            (first, second) = (StateDatabase.Sqlite(path), StateDatabase.Sqlite(path));
        }
        else
        {
            string connection = await _server.CreateDatabaseAsync();
            (first, second) = (StateDatabase.PostgreSql(connection), StateDatabase.PostgreSql(connection));
        }

        _opened.Add(first);
        _opened.Add(second);
        return (first, second);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task An_activity_is_claimed_once_across_instances_until_released_or_its_lease_runs_out(string engine)
    {
        (StateDatabase a, StateDatabase b) = await TwoInstancesAsync(engine);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logA = new SqlActivityLog(a, time, TimeSpan.FromHours(2), TimeSpan.FromMinutes(2));
        var logB = new SqlActivityLog(b, time, TimeSpan.FromHours(2), TimeSpan.FromMinutes(2));

        Assert.True(await logA.TryBeginAsync("c1", "a1"));
        Assert.False(await logB.TryBeginAsync("c1", "a1"));
        Assert.True(await logB.TryBeginAsync("c1", "a2"));

        // Released after a failure: the re-delivery is processed, by either instance.
        await logA.AbandonAsync("c1", "a1");
        Assert.True(await logB.TryBeginAsync("c1", "a1"));
        await logB.CompleteAsync("c1", "a1");
        Assert.False(await logA.TryBeginAsync("c1", "a1"));

        // An unfinished claim (its instance died) is taken over after the lease; a completed one is not, until retention ends.
        Assert.True(await logA.TryBeginAsync("c2", "a1"));
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.True(await logB.TryBeginAsync("c2", "a1"));
        Assert.False(await logA.TryBeginAsync("c1", "a1"));
        time.Advance(TimeSpan.FromHours(3));
        Assert.True(await logA.TryBeginAsync("c1", "a1"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Concurrent_claims_of_one_activity_from_two_instances_succeed_exactly_once(string engine)
    {
        (StateDatabase a, StateDatabase b) = await TwoInstancesAsync(engine);
        var logA = new SqlActivityLog(a, TimeProvider.System, TimeSpan.FromHours(2), TimeSpan.FromMinutes(2));
        var logB = new SqlActivityLog(b, TimeProvider.System, TimeSpan.FromHours(2), TimeSpan.FromMinutes(2));
        await a.MigrateAsync();
        await b.MigrateAsync();
        for (int round = 0; round < 5; round++)
        {
            string activity = "race-" + round;
            bool[] won = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => (i % 2 == 0 ? logA : logB).TryBeginAsync("c", activity))));
            Assert.Equal(1, won.Count(w => w));
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Conversation_state_written_by_one_instance_is_read_by_the_other(string engine)
    {
        (StateDatabase a, StateDatabase b) = await TwoInstancesAsync(engine);
        var storeA = new SqlConversationStore(a, TimeProvider.System, TimeSpan.FromDays(30));
        var storeB = new SqlConversationStore(b, TimeProvider.System, TimeSpan.FromDays(30));

        Assert.Equal(ConversationState.Empty, await storeB.GetAsync("conv"));
        await storeA.SetAsync("conv", new ConversationState("市の移住者数の目標は？"));
        Assert.Equal("市の移住者数の目標は？", (await storeB.GetAsync("conv")).Subject);
        await storeB.SetAsync("conv", new ConversationState("市の人口は？"));
        Assert.Equal("市の人口は？", (await storeA.GetAsync("conv")).Subject);
        Assert.Equal(ConversationState.Empty, await storeA.GetAsync("other"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Feedback_is_stored_once_per_conversation_and_activity_and_read_back_in_order(string engine)
    {
        (StateDatabase a, StateDatabase b) = await TwoInstancesAsync(engine);
        var storeA = new SqlFeedbackStore(a);
        var storeB = new SqlFeedbackStore(b);
        FeedbackEntry entry = Entry("c1", "act-1", "like");

        Assert.True(await storeA.AppendAsync(entry));
        Assert.False(await storeB.AppendAsync(entry with { Reaction = "dislike" }));
        Assert.True(await storeB.AppendAsync(Entry("c1", "act-2", "dislike")));
        Assert.True(await storeA.AppendAsync(Entry("c1", null, "like")));
        Assert.True(await storeA.AppendAsync(Entry("c1", null, "like")));

        List<FeedbackEntry> all = await storeB.ReadAllAsync().ToListAsync();
        Assert.Equal(["act-1", "act-2", null, null], all.Select(e => e.ActivityId));
        Assert.Equal("like", all[0].Reaction);
        Assert.Equal("目標年度も知りたい", all[0].Text);
        Assert.Equal("芦別市", Assert.Single(all[0].Citations).City);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Migrations_are_applied_once_and_a_newer_schema_is_refused_with_a_message(string engine)
    {
        (StateDatabase a, StateDatabase b) = await TwoInstancesAsync(engine);
        await Task.WhenAll(a.MigrateAsync(), b.MigrateAsync());
        await using (System.Data.Common.DbConnection connection = await a.OpenAsync())
        {
            await using System.Data.Common.DbCommand count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM sa_schema_migrations";
            Assert.Equal(StateDatabase.CurrentVersion, Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            if (engine == "sqlite")
            {
                await using System.Data.Common.DbCommand mode = connection.CreateCommand();
                mode.CommandText = "PRAGMA journal_mode";
                Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync());
            }

            await using System.Data.Common.DbCommand newer = connection.CreateCommand();
            newer.CommandText = "INSERT INTO sa_schema_migrations (version, description, applied_at) VALUES (99, 'from a newer build', 0)";
            await newer.ExecuteNonQueryAsync();
        }

        StateDatabase third = engine == "sqlite" ? StateDatabase.Sqlite(a.Description) : StateDatabase.PostgreSql(((Npgsql.NpgsqlConnection)await b.OpenAsync()).ConnectionString);
        _opened.Add(third);
        InvalidOperationException refused = await Assert.ThrowsAsync<InvalidOperationException>(() => third.MigrateAsync());
        Assert.Contains("schema version 99", refused.Message, StringComparison.Ordinal);
    }

    internal static FeedbackEntry Entry(string conversation, string? activity, string reaction) => new()
    {
        ReceivedAt = DateTimeOffset.UtcNow,
        Reaction = reaction,
        Text = "目標年度も知りたい",
        ConversationId = conversation,
        ActivityId = activity,
        MatchedBy = "message-id",
        Question = "芦別市の移住者数の目標は？",
        Answer = "40人 [1]",
        Citations = [new FeedbackCitation(1, "doc.txt", "総合戦略", "芦別市", 10, 10, "移住者数 40人")],
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (StateDatabase db in _opened)
        {
            await db.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (string folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
