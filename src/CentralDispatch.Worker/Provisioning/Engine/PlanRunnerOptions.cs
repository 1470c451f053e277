namespace CentralDispatch.Worker.Provisioning.Engine;

/// <summary>Timeouts of the plan runner; a step may override them (<see cref="IProvisioningStep.Timeout"/>).</summary>
public sealed class PlanRunnerOptions
{
    public const string SectionName = "Provisioning";

    /// <summary>Apply + Verify of one step; on expiry the step fails and the job rolls back.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Removing one resource during rollback; on expiry the resource is listed as left over.</summary>
    public TimeSpan UndoTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The end-to-end tests' crash switch; <see cref="FaultInjection.None"/> unless the worker's environment sets it.</summary>
    public FaultInjection FaultInjection { get; set; } = FaultInjection.None;

    internal void Validate()
    {
        if (StepTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException($"{SectionName}:{nameof(StepTimeout)}", StepTimeout, "must be positive");
        }

        if (UndoTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException($"{SectionName}:{nameof(UndoTimeout)}", UndoTimeout, "must be positive");
        }
    }
}
