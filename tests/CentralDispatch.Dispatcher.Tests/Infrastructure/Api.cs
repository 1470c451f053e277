using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CentralDispatch.Core.Contracts;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Json;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Testing.Tls;

namespace CentralDispatch.Dispatcher.Tests.Infrastructure;

/// <summary>Typed calls of the v1 API for tests, failing with the response body when the status is unexpected.</summary>
public static class Api
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, CoreJson.Options)!;
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, CoreJson.Options);

    public static async Task<WorkerEnrolmentResponse> RegisterWorkerAsync(this HttpClient admin, string? name = null, int capacity = 50)
    {
        name ??= TestNames.Unique("w");
        var response = await admin.PostJsonAsync("/api/v1/workers", new RegisterWorkerRequest(name, $"https://{name}.hosts.example", Capacity: capacity));
        return await response.ReadAsync<WorkerEnrolmentResponse>(HttpStatusCode.Created);
    }

    /// <summary>Registers a worker and says hello as it, so it is Online; returns its enrolment and an agent client.</summary>
    public static async Task<(WorkerEnrolmentResponse Worker, HttpClient Agent)> OnlineWorkerAsync(this DispatcherTestHost host, int capacity = 50)
    {
        var worker = await host.Admin().RegisterWorkerAsync(capacity: capacity);
        var agent = host.Client(worker.Token);
        var hello = await agent.PostJsonAsync("/api/v1/agent/hello", new HelloRequest("1.0.0", "test-host"));
        await hello.ReadAsync<HelloResponse>();
        return (worker, agent);
    }

    public static async Task<InstanceResponse> CreateInstanceAsync(this HttpClient admin, string worker, string? name = null)
    {
        name ??= TestNames.Unique("i");
        var response = await admin.PostJsonAsync("/api/v1/instances",
            new CreateInstanceRequest(name, TestNames.Hostname(name), Worker: worker, BackendEmail: "ops@example.com"));
        return await response.ReadAsync<InstanceResponse>(HttpStatusCode.Created);
    }

    /// <summary>Creates an instance with a TLS certificate and key (so the key is encrypted with the key ring); returns the certificate.</summary>
    public static async Task<PemCertificate> CreateInstanceWithCertificateAsync(this HttpClient admin, string worker)
    {
        var name = TestNames.Unique("tls");
        var pem = TestCertificates.ForHosts(TestNames.Hostname(name));
        var response = await admin.PostJsonAsync("/api/v1/instances", new CreateInstanceRequest(name, TestNames.Hostname(name), Worker: worker,
            BackendEmail: "ops@example.com", CertificatePem: pem.CertificatePem, KeyPem: pem.KeyPem));
        await response.ReadAsync<InstanceResponse>(HttpStatusCode.Created);
        return pem;
    }

    public static Task<HttpResponseMessage> ClaimRawAsync(this HttpClient agent) =>
        agent.PostJsonAsync("/api/v1/agent/claim", new ClaimRequest(0));

    /// <summary>One claim without waiting; null when the worker has nothing queued.</summary>
    public static async Task<JobAssignment?> ClaimAsync(this HttpClient agent, int waitSeconds = 0)
    {
        var response = await agent.PostJsonAsync("/api/v1/agent/claim", new ClaimRequest(waitSeconds));
        return response.StatusCode == HttpStatusCode.NoContent ? null : await response.ReadAsync<JobAssignment>();
    }

    public static Task<HttpResponseMessage> CompleteAsync(this HttpClient agent, JobAssignment job, CompleteRequest request) =>
        agent.PostJsonAsync($"/api/v1/agent/jobs/{job.JobId}/complete", request);

    public static Task<HttpResponseMessage> SucceedAsync(this HttpClient agent, JobAssignment job, string? url = null) =>
        agent.CompleteAsync(job, new CompleteRequest(job.Attempt, job.LeaseToken, Core.Domain.JobState.Succeeded, Facts: new JobFactsReport(Url: url)));

    public static async Task<WorkerResponse> GetWorkerAsync(this HttpClient admin, string name) =>
        await (await admin.GetAsync($"/api/v1/workers/{name}")).ReadAsync<WorkerResponse>();

    public static async Task<InstanceResponse> GetInstanceAsync(this HttpClient admin, string name) =>
        await (await admin.GetAsync($"/api/v1/instances/{name}")).ReadAsync<InstanceResponse>();

    public static async Task<JobResponse> GetJobAsync(this HttpClient admin, long id) =>
        await (await admin.GetAsync($"/api/v1/jobs/{id}")).ReadAsync<JobResponse>();

    public static async Task<Page<InstanceResponse>> ListInstancesAsync(this HttpClient admin, string query = "") =>
        await (await admin.GetAsync($"/api/v1/instances{query}")).ReadAsync<Page<InstanceResponse>>();

    public static async Task<JobSummary> ActAsync(this HttpClient admin, string instance, string action, object? body = null)
    {
        var response = await admin.PostJsonAsync($"/api/v1/instances/{instance}/{action}", body ?? new { });
        return await response.ReadAsync<JobSummary>(HttpStatusCode.Accepted);
    }
}
