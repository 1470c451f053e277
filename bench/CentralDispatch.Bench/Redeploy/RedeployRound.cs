namespace CentralDispatch.Bench.Redeploy;

/// <summary>One bulk redeploy: the coalescing window it ran with, its wall time, the reloads it cost, and what the site probes saw.</summary>
public sealed record RedeployRound(
    string Label,
    TimeSpan Window,
    TimeSpan Wall,
    int Succeeded,
    int Reloads,
    int ConfigTests,
    int Probes,
    int ProbeErrors);
