using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Engine;
using CentralDispatch.Worker.Provisioning.Journal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CentralDispatch.Worker.Tests.Provisioning;

/// <summary>A plan runner on a real journal folder, a fake clock and a fake host, for one test.</summary>
public sealed class EngineHarness : IDisposable
{
    public static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan UndoTimeout = TimeSpan.FromMinutes(1);

    private readonly TempFolder _folder = new();

    public EngineHarness()
    {
        Journals = new JournalStore(_folder.Path, Time);
        Runner = NewRunner();
        var name = TestNames.Unique("eng");
        Job = new ProvisioningJob(Random.Shared.NextInt64(1, long.MaxValue), 1, JobKind.Deploy,
            new InstancePayload(name, TestNames.Hostname(name), [], "default", "ops@example.org", null));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
    public FakeHost Host { get; } = new();
    public RecordingSink Events { get; } = new();
    public JournalStore Journals { get; }
    public PlanRunner Runner { get; private set; }
    public ProvisioningJob Job { get; }
    public string Folder => _folder.Path;
    public string JournalPath => Journals.PathOf(Job.JobId);

    /// <summary>A fresh runner and store on the same folder, as after a worker restart.</summary>
    public PlanRunner NewRunner() => new(Journals, Options.Create(new PlanRunnerOptions { StepTimeout = StepTimeout, UndoTimeout = UndoTimeout }),
        Time, NullLogger<PlanRunner>.Instance);

    public void Restart() => Runner = NewRunner();

    public Task<PlanResult> RunAsync(ProvisioningPlan plan, JobCancellation cancellation = default, int attempt = 1) =>
        Runner.RunAsync(plan, Job with { Attempt = attempt }, Events, cancellation);

    public static ProvisioningPlan Plan(params IProvisioningStep[] steps) => new("test", steps);

    public void Dispose() => _folder.Dispose();
}
