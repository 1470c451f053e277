using CentralDispatch.Testing;
using CentralDispatch.Worker.Machine.Cron;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Machine.Cron;

public sealed class FileCrontabTests
{
    [Fact]
    public async Task TaggedLines_AreAddedSuspendedResumedAndRemoved_AndForeignLinesKept()
    {
        using var folder = new TestFolder();
        var path = folder.Combine("crontab");
        await File.WriteAllTextAsync(path, CrontabScenario.ForeignLine + "\n");
        using var crontab = new FileCrontab(path);

        await CrontabScenario.RunAsync(crontab, TestNames.Unique("cron"));

        Assert.Equal(CrontabScenario.ForeignLine + "\n", await File.ReadAllTextAsync(path));
        Assert.Equal(FileModes.OwnerOnly, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task MissingFile_IsAnEmptyCrontab()
    {
        using var folder = new TestFolder();
        using var crontab = new FileCrontab(folder.Combine("crontab"));

        Assert.Empty(await crontab.ListAsync(CancellationToken.None));
        Assert.False(await crontab.HasTagAsync("centraldispatch:none", CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentAdds_AllLand()
    {
        using var folder = new TestFolder();
        using var crontab = new FileCrontab(folder.Combine("crontab"));
        var tags = Enumerable.Range(0, 20).Select(i => $"centraldispatch:c{i}").ToList();

        await Task.WhenAll(tags.Select(tag => crontab.AddAsync(tag, "* * * * * true", CancellationToken.None)));

        Assert.Equal(20, (await crontab.ListAsync(CancellationToken.None)).Count);
    }
}
