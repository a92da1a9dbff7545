using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace StrategyAssistant.Bot.Tests.Stores;

/// <summary>A real PostgreSQL 15 for the tests: a fresh cluster initdb'd in a temporary folder, started on 127.0.0.1 on a free
/// port (as the <c>postgres</c> user when the tests run as root, since the server refuses root), stopped and removed after.
/// The binaries come from <c>install-postgresql.sh</c>.</summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private readonly bool _asRoot = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
    private string _data = string.Empty;
    private int _databases;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDirectory}); run tests/StrategyAssistant.Bot.Tests/install-postgresql.sh.");
        }

        _data = Directory.CreateTempSubdirectory("sa-pg-").FullName;
        if (_asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _data], asPostgres: false);
        }

        await RunAsync(Path.Combine(BinDirectory, "initdb"), ["-D", Path.Combine(_data, "db"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], asPostgres: true);
        Port = FreePort();
        string options = $"-c listen_addresses=127.0.0.1 -p {Port} -k {_data} -c fsync=off -c shared_buffers=16MB -c max_connections=60";
        await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", Path.Combine(_data, "db"), "-l", Path.Combine(_data, "server.log"), "-o", options, "-w", "-t", "60", "start"], asPostgres: true);
    }

    /// <summary>A connection string to a new, empty database (one per test, so tests never see each other's rows).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        string name = "t" + Interlocked.Increment(ref _databases).ToString(System.Globalization.CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=30";

    public async Task DisposeAsync()
    {
        if (Port != 0)
        {
            await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", Path.Combine(_data, "db"), "-m", "immediate", "-w", "stop"], asPostgres: true);
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres && _asRoot)
        {
            start.FileName = "runuser";
            foreach (string a in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            string log = File.Exists(Path.Combine(_data, "server.log")) ? await File.ReadAllTextAsync(Path.Combine(_data, "server.log")) : string.Empty;
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await stdout}{await stderr}{log}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}
