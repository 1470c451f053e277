namespace CentralDispatch.Core.Domain;

/// <summary>What a finished job says now exists for its instance.</summary>
public sealed record JobResultFacts(string? Url = null, string? ArchivePath = null, string? Release = null)
{
    public static JobResultFacts None { get; } = new();
}
