using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Json;
using CentralDispatch.Testing;

namespace CentralDispatch.Worker.Tests.Agent;

/// <summary>The admin API calls the agent tests need, failing with the response body on an unexpected status.</summary>
public static class AdminCalls
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, CoreJson.Options)!;
    }

    public static async Task<WorkerEnrolmentResponse> RegisterWorkerAsync(this HttpClient admin)
    {
        var name = TestNames.Unique("w");
        var response = await admin.PostAsJsonAsync("/api/v1/workers",
            new RegisterWorkerRequest(name, $"https://{name}.hosts.example", Capacity: 50), CoreJson.Options);
        return await response.ReadAsync<WorkerEnrolmentResponse>(HttpStatusCode.Created);
    }

    /// <summary>Creates an instance on the worker; its Deploy job is queued at once.</summary>
    public static async Task<InstanceResponse> CreateInstanceAsync(this HttpClient admin, string worker)
    {
        var name = TestNames.Unique("i");
        var response = await admin.PostAsJsonAsync("/api/v1/instances",
            new CreateInstanceRequest(name, TestNames.Hostname(name), Worker: worker, BackendEmail: "ops@example.com"), CoreJson.Options);
        return await response.ReadAsync<InstanceResponse>(HttpStatusCode.Created);
    }

    public static async Task<InstanceResponse> GetInstanceAsync(this HttpClient admin, string name) =>
        await (await admin.GetAsync($"/api/v1/instances/{name}")).ReadAsync<InstanceResponse>();

    public static async Task<JobResponse> GetJobAsync(this HttpClient admin, long id) =>
        await (await admin.GetAsync($"/api/v1/jobs/{id}")).ReadAsync<JobResponse>();

    public static async Task<long> DeployJobIdAsync(this HttpClient admin, InstanceResponse instance) =>
        instance.CurrentJob?.Id ?? (await admin.GetInstanceAsync(instance.Name)).CurrentJob!.Id;

    public static async Task CancelJobAsync(this HttpClient admin, long id)
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/jobs/{id}/cancel", new { }, CoreJson.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JobSummary> ActAsync(this HttpClient admin, string instance, string action)
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/instances/{instance}/{action}", new { }, CoreJson.Options);
        return await response.ReadAsync<JobSummary>(HttpStatusCode.Accepted);
    }
}
