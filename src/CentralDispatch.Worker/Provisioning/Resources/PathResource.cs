using CentralDispatch.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>
/// A <see cref="HostResource"/> that is an entry of the file system named by its path (a file, a folder, a link): it
/// exists when anything is at the path, a link included even when it dangles, so nothing someone put there is taken for free.
/// </summary>
public abstract class PathResource(IOptions<WorkerOptions> options) : HostResource(options)
{
    public override Task<bool> ExistsAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Task.FromResult(PathEntry.Exists(resource.Identifier));
    }

    /// <summary>Ours when <paramref name="ours"/>, not there when nothing is at the path, else not ours for <paramref name="reasonIfNot"/>.</summary>
    protected static Finding Found(ResourceId resource, bool ours, string reasonIfNot)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Finding.Of(resource, PathEntry.Exists(resource.Identifier), ours, reasonIfNot);
    }
}
