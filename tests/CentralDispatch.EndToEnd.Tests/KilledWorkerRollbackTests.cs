using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;
using CentralDispatch.EndToEnd.Tests.Infrastructure;
using CentralDispatch.Testing;
using CentralDispatch.Worker.Provisioning.Deploy;
using Xunit.Abstractions;

namespace CentralDispatch.EndToEnd.Tests;

/// <summary>
/// Kills while a failed deploy rolls back: the webroot copy refuses a release with a link leaving it, after the
/// database user and database were made, and the worker dies before or after undoing one of those steps. After the
/// restart the journal says the job was rolling back: the rollback must finish, report the original failure and leave
/// nothing. Or the worker dies once the rolled-back result is journaled, before it reported it: it reports it after the restart.
/// </summary>
public sealed class KilledWorkerRollbackTests(EndToEndStack stack, ITestOutputHelper output)
    : KilledWorkerScenario(stack, output), IClassFixture<EndToEndStack>
{
    public static TheoryData<string, string> UndoBoundaries() =>
        Boundaries(UndoPhases, DeployStepNames.Webroot, DeployStepNames.Database, DeployStepNames.DatabaseUser);

    [Theory]
    [MemberData(nameof(UndoBoundaries))]
    public async Task FailedDeploy_WorkerKilledWhileRollingBack_FinishesTheRollbackWithNothingLeft_AfterTheWorkerRestarts(string step, string phase)
    {
        var release = Releases.WriteWithEscapingLink(Stack.Worker, TestNames.Unique("escaping"));

        var (instance, settled) = await DeployKilledAtAsync($"{phase}:{step}", Path.GetFileName(release));

        await AssertRolledBackAfterTheWebrootFailedAsync(instance, settled);
    }

    [Fact]
    public async Task FailedDeploy_WorkerKilledAfterJournalingTheRollbackButBeforeReportingIt_ReportsItAfterTheWorkerRestarts()
    {
        var release = Releases.WriteWithEscapingLink(Stack.Worker, TestNames.Unique("escaping"));

        var (instance, settled) = await DeployKilledAtAsync($"after-finish:{DeployPlan.Name}", Path.GetFileName(release));

        await AssertRolledBackAfterTheWebrootFailedAsync(instance, settled);
    }

    /// <summary>Failed and rolled back, reporting the original failure (the refused link), with nothing left on the host.</summary>
    private async Task AssertRolledBackAfterTheWebrootFailedAsync(TestInstance instance, InstanceResponse settled)
    {
        var job = Assert.Single(await Stack.Api.JobsAsync(instance.Name));
        Assert.True(settled.State == InstanceState.Failed && job.State == JobState.RolledBack,
            $"{instance.Name} is {settled.State} (job {job.State}): {settled.LastError}\n{Stack.Diagnostics()}");
        Assert.Equal(DeployStepNames.Webroot, settled.LastError?.Step);
        Assert.Contains("is an absolute link to '/etc/passwd'", settled.LastError?.Message, StringComparison.Ordinal);
        await InstanceChecks.AssertNothingLeftAsync(Stack, instance.Name);
    }
}
