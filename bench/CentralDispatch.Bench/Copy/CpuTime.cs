using System.Runtime.InteropServices;

namespace CentralDispatch.Bench.Copy;

/// <summary>
/// CPU time (user + system) from getrusage: of this process, or of its finished child processes. On a shared, busy
/// machine a copy's wall time includes waiting for a core; its CPU time is the work it did.
/// </summary>
internal static class CpuTime
{
    private const int Self = 0;
    private const int Children = -1;

    public static TimeSpan OfThisProcess() => Read(Self);

    /// <summary>Of every child process waited for so far (.NET reaps them as they exit).</summary>
    public static TimeSpan OfFinishedChildren() => Read(Children);

    private static TimeSpan Read(int who)
    {
        // struct rusage starts with ru_utime and ru_stime, two struct timeval (seconds, microseconds) of 64-bit longs.
        var usage = new long[18];
        if (GetRusage(who, usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed (errno {Marshal.GetLastPInvokeError()}).");
        }

        return TimeSpan.FromSeconds(usage[0] + usage[2]) + TimeSpan.FromMicroseconds(usage[1] + usage[3]);
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRusage(int who, [Out] long[] usage);
}
