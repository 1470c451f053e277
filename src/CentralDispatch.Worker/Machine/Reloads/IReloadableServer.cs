namespace CentralDispatch.Worker.Machine.Reloads;

/// <summary>A server whose configuration is tested and then reloaded gracefully: Apache, the PHP-FPM master.</summary>
public interface IReloadableServer
{
    /// <summary>What the server is, in the operator's words ("web server", "PHP-FPM master"): messages and logs name it.</summary>
    string ServerName { get; }

    /// <summary>What keeps running unchanged when a config test fails ("the running sites").</summary>
    string Untouched { get; }

    /// <summary>Runs the config test; a failing test is a result, not an exception.</summary>
    Task<ConfigTestResult> TestConfigAsync(CancellationToken cancellationToken);

    /// <summary>Graceful reload: running requests finish, new ones see the new configuration.</summary>
    /// <exception cref="Processes.ProcessFailedException">The reload command failed.</exception>
    Task ReloadAsync(CancellationToken cancellationToken);
}
