namespace CentralDispatch.Worker.Agent;

/// <summary>
/// The dispatcher refused the worker's token (401) or its right to the call (403). Retrying cannot help: the agent
/// stops and the operator must fix the token (re-register the worker or update the configuration).
/// </summary>
public sealed class DispatcherCredentialException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
