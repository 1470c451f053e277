namespace CentralDispatch.Worker.Agent;

/// <summary>The dispatcher could not be reached or answered 5xx / timed out: transient, retry with backoff.</summary>
public sealed class DispatcherUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
