using System.Globalization;
using CentralDispatch.Worker.Machine.Processes;
using CentralDispatch.Worker.Machine.Reloads;

namespace CentralDispatch.Worker.Machine.PhpFpm;

/// <summary>
/// The sandbox's private master: config test with <c>php-fpm -t -y CONF</c>; reload by SIGUSR2 to the master in the pid
/// file (it re-executes itself with the new pools, keeping its pid and the sockets of the pools that stay), then waits
/// until its log says it is ready again. The config test must pass first: a master re-executed on a broken pool
/// file exits, and every pool with it.
/// </summary>
public sealed class SandboxPhpFpmControl(SandboxPhpFpmLayout layout, string binary, TimeSpan timeout, IProcessRunner runner, TimeProvider timeProvider)
    : CommandServerControl(PhpFpmReloads.ServerName, PhpFpmReloads.Untouched, layout.ConfigTestCommand(binary), [], timeout, runner), IPhpFpmControl
{
    private readonly GracefulRestartWatcher _ready = new(layout.ErrorLog, timeProvider, GracefulRestartWatcher.PhpFpmReady, "PHP-FPM");

    public override async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var pid = RunningMaster(layout)
                  ?? throw new InvalidOperationException($"The sandbox PHP-FPM master of {layout.Folder} is not running, so it cannot be reloaded; `dispatch worker run` starts it.");
        var mark = _ready.Mark();
        await Runner.RunCheckedAsync(ProcessRequest.Of("kill", "-USR2", pid.ToString(CultureInfo.InvariantCulture)) with { Timeout = Timeout }, cancellationToken);
        await _ready.WaitAsync(mark, Timeout, cancellationToken);
    }

    /// <summary>The pid of this folder's master when it runs (judged by its process title, so a recycled pid is never signalled).</summary>
    public static int? RunningMaster(SandboxPhpFpmLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return ProcessLiveness.ReadPidFile(layout.PidFile) is { } pid && ProcessLiveness.IsAlive(pid) && ProcessLiveness.Arguments(pid).Contains(layout.ProcessTitle) ? pid : null;
    }
}
