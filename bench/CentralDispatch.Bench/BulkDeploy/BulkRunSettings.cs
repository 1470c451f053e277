namespace CentralDispatch.Bench.BulkDeploy;

/// <summary>One run's worker settings: jobs at once, and the reload coalescing window (zero = off).</summary>
public sealed record BulkRunSettings(int Concurrency, TimeSpan CoalescingWindow)
{
    public bool Coalescing => CoalescingWindow > TimeSpan.Zero;

    /// <summary>Short name of the setting; with the round it prefixes the run's worker and instance names, so every run has fresh ones.</summary>
    public string Label => $"c{Concurrency}-{(Coalescing ? "on" : "off")}";
}
