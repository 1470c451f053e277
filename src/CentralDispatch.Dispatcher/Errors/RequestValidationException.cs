using CentralDispatch.Core.Validation;

namespace CentralDispatch.Dispatcher.Errors;

/// <summary>Input failed validation (400); carries the per-field messages.</summary>
public sealed class RequestValidationException(FieldErrors errors) : Exception("One or more fields are not valid: " + errors)
{
    public FieldErrors Errors { get; } = errors;
}
