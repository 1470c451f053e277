namespace CentralDispatch.Bench.Copy;

/// <summary>The size of the generated release tree, and how many timed copies each contender makes.</summary>
public sealed record CopyBenchOptions(int Files, int Repetitions);
