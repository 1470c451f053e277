using CentralDispatch.Worker.Machine.Cron;

namespace CentralDispatch.Worker.Tests.Machine.Cron;

/// <summary>The same behaviour asked of every crontab store: add, idempotence, suspend, resume, remove, and foreign lines untouched.</summary>
internal static class CrontabScenario
{
    public const string ForeignLine = "30 2 * * * /usr/local/bin/backup # not ours";

    public static async Task RunAsync(ICrontab crontab, string instance)
    {
        var tag = $"centraldispatch:{instance}";
        var otherTag = $"centraldispatch:{instance}x";
        const string Line = "*/15 * * * * cd /var/www/x && php cron.php > /dev/null 2>&1";

        Assert.True(await crontab.AddAsync(tag, Line, CancellationToken.None));
        Assert.False(await crontab.AddAsync(tag, Line, CancellationToken.None));
        Assert.True(await crontab.AddAsync(otherTag, "0 * * * * true", CancellationToken.None));
        Assert.True(await crontab.HasTagAsync(tag, CancellationToken.None));
        Assert.Single(await crontab.ListAsync(CancellationToken.None), line => line == $"{Line} # {tag}");

        Assert.Equal(1, await crontab.SuspendAsync(tag, CancellationToken.None));
        Assert.Equal(0, await crontab.SuspendAsync(tag, CancellationToken.None));
        Assert.Contains($"{CrontabLines.SuspendedPrefix}{Line} # {tag}", await crontab.ListAsync(CancellationToken.None));
        Assert.False(await crontab.AddAsync(tag, Line, CancellationToken.None));
        Assert.True(await crontab.HasTagAsync(tag, CancellationToken.None));

        Assert.Equal(1, await crontab.ResumeAsync(tag, CancellationToken.None));
        Assert.Contains($"{Line} # {tag}", await crontab.ListAsync(CancellationToken.None));

        Assert.Equal(1, await crontab.RemoveAsync(tag, CancellationToken.None));
        Assert.Equal(0, await crontab.RemoveAsync(tag, CancellationToken.None));
        Assert.False(await crontab.HasTagAsync(tag, CancellationToken.None));

        var remaining = await crontab.ListAsync(CancellationToken.None);
        Assert.Contains(ForeignLine, remaining);
        Assert.Contains($"0 * * * * true # {otherTag}", remaining);
        Assert.Equal(1, await crontab.RemoveAsync(otherTag, CancellationToken.None));
        Assert.Equal([ForeignLine], await crontab.ListAsync(CancellationToken.None));
    }
}
