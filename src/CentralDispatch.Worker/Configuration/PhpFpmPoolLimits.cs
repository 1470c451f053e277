namespace CentralDispatch.Worker.Configuration;

/// <summary>The <c>pm</c> settings of an instance's pool: how many PHP processes it may have and when they end.</summary>
public sealed class PhpFpmPoolLimits
{
    /// <summary>ondemand (no process until a request comes; the default, for many small sites on one host) or dynamic.</summary>
    public PhpFpmProcessManager ProcessManager { get; set; } = PhpFpmProcessManager.OnDemand;

    /// <summary><c>pm.max_children</c>: the most requests the instance serves at once.</summary>
    public int MaxChildren { get; set; } = 5;

    /// <summary><c>pm.process_idle_timeout</c> (ondemand): an idle process ends after this.</summary>
    public TimeSpan ProcessIdleTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>pm.max_requests</c>: a process is replaced after this many requests (bounds leaks); 0 never.</summary>
    public int MaxRequests { get; set; } = 500;

    /// <summary><c>pm.start_servers</c> (dynamic).</summary>
    public int StartServers { get; set; } = 1;

    /// <summary><c>pm.min_spare_servers</c> (dynamic).</summary>
    public int MinSpareServers { get; set; } = 1;

    /// <summary><c>pm.max_spare_servers</c> (dynamic).</summary>
    public int MaxSpareServers { get; set; } = 2;
}
