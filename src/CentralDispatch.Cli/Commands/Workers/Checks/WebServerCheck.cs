using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Processes;
using Microsoft.Extensions.Logging.Abstractions;

namespace CentralDispatch.Cli.Commands.Workers.Checks;

/// <summary>
/// The web server's config test passes. The sandbox's private Apache writes its httpd.conf when it starts, so when it is
/// not running the check starts it (which runs the config test and binds the ports) and stops it again; a running one is
/// only config-tested.
/// </summary>
public sealed class WebServerCheck(IProcessRunner runner, TimeProvider time)
{
    private const string Item = "web server config test";

    public async Task<CheckResult> RunAsync(WorkerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var web = options.WebServer;
        if (web.PrivateServer is { Enabled: true, Folder: { } folder })
        {
            var layout = new SandboxApacheLayout(folder);
            if (!SandboxServerState.IsRunning(layout.PidFile))
            {
                return await StartAndStopAsync(options, layout, cancellationToken);
            }
        }

        try
        {
            var test = await new CommandWebServerControl(web.ConfigTestCommand, web.ReloadCommand, web.CommandTimeout, runner).TestConfigAsync(cancellationToken);
            return test.Passed
                ? CheckResult.Pass(Item, $"`{string.Join(' ', web.ConfigTestCommand)}` passed")
                : CheckResult.Fail(Item, $"`{string.Join(' ', web.ConfigTestCommand)}` failed: {test.Output}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CheckResult.Fail(Item, $"`{string.Join(' ', web.ConfigTestCommand)}` could not run: {e.Message}");
        }
    }

    private async Task<CheckResult> StartAndStopAsync(WorkerOptions options, SandboxApacheLayout layout, CancellationToken cancellationToken)
    {
        var web = options.WebServer;
        var settings = new SandboxApacheSettings(layout, web.PrivateServer.ListenAddress, web.HttpPort, web.HttpsPort)
        {
            ChildUser = web.PrivateServer.ChildUser,
            ChildGroup = web.PrivateServer.ChildGroup,
            SitesEnabled = web.SitesEnabled,
        };
        await using var apache = new SandboxApache(settings, runner, time, NullLogger<SandboxApache>.Instance);
        try
        {
            await apache.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CheckResult.Fail(Item, $"the sandbox Apache in {layout.Folder} did not pass its config test and start on {web.PrivateServer.ListenAddress} ports {web.HttpPort}/{web.HttpsPort}: {e.Message}");
        }

        await apache.StopAsync(cancellationToken);
        return CheckResult.Pass(Item, $"the sandbox Apache passed its config test and started on {web.PrivateServer.ListenAddress} ports {web.HttpPort}/{web.HttpsPort} (started for the check and stopped again; `worker run` starts it)");
    }
}
