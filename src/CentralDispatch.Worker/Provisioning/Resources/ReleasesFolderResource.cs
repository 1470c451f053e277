using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Ownership;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>
/// The instance's releases folder <c>&lt;install path&gt;/.releases/&lt;name&gt;/</c> (root's, never served): its release
/// trees, its config file and its owner marker <c>.centraldispatch</c>, whose content is the ownership tag. Removed
/// with everything in it, without following any link the tenant may have put there.
/// </summary>
public sealed class ReleasesFolderResource(IOptions<WorkerOptions> options) : PathResource(options)
{
    public override string Kind => ResourceKinds.Directory;

    protected override string Noun => "the releases folder";

    public override IReadOnlyList<ResourceId> OfInstance(StepContext context) => [new(Kind, Layout(context).ReleasesFolder)];

    public override Task<Finding> FindAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var layout = Layout(context);
        return Task.FromResult(Found(resource, CarriesTag(layout) && !WebrootLink.IsLink(resource.Identifier),
            $"it has no marker file {InstanceLayout.OwnerMarkerName} naming {OwnershipTag.Of(layout.Name)}"));
    }

    protected override Task CreateAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Directory.CreateDirectory(Path.GetDirectoryName(resource.Identifier)!, FileModes.Folder);
        Directory.CreateDirectory(resource.Identifier, FileModes.Folder);
        return Task.CompletedTask;
    }

    /// <summary>The marker, written on a resumed attempt too (the worker may have stopped between the folder and it).</summary>
    protected override Task CompleteAsync(ResourceId resource, StepContext context, ResourceAcquisition acquisition)
    {
        var layout = Layout(context);
        return AtomicFile.WriteTextAsync(layout.OwnerMarkerFile, OwnershipTag.Of(layout.Name) + "\n", FileModes.Readable, context.CancellationToken);
    }

    /// <summary>A link or file put in the folder's place is not what this job made: it stays.</summary>
    public override Task RemoveAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        TreeRemoval.RemoveFolder(resource.Identifier);
        return Task.CompletedTask;
    }

    /// <summary>The instance's releases folder holds its marker file naming it (the folder is root's: read by path).</summary>
    public static bool CarriesTag(InstanceLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var marker = layout.OwnerMarkerFile;
        return File.Exists(marker) && !WebrootLink.IsLink(marker) && File.ReadAllText(marker).Trim() == OwnershipTag.Of(layout.Name);
    }
}
