using System.Net;
using System.Security.Cryptography.X509Certificates;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;
using CentralDispatch.EndToEnd.Tests.Infrastructure;
using CentralDispatch.Testing.Tls;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Rotate;
using CentralDispatch.Worker.Provisioning.Suspend;
using Xunit.Abstractions;

namespace CentralDispatch.EndToEnd.Tests;

/// <summary>
/// Kills at representative boundaries of suspend, resume and certificate rotation, and in the middle of a restore from
/// an archive. After the restart the site must be in a state that matches the instance's record: 503 with the
/// maintenance page and its cron line off when Suspended, 200 and the line on when Active, served with the certificate
/// the instance records; a restore serves the archived files and rows, or leaves nothing but the archive.
/// </summary>
public sealed class KilledWorkerSuspendRotateRestoreTests(EndToEndStack stack, ITestOutputHelper output)
    : KilledWorkerScenario(stack, output), IClassFixture<EndToEndStack>
{
    [Theory]
    [InlineData($"after-journal:{MaintenanceStep.StepName}")] // the vhost has its maintenance block, Apache not reloaded
    [InlineData($"after:{DeployStepNames.Cron}")] // the cron line is off, not journaled
    public async Task Suspend_WorkerKilledAtAStepBoundary_ServesWhatTheInstanceStateSays_AfterTheWorkerRestarts(string point)
    {
        var (instance, _) = await DeployedAsync("kill-sus");

        await SwitchKilledAtAsync(instance, point, JobKind.Suspend, InstanceState.Suspended, InstanceState.Active);
    }

    [Theory]
    [InlineData($"after:{MaintenanceStep.StepName}")] // the maintenance block is gone, not journaled
    [InlineData($"after-journal:{DeployStepNames.Cron}")] // the cron line is on again, the site not checked yet
    public async Task Resume_WorkerKilledAtAStepBoundary_ServesWhatTheInstanceStateSays_AfterTheWorkerRestarts(string point)
    {
        var (instance, _) = await DeployedAsync("kill-res");
        Assert.Equal(InstanceState.Suspended, (await SettledAfterAsync(instance.Name, () => Stack.Api.ActAsync(instance.Name, "suspend"))).State);

        await SwitchKilledAtAsync(instance, point, JobKind.Resume, InstanceState.Active, InstanceState.Suspended);
    }

    [Theory]
    [InlineData($"after:{SwapCertificatesStep.StepName}")] // the new files are in place, their old copies beside them, not journaled
    [InlineData($"before:{RemoveBackupsStep.StepName}")] // the new certificate is served, the old copies are still there
    public async Task RotateCertificate_WorkerKilledAtAStepBoundary_ServesTheCertificateTheInstanceRecords_AfterTheWorkerRestarts(string point)
    {
        var (instance, _) = await DeployedAsync("kill-rot");
        // Valid for 60 days where the first is for 90: the instance's record tells which one it holds.
        var now = TimeProvider.System.GetUtcNow();
        var renewed = TestCertificates.Authority.Issue([instance.Hostname], now.AddDays(-1), now.AddDays(60));

        var settled = await KilledAtAsync(point, instance.Name, () => Stack.Api.ActAsync(instance.Name, "rotate-certificate",
            new InstanceActionRequest(CertificatePem: renewed.CertificatePem, KeyPem: renewed.KeyPem, ChainPem: renewed.ChainPem)));

        var (job, count) = await LatestJobAsync(instance.Name, JobKind.RotateCertificate);
        Assert.Equal(2, count);
        Assert.True(job.State is JobState.Succeeded or JobState.RolledBack, $"rotation job {job.Id} ended {job.State}: {job.Error}\n{Stack.Diagnostics()}");
        var recorded = job.State == JobState.Succeeded ? renewed : instance.Certificate;
        using (var certificate = X509Certificate2.CreateFromPem(recorded.CertificatePem))
        {
            Assert.Equal(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), settled.Certificate?.NotAfter);
        }

        await InstanceChecks.AssertDeployedOnceAsync(Stack, instance, settled, certificate: recorded);
    }

    /// <summary>
    /// Decommissions an instance holding a file of its own and rows in its database, then restores it under the same
    /// name and kills the worker after the database (dump loaded) is journaled: the restart must finish the restore from
    /// the archive (each row once) or roll it back, leaving nothing but the archive.
    /// </summary>
    [Fact]
    public async Task Restore_WorkerKilledAfterLoadingTheDatabase_EndsActiveServingTheArchivedFilesAndRows_AfterTheWorkerRestarts()
    {
        var (instance, archive) = await ArchivedWithAPageAndRowsAsync("kill-rst", rows: 2);

        var settled = await KilledAtAsync($"after-journal:{DeployStepNames.Database}", instance.Name, () => Stack.Api.RestoreAsync(instance.Name));

        var (job, count) = await LatestJobAsync(instance.Name, JobKind.Deploy);
        Assert.Equal(3, count);
        if (job.State != JobState.Succeeded)
        {
            await AssertRestoreUndoneAsync(instance, settled, job.State, JobState.RolledBack, archive);
            return;
        }

        await InstanceChecks.AssertDeployedOnceAsync(Stack, instance, settled, alsoOnHost: [archive]);
        var restored = await SiteProbe.GetAsync(new Uri(new Uri(settled.Url!), ArchivedPage));
        Assert.Equal((HttpStatusCode.OK, PageOf(instance)), (restored.Status, restored.Body));
        var layout = HostScan.Layout(Stack.Worker, instance.Name);
        Assert.Equal(["2"], await HostScan.SqlAsync(Stack.Worker, $"SELECT COUNT(*) FROM {layout.Database}.notes"));
    }

    /// <summary>
    /// The worker killed while it loads the archived dump into the new database (its copy of the dump in the secrets
    /// folder), and the job cancelled while the host is down: the restarted worker rolls the restore back, copy included.
    /// </summary>
    [Fact]
    public async Task Restore_KilledWhileLoadingTheDumpThenCancelled_LeavesNothingButTheArchive_AfterTheWorkerRestarts()
    {
        // Enough rows that loading them takes a moment.
        var (instance, archive) = await ArchivedWithAPageAndRowsAsync("kill-rsd", rows: 20000);
        var secrets = Stack.Worker.Options.Paths.SecretsFolder;
        bool Loading() => Directory.Exists(secrets) && Directory.EnumerateFiles(secrets, $".restore-{instance.Name}-*").Any();

        var settled = await KilledWhenAsync(Loading, "the dump was being loaded", instance.Name, () => Stack.Api.RestoreAsync(instance.Name),
            () =>
            {
                Output.WriteLine($"the killed worker left its copy of the dump: {Loading()}");
                return CancelOnceRequeuedAsync(instance.Name, JobKind.Deploy);
            });

        var (job, count) = await LatestJobAsync(instance.Name, JobKind.Deploy);
        Assert.Equal(3, count);
        await AssertRestoreUndoneAsync(instance, settled, job.State, JobState.Cancelled, archive);
    }

    private const string ArchivedPage = "archived.html";

    private static string PageOf(TestInstance instance) => $"archived page of {instance.Name}";

    /// <summary>A deployed instance with a page of its own and <paramref name="rows"/> rows in its database, decommissioned: its archive.</summary>
    private async Task<(TestInstance Instance, string Archive)> ArchivedWithAPageAndRowsAsync(string prefix, int rows)
    {
        var (instance, _) = await DeployedAsync(prefix);
        var layout = HostScan.Layout(Stack.Worker, instance.Name);
        await File.WriteAllTextAsync(Path.Combine(layout.Webroot, ArchivedPage), PageOf(instance));
        await HostScan.SqlAsync(Stack.Worker, $"CREATE TABLE {layout.Database}.notes (id INT PRIMARY KEY, note VARCHAR(40)); "
            + $"INSERT INTO {layout.Database}.notes SELECT seq, CONCAT('note ', seq) FROM {layout.Database}.seq_1_to_{rows};");
        var archived = await SettledAfterAsync(instance.Name, () => Stack.Api.ActAsync(instance.Name, "decommission"));
        Assert.True(archived is { State: InstanceState.Archived, ArchivePath: not null }, $"{instance.Name} is {archived.State}: {archived.LastError}");
        return (instance, archived.ArchivePath);
    }

    /// <summary>The restore ended <paramref name="expected"/>, the instance Failed, and nothing of it is left on the host but its archive.</summary>
    private async Task AssertRestoreUndoneAsync(TestInstance instance, InstanceResponse settled, JobState state, JobState expected, string archive)
    {
        Assert.True(settled.State == InstanceState.Failed && state == expected,
            $"{instance.Name} is {settled.State} (job {state}, not {expected}): {settled.LastError}\n{Stack.Diagnostics()}");
        await InstanceChecks.AssertNothingLeftAsync(Stack, instance.Name, alsoOnHost: [archive]);
    }

    /// <summary>
    /// Suspends or resumes (<paramref name="kind"/>) on a worker armed to kill itself at <paramref name="point"/>, restarts
    /// it, and checks that the instance ended <paramref name="done"/> (the job succeeded) or <paramref name="undone"/>,
    /// with the site as that state says: 503 with the maintenance page and the cron line commented out when Suspended,
    /// 200 and the line on when Active, and one of everything either way.
    /// </summary>
    private async Task SwitchKilledAtAsync(TestInstance instance, string point, JobKind kind, InstanceState done, InstanceState undone)
    {
        var jobsBefore = (await Stack.Api.JobsAsync(instance.Name)).Count;

        var settled = await KilledAtAsync(point, instance.Name, () => Stack.Api.ActAsync(instance.Name, kind == JobKind.Suspend ? "suspend" : "resume"));

        var (job, count) = await LatestJobAsync(instance.Name, kind);
        Assert.Equal(jobsBefore + 1, count);
        Assert.Equal(job.State == JobState.Succeeded ? done : undone, settled.State);

        var suspended = settled.State == InstanceState.Suspended;
        await InstanceChecks.AssertServedAsync(Stack, instance, settled, suspended ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK,
            suspended ? MaintenanceMode.PageTitle : InstanceChecks.SampleReleaseText);
        var line = Assert.Single(HostScan.CronLines(Stack.Worker, instance.Name));
        Assert.True(line.StartsWith('#') == suspended, $"the cron line of {settled.State} {instance.Name} is '{line}'");
        await InstanceChecks.AssertOneOfEverythingAsync(Stack, instance.Name);
    }
}
