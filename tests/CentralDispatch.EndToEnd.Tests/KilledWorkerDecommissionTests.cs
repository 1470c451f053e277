using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;
using CentralDispatch.EndToEnd.Tests.Infrastructure;
using CentralDispatch.Testing;
using CentralDispatch.Worker.Provisioning.Decommission;
using CentralDispatch.Worker.Provisioning.Deploy;
using Xunit.Abstractions;

namespace CentralDispatch.EndToEnd.Tests;

/// <summary>
/// Kills during a decommission: around its archive step, while the archive is being written, in the middle of the
/// removal, and after its journaled result. After the restart the instance must be Archived with one verified archive
/// and nothing else of it on the host, or (a job that never got past its archive) untouched, serving, with no archive
/// or partial archive file left.
/// </summary>
public sealed class KilledWorkerDecommissionTests(EndToEndStack stack, ITestOutputHelper output)
    : KilledWorkerScenario(stack, output), IClassFixture<EndToEndStack>
{
    public static TheoryData<string> Points() => new()
    {
        $"before:{ArchiveStep.StepName}",
        $"after:{ArchiveStep.StepName}",
        $"after-journal:{ArchiveStep.StepName}",
        // The removal runs in the reverse of Deploy order: cron line, site link (+ reload), vhost, certificates, webroot, database, user.
        $"before-undo:{DeployStepNames.EnableSite}",
        $"after-undo:{DeployStepNames.Webroot}",
        $"after-undo:{DeployStepNames.DatabaseUser}",
        $"after-finish:{DecommissionPlan.Name}",
    };

    [Theory]
    [MemberData(nameof(Points))]
    public async Task Decommission_WorkerKilledAtABoundary_EndsArchivedWithOneVerifiedArchiveAndNothingElse_AfterTheWorkerRestarts(string point)
    {
        var (instance, _) = await DeployedAsync("kill-dec");

        var settled = await KilledAtAsync(point, instance.Name, () => Stack.Api.ActAsync(instance.Name, "decommission"));

        await AssertArchivedOnceOrUntouchedAsync(instance, settled);
    }

    [Fact]
    public async Task Decommission_WorkerKilledWhileWritingTheArchive_EndsArchivedWithOneVerifiedArchiveAndNoPartialFile_AfterTheWorkerRestarts()
    {
        // Large enough that writing its archive takes a while.
        var release = Releases.WriteLarge(Stack.Worker, TestNames.Unique("large"), files: 2000);
        var (instance, _) = await DeployedAsync("kill-arc", Path.GetFileName(release));

        var settled = await KilledWhenAsync(() => ArchiveChecks.FilesOf(Stack.Worker, instance.Name).Any(f => f.EndsWith(".tar.gz.partial", StringComparison.Ordinal)),
            "the archive file was being written", instance.Name, () => Stack.Api.ActAsync(instance.Name, "decommission"));

        await AssertArchivedOnceOrUntouchedAsync(instance, settled);
    }

    /// <summary>Archived, its archive path the only file of it in the archive folder and verified, nothing else of it left; or untouched and no archive.</summary>
    private async Task AssertArchivedOnceOrUntouchedAsync(TestInstance instance, InstanceResponse settled)
    {
        var (job, count) = await LatestJobAsync(instance.Name, JobKind.Decommission);
        Assert.Equal(2, count);
        var archives = ArchiveChecks.FilesOf(Stack.Worker, instance.Name);
        if (settled.State == InstanceState.Archived)
        {
            Assert.Equal(JobState.Succeeded, job.State);
            var archive = Assert.Single(archives);
            Assert.Equal(archive, settled.ArchivePath);
            await ArchiveChecks.AssertVerifiedAsync(archive, instance.Name);
            await InstanceChecks.AssertNothingLeftAsync(Stack, instance.Name, alsoOnHost: [archive]);
            return;
        }

        Assert.True(settled.State == InstanceState.Active && job.State is JobState.RolledBack or JobState.Failed,
            $"{instance.Name} is {settled.State} (job {job.State}): {settled.LastError}\n{Stack.Diagnostics()}");
        Assert.Empty(archives);
        await InstanceChecks.AssertDeployedOnceAsync(Stack, instance, settled);
    }
}
