using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Reloads;
using CentralDispatch.Worker.Machine.Templates;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Ownership;
using CentralDispatch.Worker.Provisioning.Suspend;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Rotate;

/// <summary>
/// An instance served until now with the default certificate (or plain HTTP) gets its vhost rendered again to use its
/// own files, keeping a maintenance block if it is suspended; the old vhost is kept as *.previous until the end. A vhost
/// that already names the instance's certificate files is left as it is.
/// </summary>
public sealed class VirtualHostRewriteStep(IOptions<WorkerOptions> options, ReloadCoordinator reloads, TemplateRenderer templates) : IProvisioningStep
{
    public const string ResourceKind = "vhost-rewrite";

    public string Name => DeployStepNames.VirtualHost;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        var text = await File.ReadAllTextAsync(layout.VirtualHostFile, context.CancellationToken);
        if (text.Contains(layout.Certificates.CertificateFile, StringComparison.Ordinal))
        {
            context.Summary = "the vhost already uses the instance's own certificate files";
            return;
        }

        var instance = context.Instance with { Tls = NewCertificate.Of(context) };
        var values = DeployTemplateValues.Site(instance, options.Value, layout, layout.Webroot);
        var content = OwnershipTag.Prepend(layout.Name, await templates.RenderFileAsync(options.Value.WebServer.VirtualHostTemplate, values, context.CancellationToken));
        if (MaintenanceMode.IsOn(text))
        {
            content = MaintenanceMode.TurnOn(content, instance.Hostname);
        }

        var resource = new ResourceId(ResourceKind, layout.VirtualHostFile);
        var fresh = context.ClaimOf(resource) == ResourceClaim.None;
        if (fresh)
        {
            await context.RecordIntentAsync(resource);
        }

        var previous = layout.VirtualHostFile + NewCertificate.PreviousSuffix;
        await reloads.ExclusiveAsync(async () =>
        {
            if (fresh || !File.Exists(previous))
            {
                await AtomicFile.WriteTextAsync(previous, text, FileModes.Readable, context.CancellationToken);
            }

            await AtomicFile.WriteTextAsync(layout.VirtualHostFile, content, FileModes.Readable, context.CancellationToken);
        }, context.CancellationToken);
        await context.RecordCreatedAsync(resource);
        context.Summary = "the vhost now uses the instance's own certificate files";
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public Task RollbackAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var previous = resource.Identifier + NewCertificate.PreviousSuffix;
        return reloads.ExclusiveAsync(() =>
        {
            if (File.Exists(previous))
            {
                NativeFileSystem.Rename(previous, resource.Identifier);
            }

            return Task.CompletedTask;
        }, context.CancellationToken);
    }
}
