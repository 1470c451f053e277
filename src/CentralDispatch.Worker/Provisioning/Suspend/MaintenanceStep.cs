using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Reloads;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Ownership;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Suspend;

/// <summary>
/// Puts the instance's own vhost into maintenance (suspend) or out of it (resume), in place; the reload that follows
/// makes it live. Nothing to do when it already is as wanted (both idempotent). Rollback makes the opposite change.
/// </summary>
public abstract class MaintenanceStep(IOptions<WorkerOptions> options, ReloadCoordinator reloads, bool turnOn) : IProvisioningStep
{
    public const string StepName = "Maintenance";
    public const string ResourceKind = "maintenance";

    public string Name => StepName;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        if (!OwnershipTag.FileCarriesTag(layout.VirtualHostFile, layout.Name))
        {
            throw new InvalidOperationException($"The vhost file {layout.VirtualHostFile} is missing or does not carry the tag '{OwnershipTag.CommentLine(layout.Name)}'; it is left untouched.");
        }

        var text = await File.ReadAllTextAsync(layout.VirtualHostFile, context.CancellationToken);
        var wanted = Change(text, turnOn, context.Instance.Hostname);
        if (wanted == text)
        {
            context.Summary = turnOn ? "the site already answers with its maintenance page" : "the site is not in maintenance";
            return;
        }

        var resource = new ResourceId(ResourceKind, layout.VirtualHostFile);
        if (context.ClaimOf(resource) == ResourceClaim.None)
        {
            await context.RecordIntentAsync(resource);
        }

        await WriteAsync(layout.VirtualHostFile, wanted, context.CancellationToken);
        await context.RecordCreatedAsync(resource);
        context.Summary = turnOn ? "maintenance block added to the vhost" : "maintenance block removed from the vhost";
    }

    public async Task<bool> VerifyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = InstanceLayout.For(context.Instance, options.Value).VirtualHostFile;
        return MaintenanceMode.IsOn(await File.ReadAllTextAsync(file, context.CancellationToken)) == turnOn;
    }

    public async Task RollbackAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        if (resource.Kind != ResourceKind)
        {
            throw new InvalidOperationException($"{Name} does not create {resource}.");
        }

        if (File.Exists(resource.Identifier))
        {
            var text = await File.ReadAllTextAsync(resource.Identifier, context.CancellationToken);
            await WriteAsync(resource.Identifier, Change(text, !turnOn, context.Instance.Hostname), context.CancellationToken);
        }
    }

    private static string Change(string text, bool on, string hostname) => on ? MaintenanceMode.TurnOn(text, hostname) : MaintenanceMode.TurnOff(text);

    // Not while a config test or reload runs: the test must see the files the reload then loads.
    private Task WriteAsync(string file, string content, CancellationToken cancellationToken) =>
        reloads.ExclusiveAsync(() => AtomicFile.WriteTextAsync(file, content, FileModes.Readable, cancellationToken), cancellationToken);
}
