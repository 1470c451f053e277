using System.Net.Http.Json;
using CentralDispatch.Core.Contracts;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Json;

namespace CentralDispatch.Bench.Harness;

/// <summary>The admin API calls the benchmarks make; each throws with the dispatcher's answer when it fails.</summary>
public static class AdminApi
{
    public static async Task CreateInstanceAsync(this HttpClient admin, CreateInstanceRequest request, CancellationToken cancellationToken)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/instances", request, CoreJson.Options, cancellationToken);
        await response.EnsureSuccessWithBodyAsync(cancellationToken);
    }

    /// <summary>Registers a worker; returns its enrolment token.</summary>
    public static async Task<string> RegisterWorkerAsync(this HttpClient admin, string name, int capacity, CancellationToken cancellationToken)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/workers",
            new RegisterWorkerRequest(name, $"https://{name}.bench.example", Capacity: capacity), CoreJson.Options, cancellationToken);
        await response.EnsureSuccessWithBodyAsync(cancellationToken);
        return (await response.Content.ReadFromJsonAsync<WorkerEnrolmentResponse>(CoreJson.Options, cancellationToken))!.Token;
    }

    public static Task<InstanceResponse> GetInstanceAsync(this HttpClient admin, string name, CancellationToken cancellationToken) =>
        admin.GetAsync<InstanceResponse>($"/api/v1/instances/{name}", cancellationToken);

    public static Task<JobResponse> GetJobAsync(this HttpClient admin, long id, CancellationToken cancellationToken) =>
        admin.GetAsync<JobResponse>($"/api/v1/jobs/{id}", cancellationToken);

    /// <summary>The instance's jobs, newest first.</summary>
    public static Task<IReadOnlyList<JobSummary>> ListJobsAsync(this HttpClient admin, string instance, CancellationToken cancellationToken) =>
        admin.GetAsync<IReadOnlyList<JobSummary>>($"/api/v1/instances/{instance}/jobs", cancellationToken);

    /// <summary>Every instance placed on <paramref name="worker"/> (the benchmarks stay under one page).</summary>
    public static async Task<IReadOnlyList<InstanceResponse>> ListInstancesAsync(this HttpClient admin, string worker, CancellationToken cancellationToken) =>
        (await admin.GetAsync<Page<InstanceResponse>>($"/api/v1/instances?worker={Uri.EscapeDataString(worker)}&pageSize=200", cancellationToken)).Items;

    /// <summary>Throws when the instance ended a deploy in a state other than Active, with the step and message it failed on.</summary>
    public static void EnsureNotFailed(this InstanceResponse instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.State is InstanceState.Failed or InstanceState.NeedsAttention)
        {
            throw new InvalidOperationException(
                $"Instance {instance.Name} ended {instance.State}: {instance.LastError?.Step}: {instance.LastError?.Message}");
        }
    }

    private static async Task<T> GetAsync<T>(this HttpClient admin, string path, CancellationToken cancellationToken)
    {
        using var response = await admin.GetAsync(path, cancellationToken);
        await response.EnsureSuccessWithBodyAsync(cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(CoreJson.Options, cancellationToken))!;
    }
}
