using System.Runtime.Versioning;
using CentralDispatch.Dispatcher.Tests.Infrastructure;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Dispatcher.Tests.Store;

/// <summary>The data folder (SQLite store and its -wal/-shm, migration lock, key ring) is the dispatcher's owner's alone.</summary>
[SupportedOSPlatform("linux")]
public sealed class DataFolderModeTests : IDisposable
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly DirectoryInfo _parent = Directory.CreateTempSubdirectory("cd-modes-");

    private string Data => Path.Combine(_parent.FullName, "data");

    [Fact]
    public async Task ANewDataFolder_Is0700_AndEveryFileTheDispatcherWroteInIt_0600()
    {
        // As a service manager leaves it: a umask that would make files 0644 and folders 0755.
        File.SetUnixFileMode(_parent.FullName, Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        await using (var host = await DispatcherTestHost.StartAsync(new() { DataFolder = Data }))
        {
            await WriteSomethingAsync(host);
            AssertPrivate(expectedFolderMode: Folder);
        }
    }

    [Fact]
    public async Task AnOlderVersionsOpenDataFolder_IsClosedToGroupAndOthers_AndItsFilesBecome0600()
    {
        // What an older version left: folders 0755, its database and lock file 0644.
        var open = Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Directory.CreateDirectory(Path.Combine(Data, "keys"));
        File.SetUnixFileMode(Data, open);
        File.SetUnixFileMode(Path.Combine(Data, "keys"), open);
        foreach (var file in new[] { "dispatch.db", "migrate.lock" })
        {
            await File.WriteAllBytesAsync(Path.Combine(Data, file), []);
            File.SetUnixFileMode(Path.Combine(Data, file), File0600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        await using (var host = await DispatcherTestHost.StartAsync(new() { DataFolder = Data }))
        {
            await WriteSomethingAsync(host);
            // Search (x) stays for group and others: a sandbox worker's folder inside it must stay reachable.
            AssertPrivate(expectedFolderMode: Folder | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    public void Dispose() => _parent.Delete(recursive: true);

    private static async Task WriteSomethingAsync(DispatcherTestHost host)
    {
        var (worker, _) = await host.OnlineWorkerAsync();
        await host.Admin().CreateInstanceWithCertificateAsync(worker.Name);
    }

    private void AssertPrivate(UnixFileMode expectedFolderMode)
    {
        Assert.Equal(expectedFolderMode, File.GetUnixFileMode(Data));
        var names = Directory.EnumerateFileSystemEntries(Data, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(Data, p)).ToList();
        foreach (var expected in new[] { "dispatch.db", "dispatch.db-wal", "dispatch.db-shm", "migrate.lock", "keys" })
        {
            Assert.Contains(expected, names);
        }

        Assert.Contains(names, n => n.StartsWith("keys/key-", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal));
        foreach (var name in names)
        {
            var path = Path.Combine(Data, name);
            var mode = File.GetUnixFileMode(path);
            Assert.True(mode == (Directory.Exists(path) ? Folder : File0600), $"{name} is {Convert.ToString((int)mode, 8)}");
        }
    }
}
