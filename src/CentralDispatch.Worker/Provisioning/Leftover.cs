namespace CentralDispatch.Worker.Provisioning;

/// <summary>A resource this job created that rollback could not remove, and why.</summary>
public sealed record Leftover(ResourceId Resource, string Reason)
{
    public override string ToString() => $"{Resource} — {Reason}";
}
