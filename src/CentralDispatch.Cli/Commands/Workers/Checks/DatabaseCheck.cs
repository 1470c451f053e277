using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Machine.Processes;
using Microsoft.Extensions.Logging.Abstractions;

namespace CentralDispatch.Cli.Commands.Workers.Checks;

/// <summary>
/// The admin login to the instance database server works. The sandbox's private MariaDB normally runs only while
/// `worker run` does, so when it is not running the check starts it, logs in, and stops it again: an operator running
/// `worker check` before the first `worker run` wants to know the login will work, not that the server is stopped.
/// A running one (a live worker's) is only logged into, never restarted.
/// </summary>
public sealed class DatabaseCheck(IProcessRunner runner, TimeProvider time)
{
    private const string Item = "database admin login";

    public async Task<CheckResult> RunAsync(WorkerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var database = options.Database;
        if (database.PrivateServer is { Enabled: true, Folder: { } folder })
        {
            var layout = new SandboxMariaDbLayout(folder);
            if (!SandboxServerState.IsRunning(layout.PidFile))
            {
                return await WithPrivateServerAsync(layout, database.AdminUser, cancellationToken);
            }
        }

        return await LoginAsync(MariaDbServer.From(database), "", cancellationToken);
    }

    private async Task<CheckResult> WithPrivateServerAsync(SandboxMariaDbLayout layout, string adminUser, CancellationToken cancellationToken)
    {
        await using var server = new SandboxMariaDb(layout, adminUser, runner, time, NullLogger<SandboxMariaDb>.Instance);
        try
        {
            await server.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CheckResult.Fail(Item, $"the sandbox MariaDB in {layout.Folder} did not start: {e.Message}");
        }

        var result = await LoginAsync(server.Server, " (sandbox MariaDB started for the check and stopped again; `worker run` starts it)", cancellationToken);
        await server.StopAsync(cancellationToken);
        return result;
    }

    private async Task<CheckResult> LoginAsync(MariaDbServer server, string note, CancellationToken cancellationToken)
    {
        try
        {
            var version = await new MariaDbAdmin(server, runner).ServerVersionAsync(cancellationToken);
            return CheckResult.Pass(Item, $"{server} works, server {version}{note}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CheckResult.Fail(Item, $"{server} failed: {e.Message}");
        }
    }
}
