using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Provisioning.Deploy;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>
/// One kind of thing the worker makes on the host for an instance (its database, its vhost file, its cron line, …) and
/// everything the worker knows about it, in one class: where the instance's are, whether one is there, whether what is
/// there is ours (docs/OWNERSHIP.md), how to make it and how to remove it. A plan declares the resources of a step with
/// a <see cref="ResourceStep"/>; from those declarations come Preflight (is it free?), create-or-adopt on a resumed
/// attempt, rollback, back-out and decommission (adopt what carries the tag, remove in reverse) and the step summaries
/// that list what was found. Subclasses are registered by Composition/PlanServices on their own (one instance, stateless).
/// See docs/ARCHITECTURE.md, "Adding a host resource".
/// </summary>
public abstract class HostResource(IOptions<WorkerOptions> options)
{
    /// <summary>
    /// The journal kind of its identifiers (<see cref="ResourceKinds"/>: file, dir, link, database, dbuser, cron, or a new
    /// one). Journals keep it: a kind once written must keep its meaning, so an upgraded worker can resume old journals.
    /// </summary>
    public abstract string Kind { get; }

    /// <summary>What one is called in messages, before its identifier: "the vhost file", "the database user".</summary>
    protected abstract string Noun { get; }

    /// <summary>Per resource: the step's Apply + Verify may take this long (null: the runner's default).</summary>
    public virtual TimeSpan? Timeout => null;

    /// <summary>Per resource: removing one may take this long (null: the runner's default).</summary>
    public virtual TimeSpan? UndoTimeout => null;

    /// <summary>The worker's configuration, as validated at start.</summary>
    protected WorkerOptions Worker => options.Value;

    /// <summary>
    /// The instance's resources of this kind on this host, by its derived names and in the order they are made: what a
    /// removal by tags looks at (and adopts when <see cref="FindAsync"/> says ours). Empty when the instance has none here
    /// (no site link on RHEL) or when they are never looked for by name (a job's release tree lives in the releases folder).
    /// </summary>
    public abstract IReadOnlyList<ResourceId> OfInstance(StepContext context);

    /// <summary>What this job makes (default: <see cref="OfInstance"/>): the certificate files of the payload only, the job's own release tree.</summary>
    public virtual IReadOnlyList<ResourceId> Wanted(StepContext context) => OfInstance(context);

    /// <summary>What Preflight requires free, or this job's (default: <see cref="OfInstance"/>); not the logs Apache makes.</summary>
    public virtual IReadOnlyList<ResourceId> MustBeFree(StepContext context) => OfInstance(context);

    /// <summary>"the vhost file /etc/apache2/sites-available/shop.conf": how Preflight names it.</summary>
    public virtual string Describe(ResourceId resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return $"{Noun} {resource.Identifier}";
    }

    /// <summary>Whether anything is there under its name, whoever made it (a link counts, even a dangling one).</summary>
    public abstract Task<bool> ExistsAsync(ResourceId resource, StepContext context);

    /// <summary>Whether what is there carries the instance's ownership tag: only then may a removal by tags take it.</summary>
    public abstract Task<Finding> FindAsync(ResourceId resource, StepContext context);

    /// <summary>Makes one; the intent is journaled before this is called and the creation after.</summary>
    protected abstract Task CreateAsync(ResourceId resource, StepContext context);

    /// <summary>
    /// Removes one that the job's journal claims (created, adopted, or intended when the worker stopped). Must succeed
    /// when it is gone already, and leave alone whatever someone put in its place that is not what this kind makes.
    /// </summary>
    public abstract Task RemoveAsync(ResourceId resource, StepContext context);

    /// <summary>Why it could not be made, found before anything is (Preflight): a bad cron line, a missing release. Default none.</summary>
    public virtual Task<IReadOnlyList<string>> ProblemsAsync(StepContext context) => Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>After it was created or adopted (a resumed attempt): bring it to what this job wants (grant, set the password). Default nothing.</summary>
    protected virtual Task CompleteAsync(ResourceId resource, StepContext context, ResourceAcquisition acquisition) => Task.CompletedTask;

    /// <summary>
    /// After a plan that removes the instance (back-out, decommission) removed one: the site link reloads the web server,
    /// so the site stops being served before its files go. Not called by a Deploy rollback, whose ReloadWebServer step
    /// reloads once after every undo.
    /// </summary>
    public virtual Task AfterRemovalAsync(StepContext context) => Task.CompletedTask;

    /// <summary>
    /// The step's Apply for this resource: each wanted one is created, or adopted when this job made it before (a
    /// resumed attempt); one that is there and not this job's stops the step, untouched (<see cref="ResourceNotOwnedException"/>).
    /// </summary>
    public virtual async Task ApplyAsync(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var resource in Wanted(context))
        {
            var acquisition = await context.CreateOrAdoptAsync(resource, _ => ExistsAsync(resource, context), _ => CreateAsync(resource, context));
            await CompleteAsync(resource, context, acquisition);
        }
    }

    /// <summary>The step's Verify for this resource: every wanted one is there (default).</summary>
    public virtual async Task<bool> VerifyAsync(StepContext context)
    {
        foreach (var resource in Wanted(context))
        {
            if (!await ExistsAsync(resource, context))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="resource"/> is one of this kind's for the instance (routes a journaled identifier to its resource).</summary>
    public virtual bool Names(ResourceId resource, StepContext context) => OfInstance(context).Contains(resource) || Wanted(context).Contains(resource);

    /// <summary>Where everything of the job's instance lives on this host.</summary>
    protected InstanceLayout Layout(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return InstanceLayout.For(context.Instance, options.Value);
    }
}
