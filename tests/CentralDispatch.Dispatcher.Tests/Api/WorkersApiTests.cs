using System.Net;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Domain;
using CentralDispatch.Dispatcher.Tests.Infrastructure;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Dispatcher.Tests.Api;

public sealed class WorkersApiTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private readonly DispatcherTestHost _host = fixture.Host;

    [Fact]
    public async Task Register_ReturnsTokenOnce_AndNeverShowsItAgain()
    {
        var admin = _host.Admin();
        var worker = await admin.RegisterWorkerAsync();

        Assert.StartsWith("cdw_", worker.Token, StringComparison.Ordinal);
        Assert.Equal(WorkerState.Enrolled, worker.State);
        Assert.Equal("/var/www", worker.InstallPath);
        var one = await admin.GetStringAsync($"/api/v1/workers/{worker.Name}");
        var all = await admin.GetStringAsync("/api/v1/workers");
        Assert.DoesNotContain(worker.Token, one, StringComparison.Ordinal);
        Assert.DoesNotContain(worker.Token, all, StringComparison.Ordinal);
        Assert.DoesNotContain("\"token\"", one, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_RefusesDuplicateName_WithConflictNamingTheField()
    {
        var admin = _host.Admin();
        var worker = await admin.RegisterWorkerAsync();

        var again = await admin.PostJsonAsync("/api/v1/workers", new RegisterWorkerRequest(worker.Name, "https://other.example.com"));

        var problem = await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Hello_MarksWorkerOnline_WithItsAgentVersion()
    {
        var (worker, _) = await _host.OnlineWorkerAsync();

        var shown = await (await _host.Admin().GetAsync($"/api/v1/workers/{worker.Name}")).ReadAsync<WorkerResponse>();

        Assert.Equal(WorkerState.Online, shown.State);
        Assert.Equal("1.0.0", shown.AgentVersion);
        Assert.NotNull(shown.LastSeenAt);
    }

    [Fact]
    public async Task RotateToken_OldTokenStopsWorking_NewOneWorks()
    {
        var (worker, oldAgent) = await _host.OnlineWorkerAsync();

        var rotated = await (await _host.Admin().PostAsync($"/api/v1/workers/{worker.Name}/token", null)).ReadAsync<WorkerEnrolmentResponse>();

        Assert.NotEqual(worker.Token, rotated.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldAgent.ClaimRawAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _host.Client(rotated.Token).ClaimRawAsync()).StatusCode);
    }

    [Fact]
    public async Task Drain_StopsPlacementOnTheWorker()
    {
        var admin = _host.Admin();
        var (worker, _) = await _host.OnlineWorkerAsync();

        var drained = await (await admin.PostAsync($"/api/v1/workers/{worker.Name}/drain", null)).ReadAsync<WorkerResponse>();
        var name = TestNames.Unique("i");
        var refused = await admin.PostJsonAsync("/api/v1/instances",
            new Core.Contracts.Instances.CreateInstanceRequest(name, TestNames.Hostname(name), Worker: worker.Name, BackendEmail: "ops@example.com"));

        Assert.Equal(WorkerState.Draining, drained.State);
        var problem = await refused.ProblemAsync(HttpStatusCode.Conflict);
        Assert.True(problem.GetProperty("errors").TryGetProperty("worker", out _));
    }

    [Fact]
    public async Task Delete_IsRefusedWhileTheWorkerHostsLiveInstances_AndWorksWhenEmpty()
    {
        var admin = _host.Admin();
        var (busy, _) = await _host.OnlineWorkerAsync();
        await admin.CreateInstanceAsync(busy.Name);
        var empty = await admin.RegisterWorkerAsync();

        var refused = await admin.DeleteAsync($"/api/v1/workers/{busy.Name}");
        var removed = await admin.DeleteAsync($"/api/v1/workers/{empty.Name}");

        await refused.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/workers/{empty.Name}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Client(empty.Token).ClaimRawAsync()).StatusCode);
        var reRegistered = await admin.RegisterWorkerAsync(empty.Name);
        Assert.Equal(empty.Name, reRegistered.Name);
    }

    [Fact]
    public async Task Get_UnknownWorker_Is404ProblemDetails()
    {
        var response = await _host.Admin().GetAsync("/api/v1/workers/no-such-worker");

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("no-such-worker", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
