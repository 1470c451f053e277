using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Files.Native;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Machine.Files;

/// <summary>The config file written into a tenant's tree, and outside it, as the Debian profile does it (root, group www-data, 0640).</summary>
public sealed class TreeFilesTests
{
    [Fact]
    public async Task Write_ReplacesALinkPlantedAtTheName_NeverWritesThroughIt_AndGivesTheFileToTheGroup_0640()
    {
        Assert.True(Environment.IsPrivilegedProcess, "This test runs as root, as the worker does on a Debian host.");
        using var folder = new TestFolder();
        using var canary = new Canary();
        var tree = folder.Combine("tree");
        Directory.CreateDirectory(Path.Combine(tree, "app"));
        File.CreateSymbolicLink(Path.Combine(tree, "app", ".env"), canary.SecretFile);
        var group = Accounts.GroupId("www-data");

        await TreeFiles.WriteTextAsync(tree, "app/.env", "DB_PASSWORD=x\n", FileModes.GroupReadable, group, CancellationToken.None);

        var written = Path.Combine(tree, "app", ".env");
        Assert.Null(new FileInfo(written).LinkTarget);
        Assert.Equal("DB_PASSWORD=x\n", await File.ReadAllTextAsync(written));
        Assert.Equal(FileModes.GroupReadable, File.GetUnixFileMode(written));
        using (var app = DirectoryHandle.Open(Path.Combine(tree, "app")))
        {
            var status = app.StatusOf(FileName.Of(".env"))!;
            Assert.Equal((0u, group), (status.Owner, status.Group));
        }

        Assert.Single(Directory.GetFileSystemEntries(Path.Combine(tree, "app"))); // no temp file left
        canary.AssertUntouched();
    }

    [Fact]
    public async Task Write_ThroughAFolderThatIsALink_IsRefused_AndWritesNothing()
    {
        using var folder = new TestFolder();
        using var canary = new Canary();
        var tree = folder.Combine("tree");
        Directory.CreateDirectory(tree);
        File.CreateSymbolicLink(Path.Combine(tree, "app"), canary.Folder);

        var error = await Assert.ThrowsAsync<IOException>(() =>
            TreeFiles.WriteTextAsync(tree, "app/.env", "DB_PASSWORD=x\n", FileModes.GroupReadable, null, CancellationToken.None));

        Assert.Contains("is not a folder", error.Message, StringComparison.Ordinal);
        canary.AssertUntouched();
    }

    [Fact]
    public async Task AtomicFile_WithAGroup_GivesTheFileToIt()
    {
        Assert.True(Environment.IsPrivilegedProcess, "This test runs as root, as the worker does on a Debian host.");
        using var folder = new TestFolder();
        var path = folder.Combine(".env");
        var group = Accounts.GroupId("www-data");

        await AtomicFile.WriteTextAsync(path, "x", FileModes.GroupReadable, group, CancellationToken.None);

        using var parent = DirectoryHandle.Open(folder.Path);
        var status = parent.StatusOf(FileName.Of(".env"))!;
        Assert.Equal((0u, group, FileModes.GroupReadable), (status.Owner, status.Group, status.Mode));
    }
}
