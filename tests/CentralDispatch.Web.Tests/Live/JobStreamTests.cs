using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Json;
using CentralDispatch.Dispatcher.Store;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CentralDispatch.Web.Tests.Live;

/// <summary>
/// The live stream under the UI, read as the browser's EventSource reads it, while a scripted agent reports a job
/// over the real agent API: steps, state changes, the end; resuming from Last-Event-ID; and events another replica
/// stored (no in-process signal) arriving through the poll fallback.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class JobStreamTests(WebFixture fixture)
{
    [Fact]
    public async Task Stream_SendsStepsAndStates_AsTheWorkerReports_ThenEnds_AndResumesAfterLastEventId()
    {
        var (name, job, agent) = await ClaimedJobAsync();
        using var session = await UiSignIn.SessionAsync(fixture.BaseAddress, fixture.AdminEmail, WebFixture.Password);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var stream = await OpenAsync(session, name, job.JobId, null, timeout.Token);
        await using var events = stream.GetAsyncEnumerator(timeout.Token);

        var first = await NextAsync(events);
        Assert.Equal("job", first.EventType);
        Assert.Equal("Running", Field(first, "state"));
        Assert.Equal("Deploying", Field(first, "instanceState"));

        await ReportAsync(agent, job, new StepEventReport("Preflight", StepPhase.Started, DateTimeOffset.UtcNow));
        var started = await NextAsync(events);
        Assert.Equal(("step", "Preflight", "running"), (started.EventType, Field(started, "step"), Field(started, "status")));

        await ReportAsync(agent, job, new StepEventReport("Preflight", StepPhase.Succeeded, DateTimeOffset.UtcNow, 12));
        var done = await NextAsync(events);
        Assert.Equal(("Preflight", "done", "12 ms"), (Field(done, "step"), Field(done, "status"), Field(done, "duration")));

        // Stored by "another replica": straight into the store, so no in-process signal wakes the stream.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DispatchDbContext>();
            db.StepEvents.Add(StepEvent.Record(job.JobId, job.Attempt, "DatabaseUser", StepPhase.Started, DateTimeOffset.UtcNow, null, null));
            await db.SaveChangesAsync();
        }

        var polled = await NextAsync(events);
        Assert.Equal(("DatabaseUser", "running"), (Field(polled, "step"), Field(polled, "status")));

        var complete = await agent.PostAsJsonAsync($"/api/v1/agent/jobs/{job.JobId}/complete",
            new CompleteRequest(job.Attempt, job.LeaseToken, JobState.Succeeded, Facts: new JobFactsReport(Url: $"https://{name}.test.example/")),
            CoreJson.Options);
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        var finished = await NextAsync(events);
        Assert.Equal(("job", "Succeeded", "Active", "True"),
            (finished.EventType, Field(finished, "state"), Field(finished, "instanceState"), Field(finished, "finished")));
        Assert.Equal("done", (await NextAsync(events)).EventType);
        Assert.False(await events.MoveNextAsync());

        // A reconnecting EventSource sends the last id it saw: only what came after is sent again.
        await using var resumed = await OpenAsync(session, name, job.JobId, started.EventId, timeout.Token);
        var replay = new List<SseItem<string>>();
        await foreach (var item in resumed.WithCancellation(timeout.Token))
        {
            replay.Add(item);
        }

        Assert.Equal(["step", "step", "job", "done"], replay.Select(i => i.EventType));
        Assert.Equal(["Preflight", "DatabaseUser"], replay.Take(2).Select(i => Field(i, "step")));
    }

    [Fact]
    public async Task Stream_OfAJobOfAnotherInstance_IsNotFound()
    {
        var (_, job, _) = await ClaimedJobAsync();
        using var session = await UiSignIn.SessionAsync(fixture.BaseAddress, fixture.AdminEmail, WebFixture.Password);

        var response = await session.GetAsync($"/instances/some-other/jobs/{job.JobId}/events");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>An instance on a worker of its own, whose Deploy job this test's scripted agent has claimed.</summary>
    private async Task<(string Name, JobAssignment Job, HttpClient Agent)> ClaimedJobAsync()
    {
        var workerName = TestNames.Unique("sse");
        var worker = await fixture.RegisterWorkerAsync(workerName);
        var name = TestNames.Unique("sse");
        await fixture.CreateInstanceAsync(name, workerName);
        var agent = new HttpClient { BaseAddress = fixture.BaseAddress };
        agent.DefaultRequestHeaders.Authorization = new("Bearer", worker.Token);
        var claim = await agent.PostAsJsonAsync("/api/v1/agent/claim", new ClaimRequest(0), CoreJson.Options);
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        return (name, (await claim.Content.ReadFromJsonAsync<JobAssignment>(CoreJson.Options))!, agent);
    }

    private static async Task ReportAsync(HttpClient agent, JobAssignment job, StepEventReport report)
    {
        var response = await agent.PostAsJsonAsync($"/api/v1/agent/jobs/{job.JobId}/events",
            new EventsRequest(job.Attempt, job.LeaseToken, [report]), CoreJson.Options);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static async Task<StreamOfEvents> OpenAsync(HttpClient session, string instance, long jobId, string? lastEventId,
        CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/instances/{instance}/jobs/{jobId}/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await session.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new StreamOfEvents(response, await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    private static async Task<SseItem<string>> NextAsync(IAsyncEnumerator<SseItem<string>> events)
    {
        Assert.True(await events.MoveNextAsync(), "The stream ended early.");
        return events.Current;
    }

    private static string? Field(SseItem<string> item, string name) =>
        JsonDocument.Parse(item.Data).RootElement.GetProperty(name).ToString();

    /// <summary>An open event stream; disposing it hangs up.</summary>
    private sealed class StreamOfEvents(HttpResponseMessage response, Stream body) : IAsyncEnumerable<SseItem<string>>, IAsyncDisposable
    {
        public IAsyncEnumerator<SseItem<string>> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            SseParser.Create(body).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await body.DisposeAsync();
            response.Dispose();
        }
    }
}
