using System.Net;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;
using CentralDispatch.Dispatcher.Tests.Infrastructure;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Dispatcher.Tests.Api;

/// <summary>The instances API, run against every store provider (see the subclasses).</summary>
public abstract class InstancesApiSuite
{
    protected abstract DispatcherTestHost Host { get; }

    [Fact]
    public async Task Create_StartsPending_WithAQueuedDeployJob_AndDerivedNames()
    {
        var admin = Host.Admin();
        var (worker, _) = await Host.OnlineWorkerAsync();

        var instance = await admin.CreateInstanceAsync(worker.Name);

        Assert.Equal(InstanceState.Pending, instance.State);
        Assert.Equal(worker.Name, instance.Worker);
        Assert.Equal(JobKind.Deploy, instance.CurrentJob!.Kind);
        Assert.Equal(JobState.Queued, instance.CurrentJob.State);
        Assert.Equal("cd_" + instance.Name.Replace('-', '_'), instance.Database);
        Assert.Equal($"/var/www/{instance.Name}", instance.Webroot);
        Assert.Equal("default", instance.Release);
    }

    [Fact]
    public async Task Create_WithoutWorker_PlacesOnTheLeastLoadedOnlineWorker()
    {
        var admin = Host.Admin();
        // A dedicated fixture would make "least loaded" global; here capacity makes the choice deterministic:
        // a worker with huge capacity and no instances has the lowest load of all.
        var (roomy, _) = await Host.OnlineWorkerAsync(capacity: 10_000);
        var name = TestNames.Unique("auto");

        var response = await admin.PostJsonAsync("/api/v1/instances",
            new CreateInstanceRequest(name, TestNames.Hostname(name), BackendEmail: "ops@example.com"));
        var created = await response.ReadAsync<InstanceResponse>(HttpStatusCode.Created);

        Assert.Equal(roomy.Name, created.Worker);
    }

    [Fact]
    public async Task Create_RefusesTakenNameAndHostname_WithConflictNamingTheField()
    {
        var admin = Host.Admin();
        var (worker, _) = await Host.OnlineWorkerAsync();
        var first = await admin.CreateInstanceAsync(worker.Name);
        var other = TestNames.Unique("i");

        var sameName = await admin.PostJsonAsync("/api/v1/instances",
            new CreateInstanceRequest(first.Name, TestNames.Hostname(other), Worker: worker.Name, BackendEmail: "ops@example.com"));
        var sameHost = await admin.PostJsonAsync("/api/v1/instances",
            new CreateInstanceRequest(other, first.Hostname, Worker: worker.Name, BackendEmail: "ops@example.com"));
        var hostAsAlias = await admin.PostJsonAsync("/api/v1/instances",
            new CreateInstanceRequest(other, TestNames.Hostname(other), [first.Hostname], worker.Name, BackendEmail: "ops@example.com"));

        Assert.True((await sameName.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("errors").TryGetProperty("name", out _));
        Assert.True((await sameHost.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("errors").TryGetProperty("hostname", out _));
        Assert.True((await hostAsAlias.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("errors").TryGetProperty("aliases", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/instances/{other}")).StatusCode);
    }

    [Fact]
    public async Task Create_OnUnknownWorker_IsRefusedNamingWorker()
    {
        var name = TestNames.Unique("i");
        var response = await Host.Admin().PostJsonAsync("/api/v1/instances",
            new CreateInstanceRequest(name, TestNames.Hostname(name), Worker: "no-such-worker", BackendEmail: "ops@example.com"));

        Assert.True((await response.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("errors").TryGetProperty("worker", out _));
    }

    [Fact]
    public async Task Actions_NotAllowedByState_Answer409WithTheReason_AndQueueNothing()
    {
        var admin = Host.Admin();
        var (worker, _) = await Host.OnlineWorkerAsync();
        var instance = await admin.CreateInstanceAsync(worker.Name);

        foreach (var action in new[] { "redeploy", "suspend", "resume", "decommission", "rotate-certificate", "retry" })
        {
            var response = await admin.PostJsonAsync($"/api/v1/instances/{instance.Name}/{action}", new { });
            var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("Pending", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var deployAgain = await admin.PostJsonAsync($"/api/v1/instances/{instance.Name}/deploy", new { });
        var unfinished = await deployAgain.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already has job", unfinished.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var jobs = await (await admin.GetAsync($"/api/v1/instances/{instance.Name}/jobs"))
            .ReadAsync<List<Core.Contracts.Jobs.JobSummary>>();
        Assert.Single(jobs);
    }

    [Fact]
    public async Task UnknownAction_Is404()
    {
        var admin = Host.Admin();
        var (worker, _) = await Host.OnlineWorkerAsync();
        var instance = await admin.CreateInstanceAsync(worker.Name);

        var response = await admin.PostJsonAsync($"/api/v1/instances/{instance.Name}/explode", new { });

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_FiltersByWorkerStateAndText_AndPages()
    {
        var admin = Host.Admin();
        var (worker, _) = await Host.OnlineWorkerAsync();
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            names.Add((await admin.CreateInstanceAsync(worker.Name)).Name);
        }

        var byWorker = await admin.ListInstancesAsync($"?worker={worker.Name}&pageSize=2&page=2");
        var byText = await admin.ListInstancesAsync($"?q={names[3]}");
        var pending = await admin.ListInstancesAsync($"?worker={worker.Name}&state=Pending");
        var active = await admin.ListInstancesAsync($"?worker={worker.Name}&state=active");

        Assert.Equal(5, byWorker.Total);
        Assert.Equal(2, byWorker.Items.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal).Skip(2).Take(2), byWorker.Items.Select(i => i.Name));
        Assert.Equal(names[3], Assert.Single(byText.Items).Name);
        Assert.Equal(5, pending.Total);
        Assert.Equal(0, active.Total);
    }

    [Theory]
    [InlineData("?state=Exploded", "state")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=1000", "pageSize")]
    [InlineData("?page=0", "page")]
    [InlineData("?worker=../etc", "worker")]
    [InlineData("?expiringWithinDays=-1", "expiringWithinDays")]
    public async Task List_RefusesBadFilters_NamingTheParameter(string query, string field)
    {
        var response = await Host.Admin().GetAsync($"/api/v1/instances{query}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
