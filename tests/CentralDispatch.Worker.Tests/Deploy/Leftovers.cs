using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Worker.Provisioning.Deploy;

namespace CentralDispatch.Worker.Tests.Deploy;

/// <summary>Scans the host for anything of one instance: webroot link, releases folder, database, user, vhost file and link, certificates, cron, logs, secrets, journal.</summary>
public static class Leftovers
{
    public static async Task<IReadOnlyList<string>> ScanAsync(SandboxWorkerFixture worker, InstancePayload instance, long? jobId = null)
    {
        var layout = worker.Layout(instance);
        var found = new List<string>();
        void File(string path, string what)
        {
            if (Path.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                found.Add($"{what} {path}");
            }
        }

        File(layout.Webroot, "webroot");
        File(layout.ReleasesFolder, "releases folder");
        File(layout.VirtualHostFile, "vhost");
        if (layout.SiteLink is not null)
        {
            File(layout.SiteLink, "site link");
        }

        foreach (var certificate in layout.Certificates.All)
        {
            File(certificate, "certificate file");
        }

        File(layout.SecretsFile, "secrets file");
        File(layout.ErrorLog, "error log");
        File(layout.AccessLog, "access log");
        if (jobId is { } id)
        {
            File(worker.Journals.PathOf(id), "journal");
        }

        if (await worker.Database.DatabaseExistsAsync(layout.Database, CancellationToken.None))
        {
            found.Add($"database {layout.Database}");
        }

        if (await worker.Database.UserExistsAsync(layout.DatabaseUser, CancellationToken.None))
        {
            found.Add($"database user {layout.DatabaseUser}");
        }

        if (await worker.Crontab.HasTagAsync(layout.CronTag, CancellationToken.None))
        {
            found.Add($"cron line {layout.CronTag}");
        }

        return found;
    }
}
