namespace CentralDispatch.Bench.Queue;

/// <summary>How many jobs to push through how many simulated agents (one worker each).</summary>
public sealed record QueueBenchOptions(int Jobs, int Agents);
