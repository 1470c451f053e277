using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Machine.PhpFpm;
using CentralDispatch.Worker.Machine.Processes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Machine;

/// <summary>Starts the sandbox's private MariaDB, PHP-FPM master and Apache with the worker and stops them with it (nothing when they are not enabled).</summary>
public sealed class SandboxServers(IOptions<WorkerOptions> options, IProcessRunner runner, TimeProvider timeProvider, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private SandboxMariaDb? _mariaDb;
    private SandboxPhpFpm? _phpFpm;
    private SandboxApache? _apache;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var worker = options.Value;
        if (worker.Database.PrivateServer is { Enabled: true, Folder: { } databaseFolder })
        {
            _mariaDb = new SandboxMariaDb(new SandboxMariaDbLayout(databaseFolder), worker.Database.AdminUser, runner, timeProvider, loggers.CreateLogger<SandboxMariaDb>());
            await _mariaDb.StartAsync(cancellationToken);
        }

        // Before Apache: the sites it starts serving hand their PHP to the pools' sockets.
        var php = worker.PhpFpm;
        if (php.PrivateServer is { Enabled: true, Folder: { } phpFolder })
        {
            _phpFpm = new SandboxPhpFpm(SandboxPhpFpmSettings(php, phpFolder), runner, timeProvider, loggers.CreateLogger<SandboxPhpFpm>());
            await _phpFpm.StartAsync(cancellationToken);
        }

        var web = worker.WebServer;
        if (web.PrivateServer is { Enabled: true, Folder: { } webFolder })
        {
            var settings = new SandboxApacheSettings(new SandboxApacheLayout(webFolder), web.PrivateServer.ListenAddress, web.HttpPort, web.HttpsPort)
            {
                ChildUser = web.PrivateServer.ChildUser,
                ChildGroup = web.PrivateServer.ChildGroup,
                SitesEnabled = web.SitesEnabled,
            };
            _apache = new SandboxApache(settings, runner, timeProvider, loggers.CreateLogger<SandboxApache>());
            await _apache.StartAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Apache first: its sites may still be talking to the pools and the database.
        if (_apache is not null)
        {
            await _apache.StopAsync(cancellationToken);
        }

        if (_phpFpm is not null)
        {
            await _phpFpm.StopAsync(cancellationToken);
        }

        if (_mariaDb is not null)
        {
            await _mariaDb.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    /// <summary>The private master's settings from the worker's (`worker check` starts one the same way).</summary>
    public static SandboxPhpFpmSettings SandboxPhpFpmSettings(PhpFpmOptions php, string folder)
    {
        ArgumentNullException.ThrowIfNull(php);
        return new SandboxPhpFpmSettings(new SandboxPhpFpmLayout(folder), php.Binary)
        {
            PoolFolder = php.PoolFolder,
            SocketFolder = php.SocketFolder,
            ChildUser = php.PrivateServer.ChildUser,
            ChildGroup = php.PrivateServer.ChildGroup,
        };
    }
}
