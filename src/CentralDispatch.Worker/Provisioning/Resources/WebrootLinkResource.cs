using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>
/// The webroot <c>&lt;install path&gt;/&lt;name&gt;</c>: a symbolic link to the job's release tree (declared after
/// <see cref="ReleaseTreeResource"/>), what the vhost's DocumentRoot and the cron line name. Ours when it points into
/// the instance's tagged releases folder. Only a link is ever removed: a folder someone put there stays.
/// </summary>
public sealed class WebrootLinkResource(IOptions<WorkerOptions> options) : PathResource(options)
{
    public override string Kind => ResourceKinds.Link;

    protected override string Noun => "the webroot";

    public override IReadOnlyList<ResourceId> OfInstance(StepContext context) => [new(Kind, Layout(context).Webroot)];

    public override Task<Finding> FindAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var layout = Layout(context);
        return Task.FromResult(Found(resource, ReleasesFolderResource.CarriesTag(layout) && layout.LiveTree() is not null,
            $"it is not a link into the instance's releases folder {layout.ReleasesFolder}"));
    }

    protected override Task CreateAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        WebrootLink.PointAt(resource.Identifier, Layout(context).TreeFor(TargetRelease.Of(context), context.Job.JobId));
        return Task.CompletedTask;
    }

    public override Task<bool> VerifyAsync(StepContext context) => Task.FromResult(Layout(context).LiveTree() is not null);

    public override Task RemoveAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        WebrootLink.Remove(resource.Identifier);
        return Task.CompletedTask;
    }
}
