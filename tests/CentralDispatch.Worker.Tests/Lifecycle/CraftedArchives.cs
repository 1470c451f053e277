using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Machine.Archives;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Lifecycle;

/// <summary>Archives written by the worker's own ArchiveWriter around a database dump a test writes line by line: what a hostile tenant's data could become.</summary>
public static class CraftedArchives
{
    /// <returns>The archive's path in <paramref name="archiveFolder"/>; valid in every checksum, so only its content can be refused.</returns>
    public static async Task<string> WriteAsync(string archiveFolder, InstancePayload instance, params string[] dumpLines)
    {
        ArgumentNullException.ThrowIfNull(instance);
        using var source = new TestFolder("cd-craft");
        var webroot = source.Combine("webroot");
        Directory.CreateDirectory(webroot);
        await File.WriteAllTextAsync(Path.Combine(webroot, "index.html"), $"<h1>crafted for {instance.Name}</h1>");
        var dump = source.Combine("database.sql");
        await File.WriteAllLinesAsync(dump, dumpLines);
        Directory.CreateDirectory(archiveFolder);
        var archive = Path.Combine(archiveFolder, $"{instance.Name}-crafted-{Guid.NewGuid():N}.tar.gz");
        var header = new ArchiveManifest(ArchiveManifest.CurrentFormat, instance.Name, instance.Hostname, instance.Aliases, instance.Release,
            instance.BackendEmail, DerivedNames.For(instance.Name).Database, DateTimeOffset.UnixEpoch, 1, [], [], []);
        await new ArchiveWriter().WriteAsync(archive, webroot, dump, header, CancellationToken.None);
        return archive;
    }
}
