using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Machine.Files;

public sealed class AtomicFileTests
{
    [Fact]
    public async Task Write_ReplacesContent_WithExactlyTheRequestedMode_AndLeavesNoTempFile()
    {
        using var folder = new TestFolder();
        var path = folder.Combine("secret.txt");
        await File.WriteAllTextAsync(path, "old");
        File.SetUnixFileMode(path, FileModes.Folder);

        await AtomicFile.WriteTextAsync(path, "new", FileModes.OwnerOnly, CancellationToken.None);

        Assert.Equal("new", await File.ReadAllTextAsync(path));
        Assert.Equal(FileModes.OwnerOnly, File.GetUnixFileMode(path));
        Assert.Equal(["secret.txt"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }
}
