namespace CentralDispatch.Cli.Commands.Instances;

/// <summary>An instance picked for a batch; <see cref="SkipReason"/> is set when it is left out before any request.</summary>
public sealed record BulkTarget(string Instance, string? SkipReason);
