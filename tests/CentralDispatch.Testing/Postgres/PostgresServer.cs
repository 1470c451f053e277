using System.Text.RegularExpressions;
using Npgsql;

namespace CentralDispatch.Testing.Postgres;

/// <summary>
/// A PostgreSQL server for tests that hands out fresh databases: a private cluster started for this test run
/// (see <see cref="PostgresCluster"/>), or the existing server whose connection string is in CD_TEST_POSTGRES.
/// Dispose stops the private cluster and deletes its folder, or drops the databases made on the existing server.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    /// <summary>Environment variable with the connection string of a server to use instead of a private one.</summary>
    public const string ConnectionStringVariable = "CD_TEST_POSTGRES";

    private readonly PostgresCluster? _cluster;
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private readonly List<string> _createdOnExistingServer = [];
    private bool _disposed;

    private PostgresServer(PostgresCluster? cluster, string adminConnectionString)
    {
        _cluster = cluster;
        AdminConnectionString = adminConnectionString;
    }

    /// <summary>Where private clusters live; one folder per cluster, swept of clusters whose test run died.</summary>
    public static string DefaultClusterRoot =>
        Path.Combine(Path.GetTempPath(), $"centraldispatch-tests-{Environment.UserName}", "postgres");

    /// <summary>A superuser connection to the server's 'postgres' database.</summary>
    public string AdminConnectionString { get; }

    public bool IsPrivateCluster => _cluster is not null;

    public string? ClusterFolder => _cluster?.Folder;

    public int? PostmasterProcessId => _cluster?.PostmasterProcessId;

    /// <summary>The server named by CD_TEST_POSTGRES when set, otherwise a new private cluster.</summary>
    public static Task<PostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var existing = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        return string.IsNullOrWhiteSpace(existing)
            ? StartPrivateAsync(DefaultClusterRoot, cancellationToken)
            : Task.FromResult(new PostgresServer(null, existing));
    }

    /// <summary>Always a new private cluster, in a folder under <paramref name="clusterRoot"/>.</summary>
    public static async Task<PostgresServer> StartPrivateAsync(string clusterRoot, CancellationToken cancellationToken)
    {
        var cluster = await PostgresCluster.StartAsync(clusterRoot, cancellationToken);
        return new PostgresServer(cluster, cluster.ConnectionString("postgres"));
    }

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    /// <param name="name">Lower-case letters, digits and '_' (see <see cref="TestNames.Database"/>).</param>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain database name: use a-z, 0-9 and '_', at most 63 characters.", nameof(name));
        }

        // CREATE DATABASE copies template1; several at once can trip over each other's use of the template.
        await _createLock.WaitAsync(cancellationToken);
        try
        {
            await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
            if (_cluster is null)
            {
                _createdOnExistingServer.Add(name);
            }
        }
        finally
        {
            _createLock.Release();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        else
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            foreach (var name in _createdOnExistingServer)
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", timeout.Token);
            }
        }

        _createLock.Dispose();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatabaseName();

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
