using CentralDispatch.Worker.Machine.Cron;

namespace CentralDispatch.Worker.Tests.Lifecycle;

/// <summary>A cron line with a tag of its own in the shared crontab, to prove it is never touched.</summary>
public sealed class CrontabScenarioLine(ICrontab crontab, string tag)
{
    public Task AddAsync() => crontab.AddAsync(tag, "*/5 * * * * true", CancellationToken.None);

    public Task<bool> ExistsAsync() => crontab.HasTagAsync(tag, CancellationToken.None);

    public Task RemoveAsync() => crontab.RemoveAsync(tag, CancellationToken.None);
}
