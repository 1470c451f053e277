using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Reloads;

namespace CentralDispatch.Bench.BulkDeploy;

/// <summary>What one run measured: wall time from the first create request until every instance was Active, and the worker's reload counts.</summary>
public sealed record BulkRun(BulkRunSettings Settings, int Deploys, TimeSpan Wall, ReloadStatistics Reloads, double MedianJobSeconds)
{
    public double DeploysPerMinute => Deploys / Wall.TotalMinutes;
}
