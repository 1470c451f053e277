using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Worker.Agent;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Journal;
using CentralDispatch.Worker.Tests.Provisioning;

namespace CentralDispatch.Worker.Tests.Agent;

public sealed class StartupRecoveryTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private readonly DispatcherTestHost _dispatcher = fixture.Host;

    [Fact]
    public async Task Start_ReportsAJobThatFinishedButWasNeverReported_AndAcknowledgesItsJournal()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        agent.Plans.Use(new FakeStep("Database", agent.Host, "database:cd_shop"), new UrlStep());
        var (instance, _) = await agent.QueueDeployAsync();
        var job = await FinishWithoutReportingAsync(agent, saveLease: true);

        agent.StartDaemon();
        await Eventually.TrueAsync(async () => (await agent.Admin.GetInstanceAsync(instance.Name)).State == InstanceState.Active, "instance Active");

        Assert.Equal(UrlStep.UrlOf(instance.Hostname).AbsoluteUri, (await agent.Admin.GetInstanceAsync(instance.Name)).Url);
        Assert.Equal(JobState.Succeeded, (await agent.Admin.GetJobAsync(job.JobId)).State);
        Assert.Equal(1, agent.Host.CreationsOf(new ResourceId("database", "cd_shop")));
        // Acknowledged right after the dispatcher answered.
        await Eventually.TrueAsync(() => !File.Exists(agent.Journals.PathOf(job.JobId)) && agent.Leases.List().Count == 0, "journal and lease removed");
    }

    [Fact]
    public async Task Start_KeepsTheJournal_WhenTheDispatcherRefusesTheOldLease()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        agent.Plans.Use(new FakeStep("Database", agent.Host, "database:cd_shop"));
        await agent.QueueDeployAsync();
        var job = await FinishWithoutReportingAsync(agent, saveLease: false);
        await agent.Leases.SaveAsync(new HeldLease(job.JobId, job.Attempt, Guid.NewGuid(), job.LeaseExpiresAt), CancellationToken.None);

        var reported = await agent.Recovery.RunAsync(CancellationToken.None);

        Assert.Equal(0, reported);
        Assert.Equal(409, agent.Recorder.Log.Single(e => e.Call == "complete").Status);
        // The job comes back as a new attempt and the engine returns this journal's result then.
        Assert.True(File.Exists(agent.Journals.PathOf(job.JobId)));
        Assert.Empty(agent.Leases.List());
        Assert.Equal(JobState.Running, (await agent.Admin.GetJobAsync(job.JobId)).State);
    }

    [Fact]
    public async Task Start_LeavesAnUnfinishedJournalForItsNextAttempt()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        agent.Plans.Use(new FakeStep("Database", agent.Host, "database:cd_shop"), new FakeStep("Webroot", agent.Host));
        await agent.QueueDeployAsync();
        var job = await FinishWithoutReportingAsync(agent, saveLease: true);
        // As if the worker had died after the first step: the journal as it was then, unfinished.
        CrashedJournal.KeepThrough(agent.Journals.PathOf(job.JobId), r => r.Type == JournalRecordType.StepSucceeded);

        var reported = await agent.Recovery.RunAsync(CancellationToken.None);

        Assert.Equal(0, reported);
        Assert.Equal(0, agent.Recorder.Count("complete"));
        Assert.Equal(JournalPhase.Running, (await agent.Journals.ReadAsync(job.JobId, CancellationToken.None))!.Phase);
        Assert.Single(agent.Leases.List());
    }

    /// <summary>Claims the job and runs its plan to the end, as a worker that then died before reporting.</summary>
    private static async Task<Core.Contracts.Agent.JobAssignment> FinishWithoutReportingAsync(AgentHarness agent, bool saveLease)
    {
        var job = (await agent.Client.ClaimAsync(0, CancellationToken.None))!;
        if (saveLease)
        {
            await agent.Leases.SaveAsync(new HeldLease(job.JobId, job.Attempt, job.LeaseToken, job.LeaseExpiresAt), CancellationToken.None);
        }

        var provisioning = ProvisioningJob.From(job);
        var result = await agent.Runner.RunAsync(agent.Plans.Create(provisioning).Plan, provisioning, new RecordingSink(), default);
        Assert.Equal(PlanOutcome.Succeeded, result.Outcome);
        return job;
    }
}
