namespace CentralDispatch.Bench.BulkDeploy;

/// <summary>How many instances each run deploys on its worker.</summary>
public sealed record BulkDeployOptions(int Deploys);
