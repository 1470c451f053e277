using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Json;

namespace CentralDispatch.EndToEnd.Tests.Infrastructure;

/// <summary>The dispatcher's REST API as an administrator calls it (bearer token), with the waits the tests need.</summary>
public sealed class DispatcherApi(Uri address, string token) : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly HttpClient _client = CreateClient(address, token);

    public async Task<WorkerEnrolmentResponse> RegisterWorkerAsync(string name) =>
        await PostAsync<WorkerEnrolmentResponse>("/api/v1/workers", new RegisterWorkerRequest(name, "http://127.0.0.1"));

    public async Task<InstanceResponse> CreateInstanceAsync(CreateInstanceRequest request) =>
        await PostAsync<InstanceResponse>("/api/v1/instances", request);

    /// <summary>POST /api/v1/instances/{name}/{action} (redeploy, suspend, decommission, …): the queued job.</summary>
    public async Task<JobSummary> ActAsync(string name, string action, InstanceActionRequest? body = null) =>
        await PostAsync<JobSummary>($"{InstancePath(name)}/{action}", body ?? new InstanceActionRequest());

    /// <summary>POST /api/v1/instances/{name}/restore: the instance, Pending again, with a Deploy from its archive queued.</summary>
    public async Task<InstanceResponse> RestoreAsync(string name, RestoreInstanceRequest? body = null) =>
        await PostAsync<InstanceResponse>($"{InstancePath(name)}/restore", body ?? new RestoreInstanceRequest());

    /// <summary>POST /api/v1/jobs/{id}/cancel: the job, cancelled at once or asked to stop.</summary>
    public async Task<JobResponse> CancelJobAsync(long id) => await PostAsync<JobResponse>($"/api/v1/jobs/{id}/cancel", new { });

    public async Task<InstanceResponse> GetInstanceAsync(string name) =>
        (await _client.GetFromJsonAsync<InstanceResponse>(InstancePath(name), CoreJson.Options))!;

    /// <summary>GET /api/v1/instances/{name} as raw JSON: what any API client sees, field names included.</summary>
    public async Task<JsonDocument> GetInstanceJsonAsync(string name) =>
        JsonDocument.Parse(await _client.GetStringAsync(InstancePath(name)));

    public async Task<IReadOnlyList<JobSummary>> JobsAsync(string instance) =>
        (await _client.GetFromJsonAsync<List<JobSummary>>(InstancePath(instance) + "/jobs", CoreJson.Options))!;

    /// <summary>
    /// Polls until none of the instance's jobs is still queued or running and the instance is in no in-progress state
    /// (Active, Failed, NeedsAttention, Suspended or Archived); <paramref name="diagnostics"/> goes into the failure
    /// message when that does not happen in time.
    /// </summary>
    public async Task<InstanceResponse> WaitUntilSettledAsync(string name, TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        InstanceResponse instance;
        IReadOnlyList<JobSummary> jobs;
        do
        {
            // Jobs first: a suspend or rotation leaves the instance's state as it was while it runs, so an instance read
            // before the job's end and jobs read after it would pass for settled. The dispatcher ends both together.
            jobs = await JobsAsync(name);
            instance = await GetInstanceAsync(name);
            if (instance.State is not (InstanceState.Pending or InstanceState.Deploying or InstanceState.Updating or InstanceState.Decommissioning)
                && jobs.All(j => j.State.IsFinished()))
            {
                return instance;
            }

            await Task.Delay(Poll);
        }
        while (DateTimeOffset.UtcNow < deadline);

        var jobStates = string.Join(", ", jobs.Select(j => $"job {j.Id} {j.Kind} {j.State} attempt {j.Attempt} {j.Error}"));
        throw new TimeoutException($"Instance {name} is still {instance.State} after {timeout} ({jobStates}).\n{diagnostics()}");
    }

    /// <summary>Polls the instance's jobs until one matches <paramref name="wanted"/>; returns it.</summary>
    public async Task<JobSummary> WaitForJobAsync(string instance, Func<JobSummary, bool> wanted, TimeSpan timeout, Func<string> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var deadline = DateTimeOffset.UtcNow + timeout;
        IReadOnlyList<JobSummary> jobs;
        do
        {
            jobs = await JobsAsync(instance);
            if (jobs.FirstOrDefault(wanted) is { } found)
            {
                return found;
            }

            await Task.Delay(Poll);
        }
        while (DateTimeOffset.UtcNow < deadline);

        throw new TimeoutException($"No job of {instance} came to the state awaited in {timeout} ({string.Join(", ", jobs.Select(j => $"job {j.Id} {j.Kind} {j.State} attempt {j.Attempt}"))}).\n{diagnostics()}");
    }

    public void Dispose() => _client.Dispose();

    private static string InstancePath(string name) => $"/api/v1/instances/{Uri.EscapeDataString(name)}";

    private async Task<T> PostAsync<T>(string path, object body)
    {
        using var response = await _client.PostAsJsonAsync(path, body, CoreJson.Options);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<T>(CoreJson.Options))!;
    }

    private static HttpClient CreateClient(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
