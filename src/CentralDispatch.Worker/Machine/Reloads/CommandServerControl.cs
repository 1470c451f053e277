using CentralDispatch.Worker.Machine.Processes;

namespace CentralDispatch.Worker.Machine.Reloads;

/// <summary>Config test and reload through configured commands, e.g. <c>apache2ctl configtest</c> / <c>apache2ctl graceful</c>, <c>php-fpm8.2 -t</c> / <c>systemctl reload php8.2-fpm</c>.</summary>
/// <remarks>With a <paramref name="restartWatcher"/>, a reload returns only once the server says in its log that it re-read its configuration.</remarks>
public class CommandServerControl(string serverName, string untouched, IReadOnlyList<string> configTestCommand, IReadOnlyList<string> reloadCommand, TimeSpan timeout,
    IProcessRunner runner, GracefulRestartWatcher? restartWatcher = null) : IReloadableServer
{
    public string ServerName => serverName;

    public string Untouched => untouched;

    protected TimeSpan Timeout => timeout;

    protected IProcessRunner Runner => runner;

    public async Task<ConfigTestResult> TestConfigAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(Request(configTestCommand), cancellationToken);

        // Apache and php-fpm report success and their errors alike on stderr.
        var output = string.Join('\n', new[] { result.StandardError.Trim(), result.StandardOutput.Trim() }.Where(text => text.Length > 0));
        return new ConfigTestResult(result.Succeeded, output);
    }

    public virtual async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var mark = restartWatcher?.Mark() ?? 0;
        await runner.RunCheckedAsync(Request(reloadCommand), cancellationToken);
        if (restartWatcher is not null)
        {
            await restartWatcher.WaitAsync(mark, timeout, cancellationToken);
        }
    }

    private ProcessRequest Request(IReadOnlyList<string> command) =>
        new(command[0], command.Skip(1).ToList()) { Timeout = timeout, Environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["LC_ALL"] = "C" } };
}
