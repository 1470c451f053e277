namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>Kind-specific input: the release to redeploy to, a new certificate, an archive to restore from.</summary>
public sealed record JobPayloadParameters(string? Release = null, TlsPayload? NewTls = null, string? RestoreFromArchive = null);
