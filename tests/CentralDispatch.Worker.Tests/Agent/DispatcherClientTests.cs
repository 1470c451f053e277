using System.Net;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Worker.Agent;

namespace CentralDispatch.Worker.Tests.Agent;

public sealed class DispatcherClientTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private readonly DispatcherTestHost _dispatcher = fixture.Host;

    [Fact]
    public async Task Claim_ReturnsNull_WhenNothingIsQueued()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);

        Assert.Null(await agent.Client.ClaimAsync(0, CancellationToken.None));
        Assert.Equal(204, agent.Recorder.Log.Single().Status);
    }

    [Fact]
    public async Task JobCalls_ThrowLeaseLost_WhenTheLeaseIsNotHeld()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        await agent.Admin.CreateInstanceAsync(agent.WorkerName);
        var job = (await agent.Client.ClaimAsync(0, CancellationToken.None))!;

        var stale = await Assert.ThrowsAsync<LeaseLostException>(() =>
            agent.Client.HeartbeatAsync(job.JobId, new HeartbeatRequest(job.Attempt, Guid.NewGuid()), CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<LeaseLostException>(() =>
            agent.Client.CompleteAsync(long.MaxValue, new CompleteRequest(1, Guid.NewGuid(), JobState.Succeeded), CancellationToken.None));

        Assert.Equal(job.JobId, stale.JobId);
        Assert.Contains("409", stale.Message, StringComparison.Ordinal);
        Assert.Contains("404", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_ThrowACredentialError_ThatSaysWhatToDo_AndNotTheToken_WhenTheTokenIsRefused()
    {
        await using var agent = AgentHarness.Unregistered(_dispatcher.BaseAddress, _dispatcher.Admin());

        var refused = await Assert.ThrowsAsync<DispatcherCredentialException>(() =>
            agent.Client.HelloAsync(new HelloRequest("1.0.0", "host"), CancellationToken.None));

        Assert.Equal(401, refused.Status);
        Assert.Contains("Register the worker again", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(agent.Token, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_ThrowACredentialError_WhenAnAdminTokenIsUsedAsAWorkerToken()
    {
        await using var agent = AgentHarness.Unregistered(_dispatcher.BaseAddress, _dispatcher.Admin(), _dispatcher.AdminToken);

        var refused = await Assert.ThrowsAsync<DispatcherCredentialException>(() => agent.Client.ClaimAsync(0, CancellationToken.None));

        Assert.Equal(403, refused.Status);
    }

    [Fact]
    public async Task Calls_ThrowUnavailable_WhenTheDispatcherAnswers5xx()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        agent.Recorder.Intercept = (_, _) => Task.FromResult<HttpResponseMessage?>(TrafficRecorder.Status(HttpStatusCode.BadGateway));

        var failure = await Assert.ThrowsAsync<DispatcherUnavailableException>(() => agent.Client.ClaimAsync(0, CancellationToken.None));

        Assert.Contains("502", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_ThrowUnavailable_WhenNothingListens()
    {
        await using var agent = AgentHarness.Unregistered(ClosedPort.Address(), _dispatcher.Admin());

        await Assert.ThrowsAsync<DispatcherUnavailableException>(() => agent.Client.HelloAsync(new HelloRequest("1.0.0", "host"), CancellationToken.None));
    }

    [Fact]
    public async Task Events_ThrowRejected_WhenTheDispatcherRefusesTheBatch()
    {
        await using var agent = await AgentHarness.CreateAsync(_dispatcher);
        await agent.Admin.CreateInstanceAsync(agent.WorkerName);
        var job = (await agent.Client.ClaimAsync(0, CancellationToken.None))!;

        var refused = await Assert.ThrowsAsync<DispatcherRejectedException>(() => agent.Client.SendEventsAsync(job.JobId,
            new EventsRequest(job.Attempt, job.LeaseToken, [new StepEventReport("not a step!", StepPhase.Started, DateTimeOffset.UtcNow)]),
            CancellationToken.None));

        Assert.Equal(400, refused.Status);
    }

    [Fact]
    public void BaseAddress_KeepsAPathPrefix()
    {
        Assert.Equal("https://example.com/dispatch/", DispatcherClient.BaseAddressFor("https://example.com/dispatch").AbsoluteUri);
        Assert.Equal("https://example.com/", DispatcherClient.BaseAddressFor("https://example.com/").AbsoluteUri);
    }
}
