using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Processes;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Machine.Files;

public sealed class TreeOwnershipTests
{
    private readonly TreeOwnership _ownership = new();

    [Fact]
    public async Task ChangeOwner_GivesEveryEntryToTheWebUser_WithoutFollowingLinks()
    {
        Assert.True(Environment.IsPrivilegedProcess, "This test runs as root, as the worker does on a Debian host.");
        using var folder = new TestFolder();
        var webroot = folder.Combine("webroot");
        await new TreeCopier().CopyAsync(RepositoryFiles.SampleRelease, webroot, CancellationToken.None);
        var outside = folder.Combine("outside.txt");
        await File.WriteAllTextAsync(outside, "not part of the webroot");
        File.CreateSymbolicLink(Path.Combine(webroot, "link-out"), outside);

        await _ownership.ChangeOwnerAsync(webroot, "www-data", "www-data", CancellationToken.None);

        var owners = await OwnersAsync(webroot);
        Assert.All(owners, owner => Assert.Equal("www-data:www-data", owner));
        Assert.Equal(Directory.EnumerateFileSystemEntries(webroot, "*", SearchOption.AllDirectories).Count() + 1, owners.Count);
        Assert.Equal(["root:root"], await OwnersAsync(outside));
    }

    [Fact]
    public async Task ChangeOwner_ToTheCurrentUser_DoesNothing()
    {
        using var folder = new TestFolder();

        await _ownership.ChangeOwnerAsync(folder.Combine("does-not-exist"), Environment.UserName, "nogroup", CancellationToken.None);

        Assert.False(Path.Exists(folder.Combine("does-not-exist")));
    }

    private static async Task<List<string>> OwnersAsync(string path)
    {
        var result = await RealHost.Runner.RunCheckedAsync(ProcessRequest.Of("find", path, "-printf", "%u:%g\\n"), CancellationToken.None);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
