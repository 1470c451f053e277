namespace CentralDispatch.Worker.Provisioning;

/// <summary>An ordered list of steps for one job kind; rollback runs them in reverse.</summary>
public sealed class ProvisioningPlan
{
    public ProvisioningPlan(string name, IReadOnlyList<IProvisioningStep> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(steps);
        var duplicate = steps.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            // Step names key the journal: two steps with one name would adopt each other's resources.
            throw new ArgumentException($"Plan '{name}' has two steps named '{duplicate.Key}'.", nameof(steps));
        }

        Name = name;
        Steps = steps;
    }

    public string Name { get; }
    public IReadOnlyList<IProvisioningStep> Steps { get; }

    /// <summary>
    /// The plan ends by removing, in reverse order, everything its steps claimed (Decommission, back-out without a
    /// journal): the steps archive and adopt, the rollback runner removes. A clean removal is the job's success.
    /// </summary>
    public bool EndsWithRemoval { get; init; }

    public IProvisioningStep? Find(string stepName) => Steps.FirstOrDefault(s => s.Name == stepName);
}
