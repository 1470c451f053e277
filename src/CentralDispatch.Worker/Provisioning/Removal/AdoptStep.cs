using CentralDispatch.Worker.Provisioning.Resources;

namespace CentralDispatch.Worker.Provisioning.Removal;

/// <summary>
/// Takes over, for removal, what one Deploy step made for the instance and that carries the instance's tag; named like
/// that Deploy step, whose declared resources say what to look for, whether it is ours and how to remove it. Its
/// summary lists what it took, what was not there, and what was there without the tag (left untouched).
/// </summary>
public sealed class AdoptStep(ResourceStep deployStep) : IProvisioningStep
{
    public string Name => deployStep.Name;

    public TimeSpan? UndoTimeout => deployStep.UndoTimeout;

    /// <summary>One adopt step per resource step of <paramref name="deploySteps"/>, in their order: the removal is the reverse.</summary>
    public static IReadOnlyList<IProvisioningStep> For(IEnumerable<ResourceStep> deploySteps) => deploySteps.Select(s => new AdoptStep(s)).ToList();

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<Finding>();
        foreach (var resource in deployStep.Resources)
        {
            foreach (var id in resource.OfInstance(context))
            {
                findings.Add(await resource.FindAsync(id, context));
            }
        }

        foreach (var finding in findings.Where(f => f.Kind == FindingKind.Ours && context.ClaimOf(f.Resource) == ResourceClaim.None))
        {
            await context.AdoptAsync(finding.Resource);
        }

        context.Summary = Describe(findings);
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public async Task RollbackAsync(ResourceId resource, StepContext context)
    {
        var owner = deployStep.ResourceOf(resource, context);
        await owner.RemoveAsync(resource, context);
        await owner.AfterRemovalAsync(context);
    }

    /// <summary>"to remove: …; not there: …; not ours, left untouched: … (why)".</summary>
    public static string? Describe(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var parts = new List<string>();
        Add(FindingKind.Ours, "to remove");
        Add(FindingKind.NotThere, "not there");
        var foreign = findings.Where(f => f.Kind == FindingKind.NotOurs).Select(f => $"{f.Resource} ({f.Reason})").ToList();
        if (foreign.Count > 0)
        {
            parts.Add("not ours, left untouched: " + string.Join(", ", foreign));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);

        void Add(FindingKind kind, string label)
        {
            var of = findings.Where(f => f.Kind == kind).Select(f => f.Resource.ToString()).ToList();
            if (of.Count > 0)
            {
                parts.Add($"{label}: {string.Join(", ", of)}");
            }
        }
    }
}
