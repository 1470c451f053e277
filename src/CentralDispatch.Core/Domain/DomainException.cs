namespace CentralDispatch.Core.Domain;

/// <summary>A domain rule refused an operation; the message says which rule and what to do.</summary>
public class DomainException(string message) : Exception(message);
