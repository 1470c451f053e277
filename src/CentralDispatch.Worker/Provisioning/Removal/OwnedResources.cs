using CentralDispatch.Worker.Machine.Cron;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Ownership;

namespace CentralDispatch.Worker.Provisioning.Removal;

/// <summary>
/// Looks for every resource a Deploy makes under an instance's derived names and says, per resource, whether it carries
/// the instance's ownership tag (docs/OWNERSHIP.md). The findings of one Deploy step come in the order that step creates
/// them, so removing them in reverse is the Deploy's rollback order.
/// </summary>
public sealed class OwnedResources(MariaDbAdmin database, ICrontab crontab)
{
    public async Task<IReadOnlyList<Finding>> FindAsync(string deployStep, InstanceLayout layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var tag = OwnershipTag.Of(layout.Name);
        return deployStep switch
        {
            DeployStepNames.DatabaseUser => await DatabaseUserAsync(layout, cancellationToken),
            DeployStepNames.Database => [await DatabaseAsync(layout, tag, cancellationToken)],
            DeployStepNames.Webroot => Webroot(layout, tag),
            DeployStepNames.Certificates => new[] { layout.Certificates.KeyFile, layout.Certificates.ChainFile, layout.Certificates.CertificateFile }
                .Select(f => TaggedFile(f, layout.Name)).ToList(),
            DeployStepNames.VirtualHost => VirtualHost(layout),
            DeployStepNames.EnableSite => SiteLink(layout),
            DeployStepNames.Cron => [await crontab.HasTagAsync(layout.CronTag, cancellationToken) ? Finding.Ours(layout.CronResource) : Finding.NotThere(layout.CronResource)],
            _ => [],
        };
    }

    private async Task<List<Finding>> DatabaseUserAsync(InstanceLayout layout, CancellationToken cancellationToken)
    {
        var secrets = File.Exists(layout.SecretsFile) ? await ReadSecretsAsync(layout.SecretsFile, cancellationToken) : null;
        var secretsOurs = secrets?.Instance == layout.Name;
        var findings = new List<Finding>
        {
            Finding.Of(layout.SecretsResource, File.Exists(layout.SecretsFile), secretsOurs, $"it does not name instance {layout.Name}"),
        };
        var userExists = await database.UserExistsAsync(layout.DatabaseUser, cancellationToken);
        // The user is ours when the password this worker generated into the instance's secrets file logs it in.
        var userOurs = userExists && secretsOurs && await database.CanLogInAsync(layout.DatabaseUser, secrets!.DatabasePassword, cancellationToken);
        findings.Add(Finding.Of(layout.DatabaseUserResource, userExists, userOurs, "the password in the instance's secrets file does not log it in"));
        return findings;
    }

    private async Task<Finding> DatabaseAsync(InstanceLayout layout, string tag, CancellationToken cancellationToken)
    {
        var comment = await database.DatabaseCommentAsync(layout.Database, cancellationToken);
        return Finding.Of(layout.DatabaseResource, comment is not null, comment == tag, $"its schema comment is '{comment}', not '{tag}'");
    }

    private static List<Finding> Webroot(InstanceLayout layout, string tag)
    {
        var folderOurs = File.Exists(layout.OwnerMarkerFile) && !WebrootLink.IsLink(layout.OwnerMarkerFile)
                         && File.ReadAllText(layout.OwnerMarkerFile).Trim() == tag;
        var linkExists = Path.Exists(layout.Webroot) || WebrootLink.IsLink(layout.Webroot);
        return
        [
            Finding.Of(layout.ReleasesFolderResource, Path.Exists(layout.ReleasesFolder), folderOurs && !WebrootLink.IsLink(layout.ReleasesFolder),
                $"it has no marker file {InstanceLayout.OwnerMarkerName} naming {tag}"),
            Finding.Of(layout.WebrootResource, linkExists, folderOurs && layout.LiveTree() is not null,
                $"it is not a link into the instance's releases folder {layout.ReleasesFolder}"),
        ];
    }

    private List<Finding> VirtualHost(InstanceLayout layout)
    {
        var vhostOurs = OwnershipTag.FileCarriesTag(layout.VirtualHostFile, layout.Name);
        var text = vhostOurs ? File.ReadAllText(layout.VirtualHostFile) : "";
        var findings = new[] { layout.ErrorLog, layout.AccessLog }
            .Select(log => Finding.Of(new ResourceId(ResourceKinds.File, log), File.Exists(log), vhostOurs && text.Contains(log, StringComparison.Ordinal),
                "no vhost file of the instance names it"))
            .ToList();
        findings.Add(TaggedFile(layout.VirtualHostFile, layout.Name));
        return findings;
    }

    private static List<Finding> SiteLink(InstanceLayout layout)
    {
        if (layout.SiteLinkResource is not { } link)
        {
            return [];
        }

        var target = new FileInfo(layout.SiteLink!).LinkTarget;
        var ours = target is not null && Path.GetFullPath(target, Path.GetDirectoryName(layout.SiteLink)!) == layout.VirtualHostFile;
        return [Finding.Of(link, Path.Exists(layout.SiteLink) || target is not null, ours, $"it is not a link to {layout.VirtualHostFile}")];
    }

    private static Finding TaggedFile(string path, string instance) =>
        Finding.Of(new ResourceId(ResourceKinds.File, path), Path.Exists(path) || WebrootLink.IsLink(path), OwnershipTag.FileCarriesTag(path, instance),
            $"its first line is not '{OwnershipTag.CommentLine(instance)}'");

    private static async Task<InstanceSecrets?> ReadSecretsAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await InstanceSecrets.ReadAsync(path, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // not a secrets file this worker wrote
        }
    }
}
