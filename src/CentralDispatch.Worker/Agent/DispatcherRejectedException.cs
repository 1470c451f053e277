namespace CentralDispatch.Worker.Agent;

/// <summary>
/// The dispatcher refused a request as malformed (400 and other 4xx not covered elsewhere). Sending it again would
/// be refused again, so it is not retried; it points at a bug or a version mismatch.
/// </summary>
public sealed class DispatcherRejectedException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
