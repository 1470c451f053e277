namespace CentralDispatch.Worker.Agent;

/// <summary>What the agent needs to talk to its dispatcher and pace itself (configuration section "Agent").</summary>
public sealed class AgentOptions
{
    public const string Section = "Agent";

    /// <summary>Base address of the dispatcher, e.g. https://dispatch.example.com/.</summary>
    public string DispatcherUrl { get; set; } = "";

    /// <summary>The worker's enrolment token, sent as the bearer token. Never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>Allow plain http:// to a <see cref="DispatcherUrl"/> that is not this machine's loopback (see DispatcherUrlRule).</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>The worker's install path (Worker:Paths:InstallPath), reported in hello: the one source of its webroots' paths.</summary>
    public string? InstallPath { get; set; }

    /// <summary>How many jobs (of different instances) run at once.</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>First wait after the dispatcher could not be reached; doubles (with jitter) up to <see cref="BackoffMax"/>.</summary>
    public TimeSpan BackoffMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a running job's step events are sent in one batch.</summary>
    public TimeSpan EventFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Step events kept per job while the dispatcher is unreachable; beyond this, new events are dropped (and counted).</summary>
    public int EventBufferCapacity { get; set; } = 5000;

    // The token must not reach a log through an options dump.
    public override string ToString() =>
        $"AgentOptions {{ DispatcherUrl = {DispatcherUrl}, Token = (hidden), Concurrency = {Concurrency}, Backoff = {BackoffMin}..{BackoffMax} }}";
}
