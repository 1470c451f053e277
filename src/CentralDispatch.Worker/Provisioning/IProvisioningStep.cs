namespace CentralDispatch.Worker.Provisioning;

/// <summary>One step of a plan (DatabaseUser, Webroot, …). Apply and rollback are idempotent so a resumed job can run them again.</summary>
public interface IProvisioningStep
{
    /// <summary>Stable name: it is the key of the step's records in the journal and of its events.</summary>
    string Name { get; }

    /// <summary>Overrides the runner's per-step timeout (Apply + Verify) for a step known to be slow or quick.</summary>
    TimeSpan? Timeout => null;

    /// <summary>Overrides the runner's timeout for undoing one resource of this step.</summary>
    TimeSpan? UndoTimeout => null;

    /// <summary>Brings the step's part into place, journaling an intent before and a created record after each resource it makes.</summary>
    Task ApplyAsync(StepContext context);

    /// <summary>True when the step's part is in place; false after Apply fails the step.</summary>
    Task<bool> VerifyAsync(StepContext context);

    /// <summary>
    /// Removes one resource the journal says this step of this job created (or was creating when it stopped).
    /// Must succeed when the resource is already gone. The runner never passes a resource the journal does not name.
    /// </summary>
    Task RollbackAsync(ResourceId resource, StepContext context);
}
