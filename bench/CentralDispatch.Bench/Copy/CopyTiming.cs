namespace CentralDispatch.Bench.Copy;

/// <summary>One timed copy: wall time, and the CPU time (user + system) the copier spent.</summary>
public sealed record CopyTiming(double WallMs, double CpuMs);
