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

    /// <summary>The sample site with an index page that says <see cref="IndexText"/> of its name: which release is served shows.</summary>
    public static string WriteNamed(SandboxWorker worker, string name)
    {
        var folder = Folder(worker, name);
        CopyTree(worker.Options.Paths.DefaultReleaseFolder, folder);
        File.WriteAllText(Path.Combine(folder, "index.html"), $"<!doctype html><html><body><h1>{IndexText(name)}</h1></body></html>\n");
        return folder;
    }

    /// <summary>What the index page of a release written by <see cref="WriteNamed"/> says.</summary>
    public static string IndexText(string name) => $"release {name}";

    /// <summary>A named release without an index page: its site answers 403, so a health check of it never passes.</summary>
    public static string WriteWithoutIndex(SandboxWorker worker, string name)
    {
        var folder = WriteNamed(worker, name);
        File.Delete(Path.Combine(folder, "index.html"));
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

    /// <summary>Files under <paramref name="folder"/> (through a link to it); 0 when it is not there or goes while counted.</summary>
    public static int CountFiles(string folder)
    {
        try
        {
            return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
        }
        catch (DirectoryNotFoundException)
        {
            return 0; // removed (or renamed) while it was read: a job's tree on its way
        }
    }

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
