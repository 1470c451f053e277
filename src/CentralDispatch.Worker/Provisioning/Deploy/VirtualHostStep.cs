using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Templates;
using CentralDispatch.Worker.Provisioning.Ownership;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Step 5: renders the vhost template (HTTPS with its own or the default certificate, else plain HTTP) into
/// sites-available (conf.d on RHEL), headed by the ownership tag line. The per-instance log files Apache will open are claimed here too, so a rollback
/// or decommission leaves no log behind; existing logs (not ours) are never claimed.
/// </summary>
public sealed class VirtualHostStep(IOptions<WorkerOptions> options, TemplateRenderer templates) : IProvisioningStep
{
    public string Name => DeployStepNames.VirtualHost;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var worker = options.Value;
        var layout = InstanceLayout.For(context.Instance, worker);
        var template = InstanceUrls.ServedOverHttps(context.Instance, worker)
            ? worker.WebServer.VirtualHostTemplate
            : worker.WebServer.PlainHttpVirtualHostTemplate;
        var values = DeployTemplateValues.Site(context.Instance, worker, layout, layout.Webroot);
        // Rendered before anything is claimed: a bad template fails the step with nothing to undo.
        var content = OwnershipTag.Prepend(layout.Name, await templates.RenderFileAsync(template, values, context.CancellationToken));

        foreach (var log in new[] { layout.ErrorLog, layout.AccessLog })
        {
            var resource = new ResourceId(ResourceKinds.File, log);
            if (!File.Exists(log) && context.ClaimOf(resource) == ResourceClaim.None)
            {
                await context.RecordIntentAsync(resource);
            }
        }

        var vhosts = new VirtualHostFiles(worker.WebServer);
        var acquisition = await context.CreateOrAdoptAsync(layout.VirtualHostResource,
            _ => Task.FromResult(File.Exists(layout.VirtualHostFile)),
            ct => vhosts.WriteAsync(layout.Name, content, ct));
        if (acquisition == ResourceAcquisition.Adopted)
        {
            await vhosts.WriteAsync(layout.Name, content, context.CancellationToken);
        }
    }

    public Task<bool> VerifyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(File.Exists(InstanceLayout.For(context.Instance, options.Value).VirtualHostFile));
    }

    public Task RollbackAsync(ResourceId resource, StepContext context) => FileResources.DeleteAsync(resource, Name);
}
