using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Files;

namespace CentralDispatch.Cli.Commands.Workers.Checks;

/// <summary>Every folder of the configuration exists; the ones the worker writes to are writable (tested by writing a file).</summary>
public static class PathChecks
{
    public static IEnumerable<CheckResult> Run(WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var paths = options.Paths;
        yield return Readable("default release folder", paths.DefaultReleaseFolder, "copy the application's release tree there (it is the release named 'default')");
        yield return Readable("releases folder", paths.ReleasesFolder, "create it; each subfolder is a named release");
        var writable = new List<(string Item, string? Path)>
        {
            ("install path", paths.InstallPath),
            ("archive folder", paths.ArchiveFolder),
            ("certs folder", paths.CertsFolder),
            ("journal folder", paths.JournalFolder),
            ("secrets folder", paths.SecretsFolder),
            ("web server log folder", options.WebServer.LogFolder),
            ("PHP-FPM pool folder", options.PhpFpm.PoolFolder),
        };
        if (options.WebServer.Flavor == WebServerFlavor.Debian)
        {
            writable.Add(("sites-available folder", options.WebServer.SitesAvailable));
            writable.Add(("sites-enabled folder", options.WebServer.SitesEnabled));
        }
        else
        {
            writable.Add(("conf.d folder", options.WebServer.ConfD));
        }

        if (options.Cron.CrontabFile is { Length: > 0 } crontab)
        {
            writable.Add(("crontab file's folder", Path.GetDirectoryName(crontab)));
        }

        foreach (var (item, path) in writable)
        {
            yield return Writable(item, path ?? string.Empty);
        }

        yield return SecretsPrivate(paths.SecretsFolder);
    }

    private static CheckResult Readable(string item, string path, string hint)
    {
        if (!Directory.Exists(path))
        {
            return CheckResult.Fail(item, $"{path} does not exist; {hint}");
        }

        try
        {
            _ = Directory.EnumerateFileSystemEntries(path).Take(1).ToList();
            return CheckResult.Pass(item, $"{path} exists and is readable");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return CheckResult.Fail(item, $"{path} cannot be read: {e.Message}");
        }
    }

    private static CheckResult Writable(string item, string path)
    {
        if (!Directory.Exists(path))
        {
            return CheckResult.Fail(item, $"{path} does not exist; `dispatch worker init` creates it, or create it yourself");
        }

        var probe = Path.Combine(path, $".centraldispatch-check-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileModes.OwnerOnly }))
            {
            }

            File.Delete(probe);
            return CheckResult.Pass(item, $"{path} exists and is writable");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return CheckResult.Fail(item, $"{path} is not writable by {Environment.UserName}: {e.Message}");
        }
    }

    private static CheckResult SecretsPrivate(string path)
    {
        if (!Directory.Exists(path))
        {
            return CheckResult.Fail("secrets folder mode", $"{path} does not exist");
        }

        var mode = File.GetUnixFileMode(path);
        var others = mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        return others == UnixFileMode.None
            ? CheckResult.Pass("secrets folder mode", $"{path} is private (0700): it holds the instances' database passwords")
            : CheckResult.Fail("secrets folder mode", $"{path} is readable by others ({Convert.ToString((int)mode, 8)}); run chmod 700 on it");
    }
}
