namespace CentralDispatch.Core.Contracts.Instances;

/// <summary>What the API tells of an instance's certificate: never the key.</summary>
public sealed record CertificateSummary(string Subject, DateTimeOffset NotAfter, bool HasChain, int DaysLeft);
