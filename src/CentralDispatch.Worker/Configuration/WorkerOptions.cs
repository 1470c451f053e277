namespace CentralDispatch.Worker.Configuration;

/// <summary>The worker's configuration: one JSON file (section "Worker"), overridable by environment variables such as Worker__Concurrency.</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    public WorkerProfile Profile { get; set; } = WorkerProfile.Debian;

    /// <summary>Sandbox: the folder everything lives in.</summary>
    public string? DataFolder { get; set; }

    public DispatcherOptions Dispatcher { get; set; } = new();

    public DatabaseServerOptions Database { get; set; } = new();

    public WebServerOptions WebServer { get; set; } = new();

    public PathsOptions Paths { get; set; } = new();

    public PhpFpmOptions PhpFpm { get; set; } = new();

    public InstanceConfigOptions InstanceConfig { get; set; } = new();

    public string DefaultBackendEmail { get; set; } = string.Empty;

    public CronOptions Cron { get; set; } = new();

    public HealthCheckOptions HealthCheck { get; set; } = new();

    public IsolationOptions Isolation { get; set; } = new();

    /// <summary>Jobs run at once (never two of one instance).</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>
    /// Reloads requested within this window become one graceful reload; a request no other could join (no other job
    /// running, no reload under way) does not wait. Zero turns coalescing off.
    /// </summary>
    public TimeSpan ReloadCoalescingWindow { get; set; } = TimeSpan.FromMilliseconds(250);
}
