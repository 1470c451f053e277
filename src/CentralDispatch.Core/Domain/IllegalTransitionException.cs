namespace CentralDispatch.Core.Domain;

/// <summary>A state machine refused a move that is not allowed from the current state.</summary>
public sealed class IllegalTransitionException(string entity, string from, string attempted, string? hint = null)
    : DomainException(hint is null
        ? $"{entity} is {from}: {attempted} is not allowed from that state."
        : $"{entity} is {from}: {attempted} is not allowed from that state. {hint}")
{
    public string Entity { get; } = entity;
    public string From { get; } = from;
    public string Attempted { get; } = attempted;
}
