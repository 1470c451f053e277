using CentralDispatch.Core.Validation;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Archives;
using CentralDispatch.Worker.Machine.Cron;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Machine.Templates;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Step 0: refuses to start when anything the deploy would create already exists and is not this job's, when the
/// release is missing, or when the TLS input is unusable. A restore verifies its archive (every SHA-256 against the
/// manifest) here, before anything is created. Creates nothing, so it has nothing to roll back.
/// </summary>
public sealed class PreflightStep(IOptions<WorkerOptions> options, MariaDbAdmin database, ICrontab crontab, ArchiveReader archives,
    TemplateRenderer templates, TimeProvider time)
    : IProvisioningStep
{
    public string Name => DeployStepNames.Preflight;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var worker = options.Value;
        var instance = context.Instance;
        var layout = InstanceLayout.For(instance, worker);
        var problems = new List<string>();
        CheckPayload(context, problems);
        CheckCronLine(context, worker, layout, problems);

        Taken(context, problems, layout.WebrootResource, Path.Exists(layout.Webroot) || WebrootLink.IsLink(layout.Webroot), $"the webroot {layout.Webroot}");
        Taken(context, problems, layout.ReleasesFolderResource, Path.Exists(layout.ReleasesFolder), $"the releases folder {layout.ReleasesFolder}");
        Taken(context, problems, layout.VirtualHostResource, File.Exists(layout.VirtualHostFile), $"the vhost file {layout.VirtualHostFile}");
        if (layout.SiteLinkResource is { } link)
        {
            Taken(context, problems, link, Path.Exists(layout.SiteLink!), $"the site link {layout.SiteLink}");
        }

        Taken(context, problems, layout.SecretsResource, File.Exists(layout.SecretsFile), $"the secrets file {layout.SecretsFile}");
        foreach (var file in layout.Certificates.All)
        {
            Taken(context, problems, new ResourceId(ResourceKinds.File, file), File.Exists(file), $"the certificate file {file}");
        }

        var token = context.CancellationToken;
        Taken(context, problems, layout.DatabaseUserResource, await database.UserExistsAsync(layout.DatabaseUser, token),
            $"the database user {layout.DatabaseUser}");
        Taken(context, problems, layout.DatabaseResource, await database.DatabaseExistsAsync(layout.Database, token), $"the database {layout.Database}");
        Taken(context, problems, layout.CronResource, await crontab.HasTagAsync(layout.CronTag, token), $"the cron line tagged {layout.CronTag}");

        if (RestoreArchive.Of(context, worker) is { } archive)
        {
            await CheckArchiveAsync(archive, problems, token);
        }
        else
        {
            var release = ReleaseFolders.Resolve(worker.Paths, instance.Release);
            if (!Directory.Exists(release))
            {
                problems.Add($"the release '{instance.Release}' is not on this host (expected the folder {release})");
            }
            else if (await ReleaseManifest.ProblemOfAsync(release, worker.InstanceConfig.FileName, token) is { } manifestProblem)
            {
                problems.Add($"the release '{instance.Release}': {manifestProblem}");
            }
        }

        CheckHostnameFree(context, worker, problems);
        CheckTls(context, problems);
        if (problems.Count > 0)
        {
            throw new PreflightException(instance.Name, problems);
        }
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    private async Task CheckArchiveAsync(string archive, List<string> problems, CancellationToken token)
    {
        if (!File.Exists(archive))
        {
            problems.Add($"the archive {archive} to restore from is not on this host");
            return;
        }

        try
        {
            await archives.VerifyAsync(archive, token);
        }
        catch (ArchiveInvalidException e)
        {
            problems.Add(e.Message);
        }
    }

    public Task RollbackAsync(ResourceId resource, StepContext context) => Task.CompletedTask;

    private static void Taken(StepContext context, List<string> problems, ResourceId resource, bool exists, string what)
    {
        if (exists && !context.WasCreatedByThisJob(resource))
        {
            problems.Add($"{what} already exists and was not created by this deployment; it is left untouched");
        }
    }

    private static void CheckPayload(StepContext context, List<string> problems)
    {
        // The dispatcher validated these; a worker checks again before names reach paths and SQL.
        var instance = context.Instance;
        if (InstanceNameRule.Check(instance.Name) is { } nameProblem)
        {
            problems.Add($"instance name: {nameProblem}");
        }

        foreach (var host in instance.Aliases.Prepend(instance.Hostname))
        {
            if (HostnameRule.Check(host) is { } hostProblem)
            {
                problems.Add($"host name: {hostProblem}");
            }
        }

        if (ReleaseNameRule.Check(instance.Release) is { } releaseProblem)
        {
            problems.Add($"release: {releaseProblem}");
        }

        // It goes into the instance config file and may go into the cron line.
        if (EmailRule.Check(instance.BackendEmail) is { } emailProblem)
        {
            problems.Add($"backend e-mail: {emailProblem}");
        }
    }

    /// <summary>The line the Cron step will write, rendered now: a value that would change what the crontab means stops the deploy before anything is made.</summary>
    private void CheckCronLine(StepContext context, WorkerOptions worker, InstanceLayout layout, List<string> problems)
    {
        try
        {
            CronLine.For(context.Instance, worker, layout, templates);
        }
        catch (TemplateException e)
        {
            problems.Add($"cron line: {e.Message}");
        }
    }

    /// <summary>No other enabled site may already answer for the instance's host names.</summary>
    private static void CheckHostnameFree(StepContext context, WorkerOptions worker, List<string> problems)
    {
        var instance = context.Instance;
        var names = instance.Aliases.Prepend(instance.Hostname).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var own = InstanceLayout.For(instance, worker).VirtualHostFile;
        foreach (var (file, hosts) in EnabledSites.ServerNames(worker.WebServer))
        {
            if (Path.GetFullPath(file) == Path.GetFullPath(own))
            {
                continue;
            }

            var clash = hosts.FirstOrDefault(names.Contains);
            if (clash is not null)
            {
                problems.Add($"the host name {clash} is already served by {file}");
            }
        }
    }

    private void CheckTls(StepContext context, List<string> problems)
    {
        if (context.Instance.Tls is not { } tls)
        {
            return;
        }

        var errors = new FieldErrors();
        TlsRule.Validate(tls.CertificatePem, tls.KeyPem, tls.ChainPem, [context.Instance.Hostname, .. context.Instance.Aliases], time.GetUtcNow(), errors);
        problems.AddRange(errors.ToDictionary().SelectMany(kv => kv.Value.Select(m => $"{kv.Key}: {m}")));
    }
}
