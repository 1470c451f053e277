using System.Globalization;
using System.Net.Sockets;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Processes;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Worker.Machine.PhpFpm;

/// <summary>
/// A private PHP-FPM master (sandbox profile): generates its php-fpm.conf, runs it as the worker's child in the
/// foreground, stops it gracefully (SIGQUIT). Config test and reload go through <see cref="SandboxPhpFpmControl"/>.
/// </summary>
public sealed partial class SandboxPhpFpm(SandboxPhpFpmSettings settings, IProcessRunner runner, TimeProvider timeProvider, ILogger<SandboxPhpFpm> logger) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private ServerProcess? _server;

    public SandboxPhpFpmSettings Settings => settings;

    public SandboxPhpFpmLayout Layout => settings.Layout;

    public bool IsRunning => _server is { HasExited: false };

    /// <summary>The master's pid while it runs.</summary>
    public int? Pid => _server is { HasExited: false } server ? server.Id : null;

    /// <summary>Writes the configuration, stops a master left behind by a killed worker, tests the configuration and starts the master; returns once its status pool accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            return;
        }

        await PrepareAsync(cancellationToken);
        await StopLeftoverAsync(cancellationToken);
        var test = Layout.ConfigTestCommand(settings.Binary);
        await runner.RunCheckedAsync(new ProcessRequest(test[0], test.Skip(1).ToList()) { Timeout = CommandTimeout }, cancellationToken);

        // The full path: a reload re-executes the master with the program it was started with.
        var server = ServerProcess.Start(settings.Binary, ["-y", Layout.ConfigFile, "-F"]);
        _server = server;
        var ready = await Waiting.UntilAsync(async token => server.HasExited || (ProcessLiveness.ReadPidFile(Layout.PidFile) == server.Id && await AcceptsAsync(token)), StartTimeout, timeProvider, cancellationToken);
        if (server.HasExited || !ready)
        {
            var why = server.HasExited ? $"it exited with code {server.ExitCode}" : $"its status pool did not accept connections within {StartTimeout.TotalSeconds} s";
            await StopAsync(CancellationToken.None);
            throw new InvalidOperationException($"The sandbox PHP-FPM master ({server.Command}) did not start: {why}. {server.Output} {TailOfErrorLog()}".Trim());
        }

        LogStarted(logger, server.Id, settings.Pools);
    }

    /// <summary>Stops the master gracefully (SIGQUIT: running requests finish), or kills it when it does not stop in time.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not { } server)
        {
            return;
        }

        _server = null;
        using (server)
        {
            await server.StopAsync(token => QuitAsync(server.Id, token), StopTimeout, timeProvider, cancellationToken);
            LogStopped(logger, server.Id);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        foreach (var folder in new[] { Layout.Folder, Layout.RunFolder, Layout.LogFolder, settings.Pools, settings.Sockets })
        {
            Directory.CreateDirectory(folder, FileModes.Folder);
        }

        var conf = SandboxPhpFpmConf.Render(settings, runsAsRoot: Environment.IsPrivilegedProcess);
        await AtomicFile.WriteTextAsync(Layout.ConfigFile, conf, FileModes.Readable, cancellationToken);
    }

    /// <summary>A worker killed with SIGKILL leaves its master running; it is stopped so this run owns the master it signals.</summary>
    private async Task StopLeftoverAsync(CancellationToken cancellationToken)
    {
        // The master rewrites its command line to its title, so the title (naming this folder's config) is what is matched.
        if (await ServerProcess.StopLeftoverAsync(Layout.PidFile, Layout.ProcessTitle, QuitAsync, StopTimeout, timeProvider, cancellationToken) is { } pid)
        {
            LogStoppedLeftover(logger, pid);
        }
    }

    /// <summary>SIGQUIT is PHP-FPM's graceful stop (SIGTERM ends requests at once).</summary>
    private Task QuitAsync(int pid, CancellationToken cancellationToken) =>
        runner.RunAsync(ProcessRequest.Of("kill", "-QUIT", pid.ToString(CultureInfo.InvariantCulture)) with { Timeout = CommandTimeout }, cancellationToken);

    private async Task<bool> AcceptsAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Layout.StatusSocket))
        {
            return false;
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(Layout.StatusSocket), cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string TailOfErrorLog() =>
        File.Exists(Layout.ErrorLog) ? $"Last lines of {Layout.ErrorLog}: {string.Join(" | ", File.ReadLines(Layout.ErrorLog).TakeLast(10))}" : string.Empty;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox PHP-FPM master started (pid {Pid}) with the pools of {PoolFolder}")]
    private static partial void LogStarted(ILogger logger, int pid, string poolFolder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox PHP-FPM master (pid {Pid}) stopped")]
    private static partial void LogStopped(ILogger logger, int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped the sandbox PHP-FPM master left running by an earlier worker (pid {Pid})")]
    private static partial void LogStoppedLeftover(ILogger logger, int pid);
}
