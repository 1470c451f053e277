namespace CentralDispatch.Dispatcher.Errors;

/// <summary>The named thing does not exist (404).</summary>
public sealed class NotFoundException(string message) : Exception(message);
