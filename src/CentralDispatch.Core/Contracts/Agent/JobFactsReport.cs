namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>What exists on the host after a job: the instance's URL, an archive path, the release now live.</summary>
public sealed record JobFactsReport(string? Url = null, string? ArchivePath = null, string? Release = null);
