using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace StrategyAssistant.Stores;

/// <summary>The database behind the SQL stores: SQLite (one file, WAL, synchronous commits) or PostgreSQL. The schema is
/// migrated once per process before the first command, under a lock that also serialises other instances starting at once.</summary>
public sealed class StateDatabase : IAsyncDisposable
{
    private readonly DbDataSource _source;
    private readonly SemaphoreSlim _migrateLock = new(1, 1);
    private volatile bool _migrated;

    private StateDatabase(StoreProvider provider, DbDataSource source, string description)
    {
        Provider = provider;
        _source = source;
        Description = description;
    }

    public StoreProvider Provider { get; }

    /// <summary>The file or server, for messages (no password).</summary>
    public string Description { get; }

    /// <summary>The schema version this build creates.</summary>
    public static int CurrentVersion => StateMigrations.All.Count;

    public static StateDatabase Sqlite(string path)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 };
        return new StateDatabase(StoreProvider.Sqlite, SqliteFactory.Instance.CreateDataSource(builder.ConnectionString), full);
    }

    public static StateDatabase PostgreSql(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        string description = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        return new StateDatabase(StoreProvider.PostgreSql, NpgsqlDataSource.Create(builder), description);
    }

    /// <summary>An open connection to a migrated database.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!_migrated)
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the migrations this database lacks; a no-op once done in this process.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (_migrated)
        {
            return;
        }

        await _migrateLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_migrated)
            {
                return;
            }

            DbConnection connection = await OpenRawAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                if (Provider == StoreProvider.Sqlite)
                {
                    // WAL lets readers run beside the writer; it is a property of the file, so set once here.
                    await Sql.ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
                }

                await StateMigrations.ApplyAsync(connection, Provider, cancellationToken).ConfigureAwait(false);
            }

            _migrated = true;
        }
        finally
        {
            _migrateLock.Release();
        }
    }

    private async Task<DbConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (Provider == StoreProvider.Sqlite)
        {
            // FULL: a commit is on disk when it returns (WAL's NORMAL may lose the last commits on power loss).
            await Sql.ExecuteAsync(connection, null, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;", cancellationToken).ConfigureAwait(false);
        }

        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync().ConfigureAwait(false);
        _migrateLock.Dispose();
    }
}

/// <summary>Small ADO.NET helpers shared by the SQL stores (named <c>@parameters</c> work on both engines).</summary>
internal static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL text is constant; values are always parameters.
        command.CommandText = text;
#pragma warning restore CA2100
        foreach ((string name, object? value) in parameters)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string text, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        DbCommand command = Command(connection, transaction, text, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string text, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        DbCommand command = Command(connection, transaction, text, parameters);
        await using (command.ConfigureAwait(false))
        {
            object? value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }
    }

    public static long UnixMs(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
