using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Processes;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Machine.Files;

public sealed class TreeCopierTests
{
    private readonly TreeCopier _copier = new();

    [Fact]
    public async Task Copy_ReproducesStructureBytesModesAndInternalLinks()
    {
        using var folder = new TestFolder();
        var source = folder.Combine("release");
        Directory.CreateDirectory(Path.Combine(source, "assets", "img"));
        Directory.CreateDirectory(Path.Combine(source, "empty"));
        await File.WriteAllTextAsync(Path.Combine(source, "index.html"), "<h1>hi</h1>");
        await File.WriteAllBytesAsync(Path.Combine(source, "assets", "img", "blob.bin"), Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray());
        await File.WriteAllTextAsync(Path.Combine(source, ".htaccess"), "Options -Indexes\n");
        await File.WriteAllTextAsync(Path.Combine(source, "run.sh"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(source, "run.sh"), FileModes.Folder);
        File.CreateSymbolicLink(Path.Combine(source, "assets", "home.html"), "../index.html");
        File.CreateSymbolicLink(Path.Combine(source, "pictures"), "assets/img");
        var target = folder.Combine("webroot");

        var result = await _copier.CopyAsync(source, target, CancellationToken.None);

        Assert.Equal(Describe(source), Describe(target));
        Assert.Equal(new TreeCopyResult(Directories: 3, Files: 4, SymbolicLinks: 2, Bytes: 70_000 + 11 + 17 + 10), result);
        Assert.Equal("<h1>hi</h1>", await File.ReadAllTextAsync(Path.Combine(target, "assets", "home.html")));
    }

    [Fact]
    public async Task Copy_OfTheSampleRelease_IsExact()
    {
        using var folder = new TestFolder();
        var target = folder.Combine("webroot");

        await _copier.CopyAsync(RepositoryFiles.SampleRelease, target, CancellationToken.None);

        Assert.Equal(Describe(RepositoryFiles.SampleRelease), Describe(target));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("../sub/../../outside")]
    public async Task LinkLeavingTheTree_IsRefused_AndNothingIsCreated(string linkTarget)
    {
        using var folder = new TestFolder();
        var source = folder.Combine("release");
        Directory.CreateDirectory(Path.Combine(source, "sub"));
        await File.WriteAllTextAsync(Path.Combine(source, "index.html"), "x");
        File.CreateSymbolicLink(Path.Combine(source, "sub", "escape"), linkTarget);

        await AssertRefusedAsync(folder, source, Path.Combine("sub", "escape"));
    }

    [Fact]
    public async Task LinkClimbingOutThroughAnotherLink_IsRefused()
    {
        // d/up -> ".." is inside (it is the root); "d/up/../x" reads as d/x but the kernel climbs from the root: outside.
        using var folder = new TestFolder();
        var source = folder.Combine("release");
        Directory.CreateDirectory(Path.Combine(source, "d"));
        File.CreateSymbolicLink(Path.Combine(source, "d", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(source, "escape"), "d/up/../x");

        await AssertRefusedAsync(folder, source, "'escape'");
    }

    [Fact]
    public async Task SpecialFile_IsRefused_NotSkipped()
    {
        using var folder = new TestFolder();
        var source = folder.Combine("release");
        Directory.CreateDirectory(source);
        await RealHost.Runner.RunCheckedAsync(ProcessRequest.Of("mkfifo", Path.Combine(source, "pipe")), CancellationToken.None);

        await AssertRefusedAsync(folder, source, "'pipe'");
    }

    [Fact]
    public async Task ExistingDestination_IsRefused()
    {
        using var folder = new TestFolder();
        var target = folder.Combine("webroot");
        Directory.CreateDirectory(target);
        await File.WriteAllTextAsync(Path.Combine(target, "keep.txt"), "mine");

        await Assert.ThrowsAsync<IOException>(() => _copier.CopyAsync(RepositoryFiles.SampleRelease, target, CancellationToken.None));

        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName));
    }

    /// <summary>The copy is refused with a message naming the entry, and the destination was never created.</summary>
    private async Task AssertRefusedAsync(TestFolder folder, string source, string named)
    {
        var target = folder.Combine("webroot");

        var refusal = await Assert.ThrowsAsync<TreeCopyRefusedException>(() => _copier.CopyAsync(source, target, CancellationToken.None));

        Assert.Contains(named, refusal.Message, StringComparison.Ordinal);
        Assert.False(Path.Exists(target));
    }

    /// <summary>Every entry by relative path: kind, mode, content hash or link target.</summary>
    private static List<string> Describe(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(path => new FileInfo(path))
            .Where(info => !IsInsideLinkedFolder(root, info.FullName))
            .Select(info => info.LinkTarget is { } link
                ? $"{Path.GetRelativePath(root, info.FullName)} -> {link}"
                : Directory.Exists(info.FullName)
                    ? $"{Path.GetRelativePath(root, info.FullName)}/ {File.GetUnixFileMode(info.FullName)}"
                    : $"{Path.GetRelativePath(root, info.FullName)} {info.UnixFileMode} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(info.FullName)))}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool IsInsideLinkedFolder(string root, string path)
    {
        for (var parent = Path.GetDirectoryName(path); parent is not null && parent.Length > root.Length; parent = Path.GetDirectoryName(parent))
        {
            if (new DirectoryInfo(parent).LinkTarget is not null)
            {
                return true;
            }
        }

        return false;
    }
}
