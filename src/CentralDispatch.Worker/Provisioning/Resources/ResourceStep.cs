namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>
/// A step that makes host resources, composed by a plan from the resources it declares (e.g. Database: the database,
/// then a restore's dump): Apply creates or adopts each in order, Verify asks each, and rollback hands every resource
/// the journal names back to the declared resource it belongs to. Preflight and the removal plans read
/// <see cref="Resources"/>, so declaring a resource here is all a plan does to have it checked, adopted and removed.
/// </summary>
public sealed class ResourceStep : IProvisioningStep
{
    public ResourceStep(string name, params HostResource[] resources)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(resources);
        if (resources.Length == 0)
        {
            throw new ArgumentException($"Step {name} declares no resource.", nameof(resources));
        }

        Name = name;
        Resources = resources;
    }

    /// <summary>Keys the step's journal records: never rename a step a released worker has journaled.</summary>
    public string Name { get; }

    /// <summary>In the order they are made; removed in the reverse order.</summary>
    public IReadOnlyList<HostResource> Resources { get; }

    public TimeSpan? Timeout => Longest(Resources.Select(r => r.Timeout));

    public TimeSpan? UndoTimeout => Longest(Resources.Select(r => r.UndoTimeout));

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var summaries = new List<string>();
        foreach (var resource in Resources)
        {
            context.Summary = null;
            await resource.ApplyAsync(context);
            if (context.Summary is { } summary)
            {
                summaries.Add(summary);
            }
        }

        context.Summary = summaries.Count == 0 ? null : string.Join("; ", summaries);
    }

    public async Task<bool> VerifyAsync(StepContext context)
    {
        foreach (var resource in Resources)
        {
            if (!await resource.VerifyAsync(context))
            {
                return false;
            }
        }

        return true;
    }

    public Task RollbackAsync(ResourceId resource, StepContext context) => ResourceOf(resource, context).RemoveAsync(resource, context);

    /// <summary>
    /// The declared resource a journaled identifier belongs to: the one of its kind, or, when several share the kind,
    /// the one that names it for this instance (the first of the kind if none does: a journal written with other paths).
    /// </summary>
    /// <exception cref="InvalidOperationException">No declared resource has its kind: this step never makes such a thing.</exception>
    public HostResource ResourceOf(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var ofKind = Resources.Where(r => r.Kind == resource.Kind).ToList();
        return ofKind.Count switch
        {
            0 => throw new InvalidOperationException($"{Name} does not create {resource}."),
            1 => ofKind[0],
            _ => ofKind.FirstOrDefault(r => r.Names(resource, context)) ?? ofKind[0],
        };
    }

    private static TimeSpan? Longest(IEnumerable<TimeSpan?> timeouts) => timeouts.OfType<TimeSpan>().Select(t => (TimeSpan?)t).Max();
}
