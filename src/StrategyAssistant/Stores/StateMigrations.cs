using System.Data.Common;

namespace StrategyAssistant.Stores;

/// <summary>The schema, as numbered steps applied in order and recorded in <c>sa_schema_migrations</c>. Append new steps; never
/// edit an applied one.</summary>
internal static class StateMigrations
{
    /// <summary>Any fixed key: PostgreSQL's transaction-scoped advisory lock serialises instances migrating at once.</summary>
    private const long PostgreSqlLockKey = 0x5341_5354_4154_4531;

    public static IReadOnlyList<Migration> All { get; } =
    [
        new("activities, conversations and feedback",
            [
                """
                CREATE TABLE sa_activities (
                    conversation_id TEXT NOT NULL,
                    activity_id TEXT NOT NULL,
                    done INTEGER NOT NULL,
                    claimed_until BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL,
                    PRIMARY KEY (conversation_id, activity_id))
                """,
                "CREATE INDEX sa_activities_expires ON sa_activities (expires_at)",
                """
                CREATE TABLE sa_conversations (
                    conversation_id TEXT NOT NULL PRIMARY KEY,
                    state TEXT NOT NULL,
                    updated_at BIGINT NOT NULL)
                """,
                "CREATE INDEX sa_conversations_updated ON sa_conversations (updated_at)",
                """
                CREATE TABLE sa_feedback (
                    id {identity},
                    received_at BIGINT NOT NULL,
                    conversation_id TEXT,
                    activity_id TEXT,
                    reaction TEXT NOT NULL,
                    entry TEXT NOT NULL,
                    UNIQUE (conversation_id, activity_id))
                """,
            ]),
    ];

    public static async Task ApplyAsync(DbConnection connection, StoreProvider provider, CancellationToken cancellationToken)
    {
        DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            if (provider == StoreProvider.PostgreSql)
            {
                await Sql.ScalarAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", PostgreSqlLockKey)).ConfigureAwait(false);
            }

            await Sql.ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS sa_schema_migrations (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)", cancellationToken).ConfigureAwait(false);
            long applied = Convert.ToInt64(await Sql.ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM sa_schema_migrations", cancellationToken).ConfigureAwait(false) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
            if (applied > All.Count)
            {
                throw new InvalidOperationException($"The state database is at schema version {applied}, newer than this build knows ({All.Count}); run the newer build or another database.");
            }

            for (int version = (int)applied + 1; version <= All.Count; version++)
            {
                Migration migration = All[version - 1];
                foreach (string statement in migration.Statements)
                {
                    string text = statement.Replace("{identity}", provider == StoreProvider.PostgreSql ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT", StringComparison.Ordinal);
                    await Sql.ExecuteAsync(connection, transaction, text, cancellationToken).ConfigureAwait(false);
                }

                await Sql.ExecuteAsync(connection, transaction, "INSERT INTO sa_schema_migrations (version, description, applied_at) VALUES (@v, @d, @t)", cancellationToken,
                    ("v", version), ("d", migration.Description), ("t", Sql.UnixMs(DateTimeOffset.UtcNow))).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    internal sealed record Migration(string Description, IReadOnlyList<string> Statements);
}
