namespace CentralDispatch.Bench.DeployLatency;

/// <summary>How many instances to create and deploy, one after another.</summary>
public sealed record DeployLatencyOptions(int Deploys);
