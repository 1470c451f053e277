namespace CentralDispatch.Worker.Provisioning.Resources;

/// <summary>The release a redeploy ships: the job's parameter, or the instance's current release (a fresh copy of it).</summary>
public static class TargetRelease
{
    public static string Of(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Job.Parameters?.Release is { Length: > 0 } release ? release : context.Instance.Release;
    }
}
