using System.ComponentModel.DataAnnotations;

namespace CentralDispatch.Dispatcher.Queue;

/// <summary>Lease, long-poll and reaper settings (configuration section "Queue").</summary>
public sealed class QueueOptions
{
    public const string Section = "Queue";

    /// <summary>How long a claim or heartbeat keeps a job leased; workers heartbeat every third of it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest a claim waits for work before answering 204.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:02:00")]
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>How often a waiting claim looks at the store again (work queued by another replica).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan ReaperInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After this many attempts whose leases expired, the reaper fails the job instead of requeueing it.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>A worker not seen for this long shows Offline.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromSeconds(90);

    public TimeSpan HeartbeatInterval => Lease / 3;
}
