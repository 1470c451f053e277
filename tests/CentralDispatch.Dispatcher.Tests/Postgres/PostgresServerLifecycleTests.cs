using System.Runtime.Versioning;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Postgres;
using CentralDispatch.Testing.Processes;

namespace CentralDispatch.Dispatcher.Tests.Postgres;

/// <summary>Starting and stopping private clusters: nothing may outlive the test run.</summary>
public sealed class PostgresServerLifecycleTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), TestNames.Unique("pg-lifecycle"));

    [Fact]
    public async Task DisposeAsync_StopsThePostmasterAndDeletesTheClusterFolderTest()
    {
        var server = await PostgresServer.StartPrivateAsync(_root, CancellationToken.None);
        var pid = server.PostmasterProcessId!.Value;
        var folder = server.ClusterFolder!;
        Assert.NotNull(ProcessIdentity.Of(pid));
        Assert.True(Directory.Exists(folder));

        await server.DisposeAsync();

        Assert.Null(ProcessIdentity.Of(pid));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task SweepAsync_StopsAndRemovesClusterWhoseOwnerProcessIsGoneTest()
    {
        var server = await PostgresServer.StartPrivateAsync(_root, CancellationToken.None);
        var pid = server.PostmasterProcessId!.Value;
        var folder = server.ClusterFolder!;
        // Our own id with another start time: what a dead run's owner file looks like once its id is reused.
        var current = ProcessIdentity.Current();
        await File.WriteAllTextAsync(Path.Combine(folder, StaleClusterSweeper.OwnerFileName),
            new ProcessIdentity(current.Pid, current.StartTicks + 1).ToString());

        var removed = await StaleClusterSweeper.SweepAsync(_root, CancellationToken.None);

        Assert.Equal(1, removed);
        Assert.Null(ProcessIdentity.Of(pid));
        Assert.False(Directory.Exists(folder));
        await server.DisposeAsync();
    }

    [Fact]
    public async Task SweepAsync_LeavesClusterOfALiveTestRunAloneTest()
    {
        await using var server = await PostgresServer.StartPrivateAsync(_root, CancellationToken.None);

        var removed = await StaleClusterSweeper.SweepAsync(_root, CancellationToken.None);

        Assert.Equal(0, removed);
        Assert.NotNull(ProcessIdentity.Of(server.PostmasterProcessId!.Value));
        Assert.True(Directory.Exists(server.ClusterFolder));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task StartPrivateAsync_LeavesTheModeOfExistingParentFoldersAloneTest()
    {
        // Like /tmp: sticky and world-writable. Only folders the server creates may get a mode of its choosing.
        const UnixFileMode sharedTemp = UnixFileMode.StickyBit | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        Directory.CreateDirectory(_root);
        File.SetUnixFileMode(_root, sharedTemp);

        await using (await PostgresServer.StartPrivateAsync(Path.Combine(_root, "clusters"), CancellationToken.None))
        {
            Assert.Equal(sharedTemp, File.GetUnixFileMode(_root));
        }

        Assert.Equal(sharedTemp, File.GetUnixFileMode(_root));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
