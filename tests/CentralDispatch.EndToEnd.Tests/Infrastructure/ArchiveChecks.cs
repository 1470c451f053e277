using CentralDispatch.Testing.Processes;
using CentralDispatch.Worker.Machine.Archives;

namespace CentralDispatch.EndToEnd.Tests.Infrastructure;

/// <summary>An instance's archives in a sandbox worker's archive folder, looked at as an operator would (and read back whole).</summary>
public static class ArchiveChecks
{
    /// <summary>Every file of the archive folder that belongs to <paramref name="instance"/>: finished archives and any partial one.</summary>
    public static IReadOnlyList<string> FilesOf(SandboxWorker worker, string instance)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var folder = worker.Options.Paths.ArchiveFolder;
        try
        {
            return Directory.Exists(folder) ? Directory.GetFiles(folder, instance + "-*").Order(StringComparer.Ordinal).ToList() : [];
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>
    /// The archive is a complete .tar.gz (`tar` lists it), of <paramref name="instance"/>, with its SQL dump and its site's
    /// index page, and every entry matches the SHA-256 and size its manifest gives.
    /// </summary>
    public static async Task AssertVerifiedAsync(string archive, string instance)
    {
        var listing = (await CommandRunner.RunAsync("tar", ["-tzf", archive], CancellationToken.None)).EnsureSuccess().StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(ArchiveManifest.ManifestEntry, listing);
        Assert.Contains(ArchiveManifest.DumpEntry, listing);
        Assert.Contains($"{ArchiveManifest.WebrootFolder}/index.html", listing);

        var manifest = await new ArchiveReader().VerifyAsync(archive, CancellationToken.None);
        Assert.Equal(instance, manifest.Instance);
        Assert.True(manifest.HasDump && manifest.HasWebroot, $"{archive} lacks its dump or webroot");
    }
}
