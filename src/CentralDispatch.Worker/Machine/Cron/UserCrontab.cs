using CentralDispatch.Worker.Machine.Processes;

namespace CentralDispatch.Worker.Machine.Cron;

/// <summary>A user's real crontab through <c>crontab -u USER</c> (debian profile; needs root for another user).</summary>
public sealed class UserCrontab(string user, IProcessRunner runner) : Crontab
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // "no crontab for USER" is recognised by its text, so the message must not be translated.
    private static readonly Dictionary<string, string?> CLocale = new(StringComparer.Ordinal) { ["LC_ALL"] = "C" };

    public string User { get; } = user;

    protected override async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(ProcessRequest.Of("crontab", "-u", User, "-l") with { Timeout = Timeout, Environment = CLocale }, cancellationToken);
        if (result.ExitCode != 0 && result.StandardError.Contains("no crontab for", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        return result.EnsureSuccess().StandardOutput;
    }

    protected override async Task WriteAsync(string content, CancellationToken cancellationToken) =>
        await runner.RunCheckedAsync(ProcessRequest.Of("crontab", "-u", User, "-") with { StandardInput = content, Timeout = Timeout, Environment = CLocale }, cancellationToken);
}
