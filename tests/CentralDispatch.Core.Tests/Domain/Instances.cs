using CentralDispatch.Core.Domain;

namespace CentralDispatch.Core.Tests.Domain;

/// <summary>Builds instances in a given state the only way the domain allows: through jobs that start and finish.</summary>
internal static class Instances
{
    public static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static ManagedInstance Pending() =>
        ManagedInstance.Create("shop", "shop.example.com", ["www.shop.example.com"], Guid.NewGuid(), "default", "ops@example.com", null, Start);

    public static ManagedInstance InState(InstanceState state)
    {
        var instance = Pending();
        foreach (var (kind, outcome) in PathTo(state))
        {
            instance.StartJob(kind, Start);
            if (outcome is { } finished)
            {
                instance.FinishJob(kind, finished, null, JobResultFacts.None, Start);
            }
        }

        Assert.Equal(state, instance.State);
        return instance;
    }

    /// <summary>The jobs (and their outcomes; null = still running) that lead from Pending to <paramref name="state"/>.</summary>
    private static (JobKind Kind, JobState? Outcome)[] PathTo(InstanceState state) => state switch
    {
        InstanceState.Pending => [],
        InstanceState.Deploying => [(JobKind.Deploy, null)],
        InstanceState.Active => [(JobKind.Deploy, JobState.Succeeded)],
        InstanceState.Updating => [(JobKind.Deploy, JobState.Succeeded), (JobKind.Redeploy, null)],
        InstanceState.Suspended => [(JobKind.Deploy, JobState.Succeeded), (JobKind.Suspend, JobState.Succeeded)],
        InstanceState.Failed => [(JobKind.Deploy, JobState.RolledBack)],
        InstanceState.NeedsAttention => [(JobKind.Deploy, JobState.NeedsAttention)],
        InstanceState.Decommissioning => [(JobKind.Deploy, JobState.Succeeded), (JobKind.Decommission, null)],
        InstanceState.Archived => [(JobKind.Deploy, JobState.Succeeded), (JobKind.Decommission, JobState.Succeeded)],
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
