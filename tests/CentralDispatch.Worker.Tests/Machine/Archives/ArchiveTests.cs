using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CentralDispatch.Worker.Machine.Archives;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Machine.Archives;

public sealed class ArchiveTests : IDisposable
{
    private readonly TestFolder _folder = new("cd-arch");

    [Fact]
    public async Task WriteThenVerify_ListsEveryFileWithItsChecksum_AndExtractsTheSameTree()
    {
        var tree = MakeTree();
        var dump = _folder.Combine("dump.sql");
        await File.WriteAllTextAsync(dump, "INSERT INTO t VALUES (1);\n");
        var archive = _folder.Combine("a.tar.gz");

        var written = await new ArchiveWriter().WriteAsync(archive, tree, dump, Header(), CancellationToken.None);
        var verified = await new ArchiveReader().VerifyAsync(archive, CancellationToken.None);
        var copy = _folder.Combine("copy");
        await new ArchiveReader().ExtractWebrootAsync(archive, copy, CancellationToken.None);

        Assert.Equal(written.Files, verified.Files);
        Assert.Equal(["database.sql", "webroot/assets/app.js", "webroot/index.html"], verified.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal([new ArchivedLink("webroot/home.html", "index.html")], verified.Links);
        Assert.Equal("<h1>hi</h1>", await File.ReadAllTextAsync(Path.Combine(copy, "index.html")));
        Assert.Equal("index.html", new FileInfo(Path.Combine(copy, "home.html")).LinkTarget);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(archive));
    }

    [Fact]
    public async Task Verify_RefusesAFileThatDoesNotMatchItsManifest()
    {
        var manifest = Header() with { Files = [new ArchivedFile("webroot/index.html", 11, new string('0', 64))], Directories = ["webroot"] };
        var archive = await RawArchiveAsync(manifest, ("webroot", null, null), ("webroot/index.html", "<h1>hi</h1>", null));

        var error = await Assert.ThrowsAsync<ArchiveInvalidException>(() => new ArchiveReader().VerifyAsync(archive, CancellationToken.None));

        Assert.Contains("webroot/index.html has SHA-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RefusesAFileMissingFromTheManifest()
    {
        var archive = await RawArchiveAsync(Header() with { Directories = ["webroot"] }, ("webroot", null, null), ("webroot/extra.php", "<?php", null));

        var error = await Assert.ThrowsAsync<ArchiveInvalidException>(() => new ArchiveReader().VerifyAsync(archive, CancellationToken.None));

        Assert.Contains("webroot/extra.php is in the archive but not in its manifest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RefusesATruncatedArchive()
    {
        var archive = _folder.Combine("a.tar.gz");
        await new ArchiveWriter().WriteAsync(archive, MakeTree(), null, Header(), CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(archive);
        await File.WriteAllBytesAsync(archive, bytes[..(bytes.Length / 2)]);

        await Assert.ThrowsAsync<ArchiveInvalidException>(() => new ArchiveReader().VerifyAsync(archive, CancellationToken.None));
    }

    [Theory]
    [InlineData("webroot/../../etc/cron.d/x", null)]
    [InlineData("/etc/passwd", null)]
    [InlineData("webroot/escape", "../../etc")]
    public async Task Verify_RefusesAnEntryThatWouldLeaveItsFolder(string name, string? linkTarget)
    {
        var archive = await RawArchiveAsync(Header(), (name, linkTarget is null ? "x" : null, linkTarget));

        var error = await Assert.ThrowsAsync<ArchiveInvalidException>(() => new ArchiveReader().VerifyAsync(archive, CancellationToken.None));

        Assert.Contains(linkTarget is null ? "not a safe relative path" : "outside the webroot", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static ArchiveManifest Header() =>
        new(ArchiveManifest.CurrentFormat, "shop", "shop.example.com", [], "default", "ops@example.com", "cd_shop", DateTimeOffset.UnixEpoch, 7, [], [], []);

    private string MakeTree()
    {
        var tree = _folder.Combine("tree");
        Directory.CreateDirectory(Path.Combine(tree, "assets"));
        File.WriteAllText(Path.Combine(tree, "index.html"), "<h1>hi</h1>");
        File.WriteAllText(Path.Combine(tree, "assets", "app.js"), "console.log(1);");
        File.CreateSymbolicLink(Path.Combine(tree, "home.html"), "index.html");
        return tree;
    }

    /// <summary>An archive written entry by entry, to hold what the writer never would.</summary>
    private async Task<string> RawArchiveAsync(ArchiveManifest manifest, params (string Name, string? Content, string? LinkTarget)[] entries)
    {
        var path = _folder.Combine($"raw-{Guid.NewGuid():N}.tar.gz");
        await using var file = File.Create(path);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, content, link) in entries)
        {
            var entry = link is not null ? new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = link }
                : content is null ? new PaxTarEntry(TarEntryType.Directory, name)
                : new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };
            await tar.WriteEntryAsync(entry);
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, ArchiveManifest.ManifestEntry) { DataStream = new MemoryStream(json) });
        return path;
    }
}
