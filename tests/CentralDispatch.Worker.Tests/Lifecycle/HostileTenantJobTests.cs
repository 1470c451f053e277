using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Decommission;
using CentralDispatch.Worker.Provisioning.Engine;
using CentralDispatch.Worker.Provisioning.Redeploy;
using CentralDispatch.Worker.Tests.Deploy;
using CentralDispatch.Worker.Tests.Provisioning;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Lifecycle;

/// <summary>
/// Whole jobs on the real sandbox while a hostile tenant attacks the instance's tree (<see cref="HostileTenant"/>):
/// a redeploy's removal of the old tree, a decommission (archive, then removal) followed by a restore of its archive,
/// and a back-out. Each runs several rounds; the canary outside the tree stays untouched and unread, and every job
/// ends with a result.
/// </summary>
[Collection(SandboxWorkerCollection.Name)]
public sealed class HostileTenantJobTests(SandboxWorkerFixture worker)
{
    private const int Rounds = 4;

    [Fact]
    public async Task Redeploy_WhileTheTenantAttacksTheOldTree_RemovesItAndNeverTouchesTheCanary()
    {
        var swaps = 0;
        for (var round = 0; round < Rounds; round++)
        {
            using var canary = new Canary();
            var instance = await DeployedWithUploadsAsync("rtr");
            var layout = worker.Layout(instance);
            var oldTree = layout.LiveTree()!;
            var release = Releases.Create(worker, "race");
            var events = new RecordingSink();
            PlanResult result;
            using (var tenant = TenantTrees.Attacking(Path.Combine(oldTree, "uploads"), canary, round))
            {
                result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Redeploy),
                    SandboxWorkerFixture.JobFor(instance, JobKind.Redeploy, new JobPayloadParameters(Release: release)), events);
                tenant.Stop();
                swaps += tenant.Swaps;
            }

            Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
            var removal = events.Events.Single(e => e.Step == RemovePreviousTreeStep.StepName && e.Phase == StepPhase.Succeeded);
            Assert.Contains(Path.GetFileName(oldTree), removal.Message, StringComparison.Ordinal);
            Assert.False(Path.Exists(oldTree), removal.Message);
            canary.AssertUntouched();
        }

        Assert.True(swaps > Rounds, $"the tenant swapped only {swaps} times: the race did not happen");
    }

    [Fact]
    public async Task Decommission_WhileTheTenantAttacks_ArchivesNothingOfTheCanary_RemovesAll_AndTheRestoreHoldsNoCanary()
    {
        for (var round = 0; round < Rounds; round++)
        {
            using var canary = new Canary();
            var instance = await DeployedWithUploadsAsync("dtr");
            var layout = worker.Layout(instance);
            var job = SandboxWorkerFixture.JobFor(instance, JobKind.Decommission);
            var events = new RecordingSink();
            PlanResult result;
            using (TenantTrees.Attacking(Path.Combine(layout.LiveTree()!, "uploads"), canary, round))
            {
                result = await worker.Runner.RunAsync(worker.PlanFor(JobKind.Decommission), job, events, JobCancellation.None);
            }

            var archive = (await worker.Journals.ReadAsync(job.JobId, CancellationToken.None))!.Notes[JobFacts.ArchivePathNote];
            await worker.Journals.AcknowledgeAsync(job.JobId, CancellationToken.None);
            Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
            Assert.Contains(events.Events, e => e.Step == ArchiveStep.StepName && e.Phase == StepPhase.Succeeded
                                                && e.Message!.Contains("skipped", StringComparison.Ordinal));
            Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
            await TenantTrees.AssertArchiveHoldsNoCanaryAsync(archive, canary);
            canary.AssertUntouched();

            var restore = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Deploy),
                SandboxWorkerFixture.JobFor(instance, JobKind.Deploy, new JobPayloadParameters(RestoreFromArchive: archive)));
            Assert.True(restore.Outcome == PlanOutcome.Succeeded, $"{restore.FailedStep}: {restore.Message}");
            TenantTrees.AssertTreeHoldsNoCanary(layout.LiveTree()!, canary);
        }
    }

    [Fact]
    public async Task BackOut_WhileTheTenantAttacks_RemovesEverythingOfTheInstance_AndNeverTouchesTheCanary()
    {
        for (var round = 0; round < Rounds; round++)
        {
            using var canary = new Canary();
            var instance = await DeployedWithUploadsAsync("btr");
            var job = SandboxWorkerFixture.JobFor(instance, JobKind.BackOut);
            PlanResult result;
            using (TenantTrees.Attacking(Path.Combine(worker.Layout(instance).LiveTree()!, "uploads"), canary, round))
            {
                result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.BackOut), job);
            }

            Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
            Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
            canary.AssertUntouched();
        }
    }

    /// <summary>A deployed instance whose tree holds a tenant's uploads (folders and files it may change at will).</summary>
    private async Task<InstancePayload> DeployedWithUploadsAsync(string prefix)
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(prefix: prefix));
        TenantTrees.Fill(Path.Combine(worker.Layout(instance).LiveTree()!, "uploads"));
        return instance;
    }
}
