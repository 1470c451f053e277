using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Machine.Processes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Machine;

/// <summary>Starts the sandbox's private MariaDB and Apache with the worker and stops them with it (nothing when they are not enabled).</summary>
public sealed class SandboxServers(IOptions<WorkerOptions> options, IProcessRunner runner, TimeProvider timeProvider, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private SandboxMariaDb? _mariaDb;
    private SandboxApache? _apache;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var worker = options.Value;
        if (worker.Database.PrivateServer is { Enabled: true, Folder: { } databaseFolder })
        {
            _mariaDb = new SandboxMariaDb(new SandboxMariaDbLayout(databaseFolder), worker.Database.AdminUser, runner, timeProvider, loggers.CreateLogger<SandboxMariaDb>());
            await _mariaDb.StartAsync(cancellationToken);
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
        // Apache first: its sites may still be talking to the database.
        if (_apache is not null)
        {
            await _apache.StopAsync(cancellationToken);
        }

        if (_mariaDb is not null)
        {
            await _mariaDb.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
