using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Removal;

/// <summary>
/// Takes over, for removal, what one Deploy step made for the instance and that carries the instance's tag; named like
/// that Deploy step, whose rollback removes each resource. Its summary lists what it took, what was not there, and
/// what was there without the tag (left untouched).
/// </summary>
public sealed class AdoptStep(IProvisioningStep deployStep, OwnedResources finder, IOptions<WorkerOptions> options, ReloadCoordinator? reloadAfterUndo = null)
    : IProvisioningStep
{
    public string Name => deployStep.Name;

    public TimeSpan? UndoTimeout => deployStep.UndoTimeout;

    public async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = InstanceLayout.For(context.Instance, options.Value);
        var findings = await finder.FindAsync(Name, layout, context.CancellationToken);
        foreach (var finding in findings.Where(f => f.Kind == FindingKind.Ours && context.ClaimOf(f.Resource) == ResourceClaim.None))
        {
            await context.AdoptAsync(finding.Resource);
        }

        context.Summary = Describe(findings);
    }

    public Task<bool> VerifyAsync(StepContext context) => Task.FromResult(true);

    public async Task RollbackAsync(ResourceId resource, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await deployStep.RollbackAsync(resource, context);
        if (reloadAfterUndo is not null)
        {
            // The site stops being served before its vhost, certificates and files go.
            await reloadAfterUndo.RequestReloadAsync(context.CancellationToken);
        }
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
