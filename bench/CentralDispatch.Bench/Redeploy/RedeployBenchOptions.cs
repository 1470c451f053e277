namespace CentralDispatch.Bench.Redeploy;

/// <summary>How many instances one worker redeploys in bulk, and how many jobs it runs at once (Worker:Concurrency).</summary>
public sealed record RedeployBenchOptions(int Instances, int Concurrency);
