using System.Net;
using System.Net.Http.Json;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Json;
using CentralDispatch.Dispatcher.Tests.Infrastructure;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Testing.Tls;

namespace CentralDispatch.Dispatcher.Tests.Api;

/// <summary>The instance lifecycle through the API and the agent protocol: decommission, restore, redeploy, suspend/resume, expiry.</summary>
public sealed class LifecycleApiTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private readonly DispatcherTestHost _host = fixture.Host;

    [Fact]
    public async Task Decommission_ReportedWithItsArchive_MakesTheInstanceArchived_KeepingThePath()
    {
        var (admin, agent, instance) = await ActiveAsync();

        var archived = await DecommissionAsync(admin, agent, instance.Name, JobState.Succeeded);

        Assert.Equal(InstanceState.Archived, archived.State);
        Assert.Equal(ArchiveOf(instance.Name), archived.ArchivePath);
        Assert.Null(archived.Url);
    }

    [Fact]
    public async Task Decommission_ThatCouldNotRemoveEverything_IsNeedsAttention_WithTheLeftoversAndTheArchivePath()
    {
        var (admin, agent, instance) = await ActiveAsync();

        var after = await DecommissionAsync(admin, agent, instance.Name, JobState.NeedsAttention, ["database:cd_x — injected"]);

        Assert.Equal(InstanceState.NeedsAttention, after.State);
        Assert.Equal(ArchiveOf(instance.Name), after.ArchivePath);
        Assert.Equal(["database:cd_x — injected"], after.LastError!.Leftovers);
    }

    [Fact]
    public async Task Restore_UnderTheSameName_MakesItPendingAgain_AndQueuesADeployThatReadsTheArchive()
    {
        var (admin, agent, instance) = await ActiveAsync();
        await DecommissionAsync(admin, agent, instance.Name, JobState.Succeeded);

        var restored = await (await admin.PostJsonAsync($"/api/v1/instances/{instance.Name}/restore", new { })).ReadAsync<InstanceResponse>(HttpStatusCode.Accepted);
        var job = (await agent.ClaimAsync())!;
        await (await agent.SucceedAsync(job, "https://x/")).ReadAsync<CompleteResponse>();

        Assert.Equal(InstanceState.Pending, restored.State);
        Assert.Equal(JobKind.Deploy, restored.CurrentJob!.Kind);
        Assert.Equal(JobKind.Deploy, job.Kind);
        Assert.Equal(ArchiveOf(instance.Name), job.Parameters.RestoreFromArchive);
        Assert.Equal(instance.Hostname, job.Instance.Hostname);
        Assert.Equal(InstanceState.Active, (await admin.GetInstanceAsync(instance.Name)).State);
    }

    [Fact]
    public async Task Restore_UnderANewNameAndHostname_CreatesAnotherInstanceOnTheArchivesWorker_AndTheArchivedOneStays()
    {
        var (admin, agent, instance) = await ActiveAsync();
        await DecommissionAsync(admin, agent, instance.Name, JobState.Succeeded);
        var name = TestNames.Unique("copy");
        var pem = TestCertificates.ForHosts(TestNames.Hostname(name));

        var restored = await (await admin.PostJsonAsync($"/api/v1/instances/{instance.Name}/restore",
                new RestoreInstanceRequest(name, TestNames.Hostname(name), CertificatePem: pem.CertificatePem, KeyPem: pem.KeyPem)))
            .ReadAsync<InstanceResponse>(HttpStatusCode.Accepted);
        var job = (await agent.ClaimAsync())!;

        Assert.Equal(name, restored.Name);
        Assert.Equal(instance.Worker, restored.Worker);
        Assert.Equal(InstanceState.Pending, restored.State);
        Assert.NotNull(restored.Certificate);
        Assert.Equal(name, job.Instance.Name);
        Assert.Equal(ArchiveOf(instance.Name), job.Parameters.RestoreFromArchive);
        Assert.NotNull(job.Instance.Tls);
        Assert.Equal(InstanceState.Archived, (await admin.GetInstanceAsync(instance.Name)).State);
    }

    [Fact]
    public async Task Retry_OfARestoreThatFailed_DeploysFromTheArchiveAgain()
    {
        var (admin, agent, instance) = await ActiveAsync();
        await DecommissionAsync(admin, agent, instance.Name, JobState.Succeeded);
        await (await admin.PostJsonAsync($"/api/v1/instances/{instance.Name}/restore", new { })).ReadAsync<InstanceResponse>(HttpStatusCode.Accepted);
        var first = (await agent.ClaimAsync())!;
        await (await agent.CompleteAsync(first, new CompleteRequest(first.Attempt, first.LeaseToken, JobState.RolledBack,
            new JobErrorReport("Database", "the dump did not load")))).ReadAsync<CompleteResponse>();

        await admin.ActAsync(instance.Name, "retry");
        var second = (await agent.ClaimAsync())!;

        Assert.Equal(ArchiveOf(instance.Name), second.Parameters.RestoreFromArchive);
    }

    [Fact]
    public async Task Restore_IsRefused_WithTheReason()
    {
        var (admin, agent, active) = await ActiveAsync();
        var (_, _, other) = await ActiveAsync();
        var notArchived = await admin.PostJsonAsync($"/api/v1/instances/{active.Name}/restore", new { });
        await DecommissionAsync(admin, agent, active.Name, JobState.Succeeded);
        var takenName = await admin.PostJsonAsync($"/api/v1/instances/{active.Name}/restore", new RestoreInstanceRequest(Name: other.Name));
        var takenHost = await admin.PostJsonAsync($"/api/v1/instances/{active.Name}/restore",
            new RestoreInstanceRequest(Name: TestNames.Unique("n"), Hostname: other.Hostname));
        var badHost = await admin.PostJsonAsync($"/api/v1/instances/{active.Name}/restore", new RestoreInstanceRequest(Hostname: "Not A Host"));
        var unknown = await admin.PostJsonAsync("/api/v1/instances/no-such-instance/restore", new { });

        Assert.Contains("Active", (await notArchived.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True((await takenName.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("errors").TryGetProperty("name", out _));
        Assert.True((await takenHost.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("errors").TryGetProperty("hostname", out _));
        Assert.True((await badHost.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("hostname", out _));
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(InstanceState.Archived, (await admin.GetInstanceAsync(active.Name)).State);
    }

    [Fact]
    public async Task Restore_WithTheArchivedCertificate_ThatDoesNotCoverTheNewHostname_IsRefusedNamingTheCertificate()
    {
        var admin = _host.Admin();
        var (worker, agent) = await _host.OnlineWorkerAsync();
        var name = TestNames.Unique("tls");
        var pem = TestCertificates.ForHosts(TestNames.Hostname(name));
        await (await admin.PostJsonAsync("/api/v1/instances", new CreateInstanceRequest(name, TestNames.Hostname(name), Worker: worker.Name,
            BackendEmail: "ops@example.com", CertificatePem: pem.CertificatePem, KeyPem: pem.KeyPem))).ReadAsync<InstanceResponse>(HttpStatusCode.Created);
        await (await agent.SucceedAsync((await agent.ClaimAsync())!)).ReadAsync<CompleteResponse>();
        await DecommissionAsync(admin, agent, name, JobState.Succeeded);

        var response = await admin.PostJsonAsync($"/api/v1/instances/{name}/restore", new RestoreInstanceRequest(Hostname: "elsewhere.example.org"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var messages = problem.GetProperty("errors").GetProperty("certificatePem").ToString();
        Assert.Contains("archived instance's certificate", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeploy_Succeeding_TakesTheReportedRelease_AndFailing_StaysActiveOnThePreviousOne_WithTheError()
    {
        var (admin, agent, instance) = await ActiveAsync();

        await admin.ActAsync(instance.Name, "redeploy", new InstanceActionRequest(Release: "v2"));
        var ok = (await agent.ClaimAsync())!;
        var updating = await admin.GetInstanceAsync(instance.Name);
        await (await agent.CompleteAsync(ok, new CompleteRequest(ok.Attempt, ok.LeaseToken, JobState.Succeeded, Facts: new JobFactsReport(Release: "v2"))))
            .ReadAsync<CompleteResponse>();
        await admin.ActAsync(instance.Name, "redeploy", new InstanceActionRequest(Release: "v3"));
        var bad = (await agent.ClaimAsync())!;
        await (await agent.CompleteAsync(bad, new CompleteRequest(bad.Attempt, bad.LeaseToken, JobState.RolledBack,
            new JobErrorReport("HealthCheck", "answered 403")))).ReadAsync<CompleteResponse>();
        var after = await admin.GetInstanceAsync(instance.Name);

        Assert.Equal("v2", ok.Parameters.Release);
        Assert.Equal(InstanceState.Updating, updating.State);
        Assert.Equal(InstanceState.Active, after.State);
        Assert.Equal("v2", after.Release);
        Assert.Equal("HealthCheck", after.LastError!.Step);
    }

    [Fact]
    public async Task SuspendThenResume_MoveTheInstanceSuspendedThenActive()
    {
        var (admin, agent, instance) = await ActiveAsync();

        await admin.ActAsync(instance.Name, "suspend");
        await (await agent.SucceedAsync((await agent.ClaimAsync())!)).ReadAsync<CompleteResponse>();
        var suspended = await admin.GetInstanceAsync(instance.Name);
        await admin.ActAsync(instance.Name, "resume");
        await (await agent.SucceedAsync((await agent.ClaimAsync())!)).ReadAsync<CompleteResponse>();

        Assert.Equal(InstanceState.Suspended, suspended.State);
        Assert.Equal(InstanceState.Active, (await admin.GetInstanceAsync(instance.Name)).State);
    }

    [Fact]
    public async Task SuspendAndResume_AreTakenAgainInTheirEndState_AndQueueAJobThatReappliesIt()
    {
        var (admin, agent, instance) = await ActiveAsync();
        await admin.ActAsync(instance.Name, "suspend");
        await (await agent.SucceedAsync((await agent.ClaimAsync())!)).ReadAsync<CompleteResponse>();

        var again = await admin.PostAsync($"/api/v1/instances/{instance.Name}/suspend", null);
        var suspendAgain = (await agent.ClaimAsync())!;
        var whileRunning = await admin.GetInstanceAsync(instance.Name);
        await (await agent.SucceedAsync(suspendAgain)).ReadAsync<CompleteResponse>();
        var afterSecondSuspend = await admin.GetInstanceAsync(instance.Name);
        await admin.ActAsync(instance.Name, "resume");
        await (await agent.SucceedAsync((await agent.ClaimAsync())!)).ReadAsync<CompleteResponse>();
        var resumeAgain = await admin.PostAsync($"/api/v1/instances/{instance.Name}/resume", null);
        await (await agent.SucceedAsync((await agent.ClaimAsync())!)).ReadAsync<CompleteResponse>();

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(JobKind.Suspend, suspendAgain.Kind);
        Assert.Equal(InstanceState.Suspended, whileRunning.State);
        Assert.Equal(InstanceState.Suspended, afterSecondSuspend.State);
        Assert.Equal(HttpStatusCode.Accepted, resumeAgain.StatusCode);
        Assert.Equal(InstanceState.Active, (await admin.GetInstanceAsync(instance.Name)).State);
    }

    [Fact]
    public async Task ExpiringWithinDays_ListsOnlyLiveInstancesWhoseCertificateEndsWithinThatManyDays()
    {
        var admin = _host.Admin();
        var (worker, _) = await _host.OnlineWorkerAsync();
        var now = DateTimeOffset.UtcNow;
        var soon = await CreateWithCertificateAsync(admin, worker.Name, now.AddDays(20));
        var later = await CreateWithCertificateAsync(admin, worker.Name, now.AddDays(60));
        var none = await admin.CreateInstanceAsync(worker.Name);

        var within30 = await admin.ListInstancesAsync($"?worker={worker.Name}&expiringWithinDays=30");
        var within90 = await admin.ListInstancesAsync($"?worker={worker.Name}&expiringWithinDays=90");

        Assert.Equal([soon], within30.Items.Select(i => i.Name));
        Assert.Equal(19, within30.Items[0].Certificate!.DaysLeft);
        Assert.Equal(new[] { soon, later }.Order(StringComparer.Ordinal), within90.Items.Select(i => i.Name));
        Assert.DoesNotContain(none.Name, within90.Items.Select(i => i.Name));
    }

    private static string ArchiveOf(string name) => $"/var/lib/centraldispatch/archives/{name}-job.tar.gz";

    private async Task<(HttpClient Admin, HttpClient Agent, InstanceResponse Instance)> ActiveAsync()
    {
        var admin = _host.Admin();
        var (worker, agent) = await _host.OnlineWorkerAsync();
        var instance = await admin.CreateInstanceAsync(worker.Name);
        await (await agent.SucceedAsync((await agent.ClaimAsync())!, $"https://{instance.Hostname}/")).ReadAsync<CompleteResponse>();
        return (admin, agent, instance);
    }

    private static async Task<InstanceResponse> DecommissionAsync(HttpClient admin, HttpClient agent, string name, JobState outcome, List<string>? leftovers = null)
    {
        await admin.ActAsync(name, "decommission");
        var job = (await agent.ClaimAsync())!;
        var error = outcome == JobState.Succeeded ? null : new JobErrorReport(null, "removal left something", leftovers);
        await (await agent.CompleteAsync(job, new CompleteRequest(job.Attempt, job.LeaseToken, outcome, error, new JobFactsReport(ArchivePath: ArchiveOf(name)))))
            .ReadAsync<CompleteResponse>();
        return await admin.GetInstanceAsync(name);
    }

    private static async Task<string> CreateWithCertificateAsync(HttpClient admin, string worker, DateTimeOffset notAfter)
    {
        var name = TestNames.Unique("exp");
        var pem = TestCertificates.Authority.Issue([TestNames.Hostname(name)], DateTimeOffset.UtcNow.AddDays(-1), notAfter);
        var response = await admin.PostAsJsonAsync("/api/v1/instances", new CreateInstanceRequest(name, TestNames.Hostname(name), Worker: worker,
            BackendEmail: "ops@example.com", CertificatePem: pem.CertificatePem, KeyPem: pem.KeyPem), CoreJson.Options);
        return (await response.ReadAsync<InstanceResponse>(HttpStatusCode.Created)).Name;
    }
}
