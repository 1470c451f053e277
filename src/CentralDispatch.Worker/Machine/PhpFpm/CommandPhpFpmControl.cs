using CentralDispatch.Worker.Machine.Processes;
using CentralDispatch.Worker.Machine.Reloads;

namespace CentralDispatch.Worker.Machine.PhpFpm;

/// <summary>The system's php-fpm service (debian profile): <c>php-fpm8.2 -t</c>, then <c>systemctl reload php8.2-fpm</c> (SIGUSR2 to the master).</summary>
public sealed class CommandPhpFpmControl(IReadOnlyList<string> configTestCommand, IReadOnlyList<string> reloadCommand, TimeSpan timeout, IProcessRunner runner,
    GracefulRestartWatcher? restartWatcher = null)
    : CommandServerControl(PhpFpmReloads.ServerName, PhpFpmReloads.Untouched, configTestCommand, reloadCommand, timeout, runner, restartWatcher), IPhpFpmControl;
