namespace CentralDispatch.Bench.BulkDeploy;

/// <summary>How many instances each run deploys on its worker, and how many rounds of the four settings run.</summary>
public sealed record BulkDeployOptions(int Deploys, int Rounds);
