namespace CentralDispatch.Worker.Machine.Apache;

/// <summary>Tests and reloads the web server's configuration; the same for the system Apache and the sandbox's private one.</summary>
public interface IWebServerControl
{
    /// <summary>Runs the config test; a failing test is a result, not an exception.</summary>
    Task<ConfigTestResult> TestConfigAsync(CancellationToken cancellationToken);

    /// <summary>Graceful reload: running requests finish, new ones see the new configuration.</summary>
    /// <exception cref="Processes.ProcessFailedException">The reload command failed.</exception>
    Task ReloadAsync(CancellationToken cancellationToken);
}
