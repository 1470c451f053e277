namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>Preflight found reasons not to deploy; the message lists every one of them.</summary>
public sealed class PreflightException(string instance, IReadOnlyList<string> problems)
    : Exception($"Instance {instance} cannot be deployed here: {string.Join("; ", problems)}.")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
