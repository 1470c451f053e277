namespace CentralDispatch.Dispatcher.Errors;

/// <summary>The request is valid but the current state refuses it (409); <see cref="Field"/> names the field when one is to blame.</summary>
public sealed class ConflictException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
