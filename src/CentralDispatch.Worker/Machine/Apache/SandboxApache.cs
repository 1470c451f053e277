using System.Net;
using System.Net.Sockets;
using CentralDispatch.Worker.Machine.Certificates;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Processes;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Worker.Machine.Apache;

/// <summary>
/// A private Apache (sandbox profile): generates its httpd.conf, runs it as the worker's child in the foreground, stops it.
/// Config test and graceful reload go through <see cref="CommandWebServerControl"/> with the layout's commands, as on Debian.
/// </summary>
public sealed partial class SandboxApache(SandboxApacheSettings settings, IProcessRunner runner, TimeProvider timeProvider, ILogger<SandboxApache> logger) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private ServerProcess? _server;

    public SandboxApacheSettings Settings => settings;

    public SandboxApacheLayout Layout => settings.Layout;

    public bool IsRunning => _server is { HasExited: false };

    /// <summary>Writes the configuration, stops a server left behind by a killed worker, and starts Apache; returns once it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            return;
        }

        await PrepareAsync(cancellationToken);
        await StopLeftoverAsync(cancellationToken);
        await runner.RunCheckedAsync(new ProcessRequest(Layout.ConfigTestCommand[0], Layout.ConfigTestCommand.Skip(1).ToList()) { Timeout = CommandTimeout }, cancellationToken);

        var server = ServerProcess.Start("apache2", ["-f", Layout.ConfigFile, "-D", "FOREGROUND"]);
        _server = server;
        var ready = await Waiting.UntilAsync(async token => server.HasExited || (ProcessLiveness.ReadPidFile(Layout.PidFile) == server.Id && await AcceptsAsync(token)), StartTimeout, timeProvider, cancellationToken);
        if (server.HasExited || !ready)
        {
            var why = server.HasExited ? $"it exited with code {server.ExitCode}" : $"it did not accept connections within {StartTimeout.TotalSeconds} s";
            await StopAsync(CancellationToken.None);
            throw new InvalidOperationException($"The sandbox Apache ({server.Command}) did not start: {why}. {server.Output} {TailOfErrorLog()}".Trim());
        }

        LogStarted(logger, server.Id, settings.HttpPort, settings.HttpsPort);
    }

    /// <summary>Stops Apache cleanly (<c>-k stop</c>), or kills it when it does not stop in time.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not { } server)
        {
            return;
        }

        _server = null;
        using (server)
        {
            await server.StopAsync(StopCommandAsync, StopTimeout, timeProvider, cancellationToken);
            LogStopped(logger, server.Id);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        foreach (var folder in new[] { Layout.Folder, Layout.RunFolder, Layout.LogFolder, Layout.SitesAvailable, settings.EnabledSitesFolder })
        {
            Directory.CreateDirectory(folder, FileModes.Folder);
        }

        if (!File.Exists(Layout.CatchAllCertificate) || !File.Exists(Layout.CatchAllKey))
        {
            var (certificate, key) = SelfSignedCertificate.Create("catch-all.invalid", timeProvider.GetUtcNow(), TimeSpan.FromDays(3650));
            await AtomicFile.WriteTextAsync(Layout.CatchAllKey, key, FileModes.OwnerOnly, cancellationToken);
            await AtomicFile.WriteTextAsync(Layout.CatchAllCertificate, certificate, FileModes.Readable, cancellationToken);
        }

        var conf = SandboxHttpdConf.Render(settings, runsAsRoot: Environment.IsPrivilegedProcess);
        await AtomicFile.WriteTextAsync(Layout.ConfigFile, conf, FileModes.Readable, cancellationToken);
    }

    /// <summary>A worker killed with SIGKILL leaves its Apache running; it is stopped so this run owns the server it talks to.</summary>
    private async Task StopLeftoverAsync(CancellationToken cancellationToken)
    {
        if (await ServerProcess.StopLeftoverAsync(Layout.PidFile, Layout.ConfigFile, (_, token) => StopCommandAsync(token), StopTimeout, timeProvider, cancellationToken) is { } pid)
        {
            LogStoppedLeftover(logger, pid);
        }
    }

    /// <summary><c>-k stop</c> signals the pid in the pid file: the main process stops its children and exits.</summary>
    private Task StopCommandAsync(CancellationToken cancellationToken) =>
        runner.RunAsync(ProcessRequest.Of("apache2", "-f", Layout.ConfigFile, "-k", "stop") with { Timeout = CommandTimeout }, cancellationToken);

    private async Task<bool> AcceptsAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Parse(settings.ListenAddress), settings.HttpPort, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string TailOfErrorLog()
    {
        if (!File.Exists(Layout.ErrorLog))
        {
            return string.Empty;
        }

        var lines = File.ReadLines(Layout.ErrorLog).TakeLast(10);
        return $"Last lines of {Layout.ErrorLog}: {string.Join(" | ", lines)}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox Apache started (pid {Pid}) on HTTP port {HttpPort} and HTTPS port {HttpsPort}")]
    private static partial void LogStarted(ILogger logger, int pid, int httpPort, int httpsPort);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox Apache (pid {Pid}) stopped")]
    private static partial void LogStopped(ILogger logger, int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped the sandbox Apache left running by an earlier worker (pid {Pid})")]
    private static partial void LogStoppedLeftover(ILogger logger, int pid);
}
