using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using StrategyAssistant.Answering;

namespace StrategyAssistant.Stores;

/// <summary>Re-delivery de-duplication in <see cref="StateDatabase"/>: one row per (conversation, activity), claimed with a
/// lease by one atomic upsert, so two instances never both process an activity.</summary>
public sealed class SqlActivityLog : IActivityLog
{
    private readonly StateDatabase _db;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private readonly TimeSpan _lease;
    private long _nextSweepMs;

    public SqlActivityLog(StateDatabase db, TimeProvider time, TimeSpan retention, TimeSpan lease)
    {
        _db = db;
        _time = time;
        _retention = retention;
        _lease = lease;
    }

    public async Task<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        long now = Sql.UnixMs(_time.GetUtcNow());
        DbConnection connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await SweepAsync(connection, now, cancellationToken).ConfigureAwait(false);

            // Inserted, or taken over when expired or when an unfinished claim's lease ran out; otherwise no row comes back.
            object? claimed = await Sql.ScalarAsync(connection, null, """
                INSERT INTO sa_activities (conversation_id, activity_id, done, claimed_until, expires_at)
                VALUES (@c, @a, 0, @lease, @expires)
                ON CONFLICT (conversation_id, activity_id) DO UPDATE
                SET done = 0, claimed_until = excluded.claimed_until, expires_at = excluded.expires_at
                WHERE sa_activities.expires_at <= @now OR (sa_activities.done = 0 AND sa_activities.claimed_until <= @now)
                RETURNING 1
                """, cancellationToken,
                ("c", conversationId), ("a", activityId), ("now", now), ("lease", now + (long)_lease.TotalMilliseconds), ("expires", now + (long)_retention.TotalMilliseconds)).ConfigureAwait(false);
            return claimed is not null;
        }
    }

    public async Task CompleteAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        long now = Sql.UnixMs(_time.GetUtcNow());
        DbConnection connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await Sql.ExecuteAsync(connection, null, """
                INSERT INTO sa_activities (conversation_id, activity_id, done, claimed_until, expires_at)
                VALUES (@c, @a, 1, @now, @expires)
                ON CONFLICT (conversation_id, activity_id) DO UPDATE SET done = 1, expires_at = excluded.expires_at
                """, cancellationToken,
                ("c", conversationId), ("a", activityId), ("now", now), ("expires", now + (long)_retention.TotalMilliseconds)).ConfigureAwait(false);
        }
    }

    public async Task AbandonAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        DbConnection connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await Sql.ExecuteAsync(connection, null, "DELETE FROM sa_activities WHERE conversation_id = @c AND activity_id = @a AND done = 0", cancellationToken,
                ("c", conversationId), ("a", activityId)).ConfigureAwait(false);
        }
    }

    private async Task SweepAsync(DbConnection connection, long now, CancellationToken cancellationToken)
    {
        long next = Interlocked.Read(ref _nextSweepMs);
        long every = Math.Max((long)_retention.TotalMilliseconds / 4, 1000);
        if (now < next || Interlocked.CompareExchange(ref _nextSweepMs, now + every, next) != next)
        {
            return;
        }

        await Sql.ExecuteAsync(connection, null, "DELETE FROM sa_activities WHERE expires_at <= @now", cancellationToken, ("now", now)).ConfigureAwait(false);
    }
}

/// <summary>Conversation state in <see cref="StateDatabase"/>, as JSON per conversation id (last writer wins).</summary>
public sealed class SqlConversationStore : IConversationStore
{
    private readonly StateDatabase _db;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;

    public SqlConversationStore(StateDatabase db, TimeProvider time, TimeSpan retention)
    {
        _db = db;
        _time = time;
        _retention = retention;
    }

    public async Task<ConversationState> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        long oldest = Sql.UnixMs(_time.GetUtcNow() - _retention);
        DbConnection connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            object? json = await Sql.ScalarAsync(connection, null, "SELECT state FROM sa_conversations WHERE conversation_id = @c AND updated_at > @oldest", cancellationToken,
                ("c", conversationId), ("oldest", oldest)).ConfigureAwait(false);
            return json is string text ? JsonSerializer.Deserialize<ConversationState>(text, StoreJson.Options) ?? ConversationState.Empty : ConversationState.Empty;
        }
    }

    public async Task SetAsync(string conversationId, ConversationState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        DateTimeOffset now = _time.GetUtcNow();
        DbConnection connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await Sql.ExecuteAsync(connection, null, """
                INSERT INTO sa_conversations (conversation_id, state, updated_at) VALUES (@c, @s, @t)
                ON CONFLICT (conversation_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
                """, cancellationToken,
                ("c", conversationId), ("s", JsonSerializer.Serialize(state, StoreJson.Options)), ("t", Sql.UnixMs(now))).ConfigureAwait(false);
        }
    }
}

/// <summary>Feedback in <see cref="StateDatabase"/>: one row per entry, unique per (conversation, activity id).</summary>
public sealed class SqlFeedbackStore : IFeedbackStore
{
    private readonly StateDatabase _db;

    public SqlFeedbackStore(StateDatabase db)
    {
        _db = db;
    }

    public async Task<bool> AppendAsync(FeedbackEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        DbConnection connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            int inserted = await Sql.ExecuteAsync(connection, null, """
                INSERT INTO sa_feedback (received_at, conversation_id, activity_id, reaction, entry) VALUES (@t, @c, @a, @r, @e)
                ON CONFLICT (conversation_id, activity_id) DO NOTHING
                """, cancellationToken,
                ("t", Sql.UnixMs(entry.ReceivedAt)), ("c", entry.ConversationId), ("a", entry.ActivityId), ("r", entry.Reaction), ("e", JsonSerializer.Serialize(entry, StoreJson.Options))).ConfigureAwait(false);
            return inserted > 0;
        }
    }

    public async IAsyncEnumerable<FeedbackEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        DbConnection connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            DbCommand command = Sql.Command(connection, null, "SELECT entry FROM sa_feedback ORDER BY id");
            await using (command.ConfigureAwait(false))
            {
                DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield return JsonSerializer.Deserialize<FeedbackEntry>(reader.GetString(0), StoreJson.Options)!;
                    }
                }
            }
        }
    }
}

internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
