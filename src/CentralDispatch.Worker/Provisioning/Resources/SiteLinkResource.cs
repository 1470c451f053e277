using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Reloads;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>
/// The sites-enabled link to the instance's vhost file (what a2ensite makes); none on RHEL, where the conf.d file is
/// active as soon as it is written. Made and removed only while Apache is not re-reading its configuration. Ours when it
/// points at the instance's vhost file.
/// </summary>
public sealed class SiteLinkResource(IOptions<WorkerOptions> options, ReloadCoordinator reloads) : PathResource(options)
{
    public override string Kind => ResourceKinds.Link;

    protected override string Noun => "the site link";

    public override IReadOnlyList<ResourceId> OfInstance(StepContext context) => Layout(context).SiteLink is { } link ? [new(Kind, link)] : [];

    public override Task<Finding> FindAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var vhost = Layout(context).VirtualHostFile;
        var target = new FileInfo(resource.Identifier).LinkTarget;
        var ours = target is not null && Path.GetFullPath(target, Path.GetDirectoryName(resource.Identifier)!) == vhost;
        return Task.FromResult(Found(resource, ours, $"it is not a link to {vhost}"));
    }

    protected override Task CreateAsync(ResourceId resource, StepContext context) => reloads.ExclusiveAsync(() =>
    {
        new VirtualHostFiles(Worker.WebServer).Enable(context.Instance.Name);
        return Task.CompletedTask;
    }, context.CancellationToken);

    public override Task<bool> VerifyAsync(StepContext context) => Task.FromResult(Wanted(context).All(l => new FileInfo(l.Identifier).LinkTarget is not null));

    /// <summary>Not while Apache re-reads its configuration: the files behind this link are removed next. Only a link is removed.</summary>
    public override Task RemoveAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        return reloads.ExclusiveAsync(() =>
        {
            if (new FileInfo(resource.Identifier).LinkTarget is not null)
            {
                File.Delete(resource.Identifier);
            }

            return Task.CompletedTask;
        }, context.CancellationToken);
    }

    /// <summary>The site stops being served before its vhost, certificates and files go.</summary>
    public override Task AfterRemovalAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return reloads.RequestReloadAsync(context.CancellationToken);
    }
}
