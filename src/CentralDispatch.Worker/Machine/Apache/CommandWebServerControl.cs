using CentralDispatch.Worker.Machine.Processes;

namespace CentralDispatch.Worker.Machine.Apache;

/// <summary>Config test and reload through configured commands, e.g. <c>apache2ctl configtest</c> / <c>apache2ctl graceful</c>.</summary>
/// <remarks>With a <paramref name="restartWatcher"/>, a reload returns only once Apache has finished re-reading its configuration.</remarks>
public sealed class CommandWebServerControl(IReadOnlyList<string> configTestCommand, IReadOnlyList<string> reloadCommand, TimeSpan timeout, IProcessRunner runner,
    GracefulRestartWatcher? restartWatcher = null) : IWebServerControl
{
    public async Task<ConfigTestResult> TestConfigAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(Request(configTestCommand), cancellationToken);

        // Apache reports "Syntax OK" and its errors alike on stderr.
        var output = string.Join('\n', new[] { result.StandardError.Trim(), result.StandardOutput.Trim() }.Where(text => text.Length > 0));
        return new ConfigTestResult(result.Succeeded, output);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
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
