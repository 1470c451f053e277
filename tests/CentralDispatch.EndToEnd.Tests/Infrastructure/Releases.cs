using System.Globalization;

namespace CentralDispatch.EndToEnd.Tests.Infrastructure;

/// <summary>Named releases written into a sandbox worker's releases folder (`Worker:Paths:ReleasesFolder/NAME`).</summary>
public static class Releases
{
    /// <summary>
    /// The sample site plus <paramref name="files"/> generated files in 50 folders: large enough that copying it into
    /// a webroot takes a while, so a worker can be killed while the copy is under way.
    /// </summary>
    public static string WriteLarge(SandboxWorker worker, string name, int files)
    {
        var folder = Folder(worker, name);
        CopyTree(worker.Options.Paths.DefaultReleaseFolder, folder);
        var content = new string('x', 2048);
        for (var i = 0; i < files; i++)
        {
            var sub = Path.Combine(folder, "vendor", (i % 50).ToString("D2", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(sub);
            File.WriteAllText(Path.Combine(sub, $"file-{i:D5}.php"), content);
        }

        return folder;
    }

    /// <summary>The sample site with a link to a file outside the release, which the webroot copy refuses.</summary>
    public static string WriteWithEscapingLink(SandboxWorker worker, string name)
    {
        var folder = Folder(worker, name);
        CopyTree(worker.Options.Paths.DefaultReleaseFolder, folder);
        File.CreateSymbolicLink(Path.Combine(folder, "passwd"), "/etc/passwd");
        return folder;
    }

    public static int CountFiles(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;

    private static string Folder(SandboxWorker worker, string name)
    {
        var folder = Path.Combine(worker.Options.Paths.ReleasesFolder, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static void CopyTree(string source, string destination)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)));
        }
    }
}
