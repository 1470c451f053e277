using System.Net;
using System.Net.Sockets;
using CentralDispatch.Testing.Processes;
using Npgsql;

namespace CentralDispatch.Testing.Postgres;

/// <summary>
/// A private PostgreSQL cluster in a folder of its own: initdb with trust authentication, a postmaster on a free
/// loopback port and a unix socket inside the folder, durability switched off (test data need not survive a crash).
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    public const string DataFolderName = "data";
    public const string SuperUser = "postgres";
    private const int MaxStartAttempts = 5;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ReadyPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly PostgresInstallation _installation;
    private readonly PostgresAccount _account;
    private PostmasterProcess? _postmaster;

    private PostgresCluster(string folder, PostgresInstallation installation, PostgresAccount account)
    {
        Folder = folder;
        _installation = installation;
        _account = account;
    }

    public string Folder { get; }

    public string DataFolder => Path.Combine(Folder, DataFolderName);

    public string SocketFolder => Path.Combine(Folder, "socket");

    public int Port { get; private set; }

    public int? PostmasterProcessId => _postmaster?.Id;

    public static async Task<PostgresCluster> StartAsync(string clusterRoot, CancellationToken cancellationToken)
    {
        var installation = PostgresInstallation.Find();
        var account = PostgresAccount.ForThisProcess();
        PrepareRoot(clusterRoot, account);
        await StaleClusterSweeper.SweepAsync(clusterRoot, cancellationToken);

        var folder = Path.Combine(clusterRoot, "pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, StaleClusterSweeper.OwnerFileName), ProcessIdentity.Current().ToString(), cancellationToken);
        var cluster = new PostgresCluster(folder, installation, account);
        try
        {
            await cluster.InitializeAsync(cancellationToken);
            await cluster.StartPostmasterAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = SuperUser,
        Database = database,
    }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        await StopPostmasterAsync(timeout.Token);
        StaleClusterSweeper.TryDeleteFolder(Folder);
    }

    private static void PrepareRoot(string clusterRoot, PostgresAccount account)
    {
        // Create the missing folders one by one so that only folders made here get a mode: a parent such as /tmp
        // must keep its own (sticky, world-writable) mode.
        var missing = new Stack<string>();
        for (var folder = Path.GetFullPath(clusterRoot); !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
        {
            missing.Push(folder);
        }

        while (missing.TryPop(out var folder))
        {
            Directory.CreateDirectory(folder);
            if (account.SwitchesUser && !OperatingSystem.IsWindows())
            {
                // The postgres user must be able to walk down to its cluster folder whatever our umask is.
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(SocketFolder);
        await _account.TakeOwnershipAsync(Folder, cancellationToken);
        (await _account.RunAsync(_installation.Program("initdb"),
            ["-D", DataFolder, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync", "--no-instructions"],
            Folder, cancellationToken)).EnsureSuccess();
    }

    private async Task StartPostmasterAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Another process may take the port between our probe and the server's bind; then try another one.
            Port = FreeLoopbackPort();
            _postmaster = PostmasterProcess.Start(_account.StartInfo(_installation.Program("postgres"), ServerArguments(), Folder, "INT"));
            if (await WaitUntilReadyAsync(cancellationToken))
            {
                return;
            }

            var output = _postmaster.RecentOutput;
            _postmaster.Dispose();
            _postmaster = null;
            if (attempt >= MaxStartAttempts || !output.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"PostgreSQL did not start in {Folder}:\n{output}");
            }
        }
    }

    private List<string> ServerArguments() =>
    [
        "-D", DataFolder,
        "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "-c", $"listen_addresses={IPAddress.Loopback}",
        "-c", $"unix_socket_directories={SocketFolder}",
        "-c", "max_connections=300",
        "-c", "shared_buffers=64MB",
        "-c", "fsync=off",
        "-c", "synchronous_commit=off",
        "-c", "full_page_writes=off",
        "-c", "logging_collector=off",
    ];

    /// <returns>True once the server accepts connections; false when it exited first.</returns>
    private async Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var probe = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false, Timeout = 5 }.ConnectionString;
        try
        {
            while (!_postmaster!.HasExited)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(probe);
                    await connection.OpenAsync(timeout.Token);
                    if (await ServesOurDataFolderAsync(connection, timeout.Token))
                    {
                        return true;
                    }

                    // Another server took the port first; ours will exit with "could not bind" and we retry.
                    await Task.Delay(ReadyPollInterval, timeout.Token);
                }
                catch (NpgsqlException)
                {
                    await Task.Delay(ReadyPollInterval, timeout.Token);
                }
            }

            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"PostgreSQL in {Folder} did not accept connections within {StartTimeout.TotalSeconds} s:\n{_postmaster!.RecentOutput}");
        }
    }

    private async Task<bool> ServesOurDataFolderAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select current_setting('data_directory')", connection);
        var dataDirectory = (string?)await command.ExecuteScalarAsync(cancellationToken);
        return string.Equals(dataDirectory, DataFolder, StringComparison.Ordinal);
    }

    private async Task StopPostmasterAsync(CancellationToken cancellationToken)
    {
        if (_postmaster is null)
        {
            return;
        }

        try
        {
            if (!_postmaster.HasExited)
            {
                var stopped = await _account.RunAsync(_installation.Program("pg_ctl"),
                    ["stop", "-D", DataFolder, "-m", "fast", "-w", "-t", "60"], Folder, cancellationToken);
                if (!stopped.Succeeded)
                {
                    _postmaster.Kill();
                }

                await _postmaster.WaitForExitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _postmaster.Kill();
        }
        finally
        {
            _postmaster.Dispose();
            _postmaster = null;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
