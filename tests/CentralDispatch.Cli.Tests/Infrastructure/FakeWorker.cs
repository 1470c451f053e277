using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Json;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Cli.Tests.Infrastructure;

/// <summary>The test acting as a worker through the real HTTP agent endpoints (hello, claim, events, complete), so jobs finish without a real worker.</summary>
public sealed class FakeWorker : IDisposable
{
    private readonly HttpClient _agent;

    private FakeWorker(string name, HttpClient agent)
    {
        Name = name;
        _agent = agent;
    }

    public string Name { get; }

    /// <summary>Registers a worker through the API and says hello as it, so it is Online.</summary>
    public static async Task<FakeWorker> StartAsync(DispatcherTestHost host, string? name = null)
    {
        name ??= TestNames.Unique("w");
        using var admin = host.Admin();
        var response = await admin.PostAsJsonAsync("api/v1/workers", new RegisterWorkerRequest(name, $"https://{name}.hosts.example", Capacity: 50), CoreJson.Options);
        var worker = await ReadAsync<WorkerEnrolmentResponse>(response, HttpStatusCode.Created);
        var agent = host.Client(worker.Token);
        await ReadAsync<HelloResponse>(await agent.PostAsJsonAsync("api/v1/agent/hello", new HelloRequest("1.0.0", "test-host"), CoreJson.Options), HttpStatusCode.OK);
        return new FakeWorker(name, agent);
    }

    /// <summary>Long-polls for this worker's next job (the CLI under test queues it meanwhile).</summary>
    public async Task<JobAssignment> ClaimAsync(int waitSeconds = 60)
    {
        var response = await _agent.PostAsJsonAsync("api/v1/agent/claim", new ClaimRequest(waitSeconds), CoreJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected a job to claim, got {(int)response.StatusCode}");
        return await ReadAsync<JobAssignment>(response, HttpStatusCode.OK);
    }

    /// <summary>Claims the job a `dispatch` process running in the background queues; fails with its output if it ends first.</summary>
    public async Task<JobAssignment> ClaimAsync(Task<CliResult> cli)
    {
        var claim = ClaimAsync();
        if (await Task.WhenAny(claim, cli) == cli && !claim.IsCompleted)
        {
            Assert.Fail($"dispatch ended before the worker could claim its job: {await cli}");
        }

        return await claim;
    }

    public async Task ReportAsync(JobAssignment job, params StepEventReport[] events)
    {
        var response = await _agent.PostAsJsonAsync($"api/v1/agent/jobs/{job.JobId}/events", new EventsRequest(job.Attempt, job.LeaseToken, [.. events]), CoreJson.Options);
        Assert.True(response.IsSuccessStatusCode, $"events: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task CompleteAsync(JobAssignment job, JobState outcome, JobErrorReport? error = null, JobFactsReport? facts = null)
    {
        var response = await _agent.PostAsJsonAsync($"api/v1/agent/jobs/{job.JobId}/complete", new CompleteRequest(job.Attempt, job.LeaseToken, outcome, error, facts), CoreJson.Options);
        Assert.True(response.IsSuccessStatusCode, $"complete: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Claims the next job and reports it done with two successful steps.</summary>
    public async Task<JobAssignment> SucceedNextAsync()
    {
        var job = await ClaimAsync();
        var now = DateTimeOffset.UtcNow;
        await ReportAsync(job, new StepEventReport("Preflight", StepPhase.Started, now), new StepEventReport("Preflight", StepPhase.Succeeded, now, 12));
        await CompleteAsync(job, JobState.Succeeded, facts: new JobFactsReport(Url: $"https://{job.Instance.Hostname}/"));
        return job;
    }

    public void Dispose() => _agent.Dispose();

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, CoreJson.Options)!;
    }
}
