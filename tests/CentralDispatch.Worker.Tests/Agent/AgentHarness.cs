using System.Net.Http.Headers;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Worker.Agent;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Reloads;
using CentralDispatch.Worker.Provisioning.Engine;
using CentralDispatch.Worker.Provisioning.Journal;
using CentralDispatch.Worker.Tests.Provisioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CentralDispatch.Worker.Tests.Agent;

/// <summary>
/// One worker agent for one test, wired as the host will wire it, to a registered worker of a real dispatcher:
/// a real journal folder, fake plans on a fake host, the agent's own fake clock (heartbeats, flushes and backoff
/// happen only when the test moves it) and a recorder on the wire. Disposing stops the agent and opens every gate.
/// </summary>
public sealed class AgentHarness : IAsyncDisposable
{
    /// <summary>What the dispatcher's hello says with its default 60 s lease.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(20);

    private readonly TempFolder _folder = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<GateStep> _gates = [];
    private readonly ILoggerFactory _loggers;
    private Task<int>? _daemon;

    private AgentHarness(Uri dispatcher, HttpClient admin, string workerName, string token, int concurrency)
    {
        Admin = admin;
        WorkerName = workerName;
        Token = token;
        Recorder = new TrafficRecorder { Clock = Clock };
        Http = new HttpClient(Recorder) { BaseAddress = DispatcherClient.BaseAddressFor(dispatcher.ToString()), Timeout = Timeout.InfiniteTimeSpan };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Client = new DispatcherClient(Http);
        Settings = new AgentOptions
        {
            DispatcherUrl = dispatcher.ToString(),
            Token = token,
            Concurrency = concurrency,
            BackoffMin = TimeSpan.FromSeconds(1),
            BackoffMax = TimeSpan.FromSeconds(8),
            EventFlushInterval = TimeSpan.FromSeconds(1),
        };
        _loggers = LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Journals = new JournalStore(_folder.Path, Clock);
        Leases = new LeaseStore(Journals);
        // Steps never time out here: the fake clock moves in big steps for heartbeats.
        Runner = new PlanRunner(Journals, MsOptions.Create(new PlanRunnerOptions { StepTimeout = TimeSpan.FromDays(1), UndoTimeout = TimeSpan.FromDays(1) }),
            Clock, _loggers.CreateLogger<PlanRunner>());
        Executions = new JobExecutionFactory(Client, Plans, Runner, Journals, Leases, new InstanceLocks(), ReloadRequesters, MsOptions.Create(Settings), Clock,
            _loggers.CreateLogger<JobExecution>());
        Recovery = new StartupRecovery(Client, Journals, Leases, _loggers.CreateLogger<StartupRecovery>());
        Loop = new AgentLoop(Client, Executions, Recovery, MsOptions.Create(Settings), Clock, _loggers.CreateLogger<AgentLoop>());
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
    public TrafficRecorder Recorder { get; }
    public CapturedLogs Logs { get; } = new();
    public ReloadRequesters ReloadRequesters { get; } = new();
    public FakeHost Host { get; } = new();
    public FakePlanFactory Plans { get; } = new();
    public HttpClient Admin { get; }
    public HttpClient Http { get; }
    public string WorkerName { get; }
    public string Token { get; }
    public AgentOptions Settings { get; }
    public DispatcherClient Client { get; }
    public JournalStore Journals { get; }
    public LeaseStore Leases { get; }
    public PlanRunner Runner { get; }
    public JobExecutionFactory Executions { get; }
    public StartupRecovery Recovery { get; }
    public AgentLoop Loop { get; }

    /// <summary>Registers a new worker on the dispatcher and makes its agent (not started).</summary>
    public static async Task<AgentHarness> CreateAsync(DispatcherTestHost dispatcher, int concurrency = 2)
    {
        var admin = dispatcher.Admin();
        var worker = await admin.RegisterWorkerAsync();
        return new AgentHarness(dispatcher.BaseAddress, admin, worker.Name, worker.Token, concurrency);
    }

    /// <summary>An agent with a token the dispatcher never issued, or aimed at an address where nothing listens.</summary>
    public static AgentHarness Unregistered(Uri dispatcher, HttpClient admin, string token = "cdw_not-a-real-token-0123456789") =>
        new(dispatcher, admin, "nobody", token, 1);

    /// <summary>A step that holds its job until the test opens it (opened at the latest when the harness is disposed).</summary>
    public GateStep Gate(string name, Action<CentralDispatch.Worker.Provisioning.StepContext>? onEnter = null)
    {
        var gate = new GateStep(name) { OnEnter = onEnter };
        _gates.Add(gate);
        return gate;
    }

    /// <summary>Creates an instance on this worker, which queues its Deploy job; returns both.</summary>
    public async Task<(InstanceResponse Instance, long JobId)> QueueDeployAsync()
    {
        var instance = await Admin.CreateInstanceAsync(WorkerName);
        return (instance, await Admin.DeployJobIdAsync(instance));
    }

    /// <summary>Starts the daemon and waits until a job is held inside the gate step.</summary>
    public async Task StartUntilInsideAsync(GateStep gate)
    {
        StartDaemon();
        await Eventually.TrueAsync(() => gate.Inside == 1, $"a job inside {gate.Name}");
    }

    /// <summary>Waits until the dispatcher shows the job finished, and returns it.</summary>
    public async Task<JobResponse> FinishedJobAsync(long jobId)
    {
        await Eventually.TrueAsync(async () => (await Admin.GetJobAsync(jobId)).State.IsFinished(), $"job {jobId} finished");
        return await Admin.GetJobAsync(jobId);
    }

    public void StartDaemon() => _daemon = Task.Run(() => Loop.RunAsync(AgentRunMode.Daemon, _stopping.Token));

    /// <summary>SIGTERM: the host-stopping token fires; returns the daemon's exit code once it has exited.</summary>
    public async Task<int> StopAsync()
    {
        await _stopping.CancelAsync();
        return _daemon is null ? AgentExitCodes.Success : await _daemon;
    }

    public Task<int> RunOnceAsync() => Loop.RunAsync(AgentRunMode.Once, _stopping.Token);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var gate in _gates)
        {
            gate.Open();
        }

        if (_daemon is not null)
        {
            await _daemon;
        }

        Http.Dispose();
        Admin.Dispose();
        _loggers.Dispose();
        _stopping.Dispose();
        _folder.Dispose();
    }
}
