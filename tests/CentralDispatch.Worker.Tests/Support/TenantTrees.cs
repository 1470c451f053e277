using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace CentralDispatch.Worker.Tests.Support;

/// <summary>Trees a tenant would have (folders of uploads), and the checks a race test makes afterwards.</summary>
public static class TenantTrees
{
    /// <summary>A tree of <paramref name="folders"/> folders (some nested) with <paramref name="filesPerFolder"/> files each.</summary>
    public static void Fill(string root, int folders = 12, int filesPerFolder = 12)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "index.html"), "<h1>tenant site</h1>");
        for (var f = 0; f < folders; f++)
        {
            var folder = Path.Combine(root, f % 3 == 2 ? Path.Combine($"d{f - 1}", $"d{f}") : $"d{f}", f % 4 == 0 ? "inner" : "");
            Directory.CreateDirectory(folder);
            for (var i = 0; i < filesPerFolder; i++)
            {
                File.WriteAllText(Path.Combine(folder, $"upload-{i}.txt"), $"tenant data {f}/{i}\n");
            }
        }
    }

    /// <summary>Starts the tenant and waits until its first swap landed, so the root operation that follows runs under attack.</summary>
    public static HostileTenant Attacking(string tree, Canary canary, int seed)
    {
        var tenant = new HostileTenant(tree, canary, seed).Start();
        SpinWait.SpinUntil(() => tenant.Swaps > 0, TimeSpan.FromSeconds(30));
        return tenant;
    }

    /// <summary>Every entry of a .tar.gz: no file holds <paramref name="marker"/>, no link points outside (absolute or to the canary).</summary>
    public static async Task AssertArchiveHoldsNoCanaryAsync(string archive, Canary canary)
    {
        await using var file = File.OpenRead(archive);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: false) is { } entry)
        {
            Assert.True(entry.EntryType is TarEntryType.Directory or TarEntryType.RegularFile or TarEntryType.SymbolicLink, $"{entry.Name} is a {entry.EntryType}");
            if (entry.EntryType == TarEntryType.SymbolicLink)
            {
                Assert.False(entry.LinkName.StartsWith('/'), $"{entry.Name} links to {entry.LinkName}");
            }

            if (entry.DataStream is { } data)
            {
                using var reader = new StreamReader(data, Encoding.UTF8);
                Assert.DoesNotContain(canary.Marker, await reader.ReadToEndAsync(), StringComparison.Ordinal);
            }
        }
    }

    /// <summary>No regular file of the tree (links inside it followed as a visitor would) holds the canary's marker.</summary>
    public static void AssertTreeHoldsNoCanary(string tree, Canary canary)
    {
        foreach (var path in Directory.EnumerateFiles(tree, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var info = new FileInfo(path);
            Assert.True(info.LinkTarget is null || !Path.IsPathRooted(info.LinkTarget), $"{path} links to {info.LinkTarget}");
            if (info.LinkTarget is null && (info.UnixFileMode & UnixFileMode.UserRead) != 0)
            {
                Assert.DoesNotContain(canary.Marker, File.ReadAllText(path), StringComparison.Ordinal);
            }
        }
    }
}
