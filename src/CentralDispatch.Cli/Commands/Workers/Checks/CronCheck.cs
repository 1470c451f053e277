using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Processes;

namespace CentralDispatch.Cli.Commands.Workers.Checks;

/// <summary>The web user's crontab can be read with `crontab -l -u USER` (debian profile); the sandbox's crontab file is covered by the path checks.</summary>
public sealed class CronCheck(IProcessRunner runner)
{
    private const string Item = "crontab";

    public async Task<CheckResult?> RunAsync(WorkerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Cron.CrontabUser is not { Length: > 0 } user)
        {
            return null;
        }

        try
        {
            var result = await runner.RunAsync(ProcessRequest.Of("crontab", "-l", "-u", user) with { Timeout = TimeSpan.FromSeconds(30) }, cancellationToken);
            return result.Succeeded || result.StandardError.Contains("no crontab for", StringComparison.Ordinal)
                ? CheckResult.Pass(Item, $"`crontab -l -u {user}` works")
                : CheckResult.Fail(Item, $"`crontab -l -u {user}` failed with code {result.ExitCode}: {result.StandardError.Trim()}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CheckResult.Fail(Item, $"`crontab -l -u {user}` could not run: {e.Message}");
        }
    }
}
