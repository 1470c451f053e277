using System.Globalization;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing.Processes;
using CentralDispatch.Worker.Provisioning.Deploy;

namespace CentralDispatch.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Looks at a sandbox worker host from outside the product: the file system, the `mariadb` client on the sandbox
/// socket, the crontab file and the journal folder. The sandbox MariaDB must be running (a worker process is up).
/// </summary>
public static class HostScan
{
    public static async Task<InstanceFootprint> ScanAsync(SandboxWorker worker, string instance, IEnumerable<long> jobIds)
    {
        var (users, databases) = await CountDatabaseObjectsAsync(worker, DerivedNames.For(instance));
        return new InstanceFootprint(NamedPaths(worker, instance), users, databases, CronLines(worker, instance).Count, Journals(worker, instance, jobIds));
    }

    /// <summary>What a deployed instance has on the host (its certificate with a chain): exactly these paths, no more.</summary>
    public static IReadOnlyList<string> ExpectedPaths(SandboxWorker worker, string instance)
    {
        var layout = Layout(worker, instance);
        return [layout.Webroot, layout.ReleasesFolder, layout.VirtualHostFile, layout.SiteLink!, layout.SecretsFile, layout.ErrorLog, layout.AccessLog,
            .. layout.Certificates.All];
    }

    /// <summary>Where the worker keeps everything of <paramref name="instance"/>: the paths only depend on its name.</summary>
    public static InstanceLayout Layout(SandboxWorker worker, string instance)
    {
        ArgumentNullException.ThrowIfNull(worker);
        return InstanceLayout.For(new InstancePayload(instance, "unused.example", [], "default", "unused@example.com", null), worker.Options);
    }

    /// <summary>The crontab lines (active or commented out) that carry the instance's tag.</summary>
    public static IReadOnlyList<string> CronLines(SandboxWorker worker, string instance)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var crontab = worker.Options.Cron.CrontabFile!;
        var tag = DerivedNames.For(instance).CronTag;
        return File.Exists(crontab) ? File.ReadLines(crontab).Where(l => l.Contains(tag, StringComparison.Ordinal)).ToList() : [];
    }

    /// <summary>Runs one statement as the sandbox's admin (socket login) with the `mariadb` client; returns its rows.</summary>
    public static async Task<IReadOnlyList<string>> SqlAsync(SandboxWorker worker, string sql)
    {
        var database = worker.Options.Database;
        var result = await CommandRunner.RunAsync("mariadb",
            ["--no-defaults", $"--socket={database.SocketPath}", $"--user={database.AdminUser}", "--batch", "--skip-column-names", "--execute", sql],
            CancellationToken.None);
        result.EnsureSuccess();
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<(int Users, int Databases)> CountDatabaseObjectsAsync(SandboxWorker worker, DerivedNames derived)
    {
        // Derived names are [a-z0-9_] only, so they can stand in the statement as literals.
        var rows = await SqlAsync(worker,
            $"SELECT COUNT(*) FROM mysql.user WHERE User = '{derived.DatabaseUser}'; " +
            $"SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '{derived.Database}';");
        return (int.Parse(rows[0], CultureInfo.InvariantCulture), int.Parse(rows[1], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Every entry named after the instance, wherever the product might put (or forget) one: vhost files, links,
    /// certificates, secrets, logs, archives, half-written temp files, its folder of release trees. MariaDB's data, the
    /// releases and the journal folder are looked at elsewhere; webroots and each instance's folder of release trees
    /// are not descended into (each is one instance's).
    /// </summary>
    private static List<string> NamedPaths(SandboxWorker worker, string instance)
    {
        var options = worker.Options;
        var skipped = new HashSet<string>(StringComparer.Ordinal)
        {
            options.Database.PrivateServer.Folder!, options.Paths.ReleasesFolder, options.Paths.DefaultReleaseFolder, options.Paths.JournalFolder,
        };
        var releases = Path.Combine(options.Paths.InstallPath, InstanceLayout.ReleasesFolderName);
        var found = new List<string>();
        var pending = new Stack<string>([worker.DataFolder]);
        while (pending.TryPop(out var folder))
        {
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                if (entry.Name.Contains(instance, StringComparison.Ordinal))
                {
                    found.Add(entry.FullName);
                }
                else if (entry is DirectoryInfo { LinkTarget: null } && !skipped.Contains(entry.FullName) && folder != releases
                         && (folder != options.Paths.InstallPath || entry.FullName == releases))
                {
                    pending.Push(entry.FullName);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static List<string> Journals(SandboxWorker worker, string instance, IEnumerable<long> jobIds)
    {
        var folder = worker.Options.Paths.JournalFolder;
        var found = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.jsonl").Where(f => File.ReadAllText(f).Contains(instance, StringComparison.Ordinal)).ToList()
            : [];
        found.AddRange(jobIds.Select(id => Path.Combine(folder, "leases", id.ToString(CultureInfo.InvariantCulture) + ".lease.json")).Where(File.Exists));
        return found;
    }
}
