using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Processes;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace CentralDispatch.Worker.Machine.MariaDb;

/// <summary>
/// A private MariaDB server (sandbox profile): initialised once with mariadb-install-db (socket authentication for the
/// admin, so no password exists), run as the worker's child on a unix socket only, stopped cleanly with SIGTERM.
/// </summary>
public sealed partial class SandboxMariaDb(SandboxMariaDbLayout layout, string adminUser, IProcessRunner runner, TimeProvider timeProvider, ILogger<SandboxMariaDb> logger) : IAsyncDisposable
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private ServerProcess? _server;

    public SandboxMariaDbLayout Layout => layout;

    /// <summary>The admin login over the socket (socket authentication as the user the worker runs as).</summary>
    public MariaDbServer Server { get; } = new(layout.Socket, null, 0, adminUser);

    public bool IsRunning => _server is { HasExited: false };

    /// <summary>Initialises the data folder the first time, stops a server left by a killed worker, starts the server; returns once it accepts logins.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            return;
        }

        Directory.CreateDirectory(layout.Folder, FileModes.Folder);
        Directory.CreateDirectory(layout.TempFolder, FileModes.PrivateFolder);
        await StopLeftoverAsync(cancellationToken);
        await InitialiseAsync(cancellationToken);

        var arguments = new List<string> { "--no-defaults", $"--datadir={layout.DataFolder}", $"--socket={layout.Socket}", "--skip-networking", $"--pid-file={layout.PidFile}", $"--log-error={layout.ErrorLog}", $"--tmpdir={layout.TempFolder}" };
        if (Environment.IsPrivilegedProcess)
        {
            arguments.Add("--user=root");
        }

        var server = ServerProcess.Start("mariadbd", arguments);
        _server = server;
        var ready = await Waiting.UntilAsync(async token => server.HasExited || await AcceptsLoginAsync(token), StartTimeout, timeProvider, cancellationToken);
        if (server.HasExited || !ready)
        {
            var why = server.HasExited ? $"it exited with code {server.ExitCode}" : $"it did not accept a login within {StartTimeout.TotalSeconds} s";
            await StopAsync(CancellationToken.None);
            throw new InvalidOperationException($"The sandbox MariaDB ({server.Command}) did not start: {why}. {server.Output} {TailOfErrorLog()}".Trim());
        }

        LogStarted(logger, server.Id, layout.Socket);
    }

    /// <summary>SIGTERM (MariaDB's clean shutdown), then waits; kills only if it does not end in time.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not { } server)
        {
            return;
        }

        _server = null;
        using (server)
        {
            await server.StopAsync(token => TerminateAsync(server.Id, token), StopTimeout, timeProvider, cancellationToken);
            LogStopped(logger, server.Id);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    /// <summary>Initialises into a side folder renamed into place at the end, so a kill during install never leaves a half data folder.</summary>
    private async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(Path.Combine(layout.DataFolder, "mysql")))
        {
            return;
        }

        var partial = layout.DataFolder + ".partial";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        // Its own tmpdir also for the bootstrap: temp tables in a shared /tmp were seen to vanish under a busy host.
        var arguments = new List<string> { "--no-defaults", $"--datadir={partial}", "--auth-root-authentication-method=socket", $"--auth-root-socket-user={adminUser}", "--skip-test-db", "--skip-name-resolve", $"--tmpdir={layout.TempFolder}" };
        if (Environment.IsPrivilegedProcess)
        {
            arguments.Add("--user=root");
        }

        await runner.RunCheckedAsync(new ProcessRequest("mariadb-install-db", arguments) { Timeout = InstallTimeout }, cancellationToken);
        Directory.Move(partial, layout.DataFolder);
        LogInitialised(logger, layout.DataFolder);
    }

    private async Task StopLeftoverAsync(CancellationToken cancellationToken)
    {
        if (await ServerProcess.StopLeftoverAsync(layout.PidFile, $"--datadir={layout.DataFolder}", TerminateAsync, StopTimeout, timeProvider, cancellationToken) is { } pid)
        {
            LogStoppedLeftover(logger, pid);
        }
    }

    /// <summary>SIGTERM is MariaDB's clean shutdown (as SHUTDOWN is), and needs no login.</summary>
    private Task TerminateAsync(int pid, CancellationToken cancellationToken) =>
        runner.RunAsync(ProcessRequest.Of("kill", "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);

    private async Task<bool> AcceptsLoginAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(layout.Socket))
        {
            return false;
        }

        try
        {
            await using var connection = new MySqlConnection(Server.AdminConnectionString() + ";Pooling=false");
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (MySqlException)
        {
            return false;
        }
    }

    private string TailOfErrorLog() =>
        File.Exists(layout.ErrorLog) ? $"Last lines of {layout.ErrorLog}: {string.Join(" | ", File.ReadLines(layout.ErrorLog).TakeLast(10))}" : string.Empty;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox MariaDB initialised in {DataFolder}")]
    private static partial void LogInitialised(ILogger logger, string dataFolder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox MariaDB started (pid {Pid}) on {Socket}")]
    private static partial void LogStarted(ILogger logger, int pid, string socket);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox MariaDB (pid {Pid}) stopped")]
    private static partial void LogStopped(ILogger logger, int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped the sandbox MariaDB left running by an earlier worker (pid {Pid})")]
    private static partial void LogStoppedLeftover(ILogger logger, int pid);
}
