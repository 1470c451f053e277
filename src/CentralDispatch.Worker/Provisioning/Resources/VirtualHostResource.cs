using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Templates;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Ownership;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>
/// The instance's vhost file in sites-available (conf.d on RHEL), rendered from the vhost template (HTTPS with its own or
/// the default certificate, else plain HTTP) and headed by the ownership tag line; and the two log files it makes Apache
/// write. The logs are claimed before the vhost is written, and only when absent (existing logs are not ours), so a
/// rollback or decommission leaves no log behind; they are ours when the instance's tagged vhost names them.
/// Preflight: no other enabled site may answer for the instance's host names.
/// </summary>
public sealed class VirtualHostResource(IOptions<WorkerOptions> options, TemplateRenderer templates) : PathResource(options)
{
    public override string Kind => ResourceKinds.File;

    protected override string Noun => "the vhost file";

    /// <summary>The error log, the access log, then the vhost file.</summary>
    public override IReadOnlyList<ResourceId> OfInstance(StepContext context)
    {
        var layout = Layout(context);
        return [new(Kind, layout.ErrorLog), new(Kind, layout.AccessLog), VirtualHostFile(layout)];
    }

    /// <summary>The vhost file only: the logs are Apache's to make, and one already there is simply not claimed.</summary>
    public override IReadOnlyList<ResourceId> MustBeFree(StepContext context) => [VirtualHostFile(Layout(context))];

    public override Task<IReadOnlyList<string>> ProblemsAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var instance = context.Instance;
        var names = instance.Aliases.Prepend(instance.Hostname).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var own = Path.GetFullPath(Layout(context).VirtualHostFile);
        var problems = new List<string>();
        foreach (var (file, hosts) in EnabledSites.ServerNames(Worker.WebServer))
        {
            if (Path.GetFullPath(file) != own && hosts.FirstOrDefault(names.Contains) is { } clash)
            {
                problems.Add($"the host name {clash} is already served by {file}");
            }
        }

        return Task.FromResult<IReadOnlyList<string>>(problems);
    }

    public override async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = Layout(context);
        // Rendered before anything is claimed: a bad template fails the step with nothing to undo.
        var content = await RenderAsync(context);
        foreach (var log in new[] { layout.ErrorLog, layout.AccessLog }.Select(l => new ResourceId(Kind, l)))
        {
            if (!File.Exists(log.Identifier) && context.ClaimOf(log) == ResourceClaim.None)
            {
                await context.RecordIntentAsync(log);
            }
        }

        var vhost = VirtualHostFile(layout);
        var acquisition = await context.CreateOrAdoptAsync(vhost, _ => ExistsAsync(vhost, context), ct => WriteAsync(context, content, ct));
        if (acquisition == ResourceAcquisition.Adopted)
        {
            await WriteAsync(context, content, context.CancellationToken);
        }
    }

    public override Task<Finding> FindAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var layout = Layout(context);
        var name = context.Instance.Name;
        var vhostOurs = OwnershipTag.FileCarriesTag(layout.VirtualHostFile, name);
        if (resource.Identifier == layout.VirtualHostFile)
        {
            return Task.FromResult(Found(resource, vhostOurs, $"its first line is not '{OwnershipTag.CommentLine(name)}'"));
        }

        var named = vhostOurs && File.ReadAllText(layout.VirtualHostFile).Contains(resource.Identifier, StringComparison.Ordinal);
        return Task.FromResult(Finding.Of(resource, File.Exists(resource.Identifier), named, "no vhost file of the instance names it"));
    }

    protected override async Task CreateAsync(ResourceId resource, StepContext context) =>
        await WriteAsync(context, await RenderAsync(context), context.CancellationToken);

    public override Task<bool> VerifyAsync(StepContext context) => Task.FromResult(File.Exists(Layout(context).VirtualHostFile));

    public override Task RemoveAsync(ResourceId resource, StepContext context) => PathEntry.DeleteFileAsync(resource.Identifier);

    private async Task<string> RenderAsync(StepContext context)
    {
        var worker = Worker;
        var layout = Layout(context);
        var template = InstanceUrls.ServedOverHttps(context.Instance, worker) ? worker.WebServer.VirtualHostTemplate : worker.WebServer.PlainHttpVirtualHostTemplate;
        var values = DeployTemplateValues.Site(context.Instance, worker, layout, layout.Webroot);
        return OwnershipTag.Prepend(layout.Name, await templates.RenderFileAsync(template, values, context.CancellationToken));
    }

    private Task WriteAsync(StepContext context, string content, CancellationToken cancellationToken) =>
        new VirtualHostFiles(Worker.WebServer).WriteAsync(context.Instance.Name, content, cancellationToken);

    private ResourceId VirtualHostFile(InstanceLayout layout) => new(Kind, layout.VirtualHostFile);
}
