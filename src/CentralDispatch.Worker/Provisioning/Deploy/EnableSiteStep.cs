using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>Step 6: the sites-enabled link (what a2ensite does). On RHEL the conf.d file is already active: nothing to do.</summary>
public sealed class EnableSiteStep(IOptions<WorkerOptions> options, ReloadCoordinator reloads) : IProvisioningStep
{
    public string Name => DeployStepNames.EnableSite;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        if (layout.SiteLinkResource is not { } link)
        {
            return;
        }

        var vhosts = new VirtualHostFiles(options.Value.WebServer);
        await context.CreateOrAdoptAsync(link,
            _ => Task.FromResult(Path.Exists(layout.SiteLink!) || new FileInfo(layout.SiteLink!).LinkTarget is not null),
            ct => reloads.ExclusiveAsync(() =>
            {
                vhosts.Enable(layout.Name);
                return Task.CompletedTask;
            }, ct));
    }

    public Task<bool> VerifyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        return Task.FromResult(layout.SiteLink is null || new FileInfo(layout.SiteLink).LinkTarget is not null);
    }

    public Task RollbackAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        if (resource.Kind != ResourceKinds.Link)
        {
            throw new InvalidOperationException($"{Name} does not create {resource}.");
        }

        // Not while Apache re-reads its configuration: the files behind this link are removed next.
        return reloads.ExclusiveAsync(() =>
        {
            // Only a link is removed: a file someone put in its place is not ours.
            if (new FileInfo(resource.Identifier).LinkTarget is not null)
            {
                File.Delete(resource.Identifier);
            }

            return Task.CompletedTask;
        }, context.CancellationToken);
    }
}
