namespace CentralDispatch.Core.Domain;

/// <summary>
/// What a finished job says now exists for its instance: what its worker reported (URL, archive, release), and what its
/// action's arguments add (a rotated certificate). Release and certificate are taken only from a success.
/// </summary>
public sealed record JobResultFacts(string? Url = null, string? ArchivePath = null, string? Release = null, TlsMaterial? Certificate = null)
{
    public static JobResultFacts None { get; } = new();
}
