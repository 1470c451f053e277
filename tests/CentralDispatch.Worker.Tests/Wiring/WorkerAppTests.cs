using System.Net;
using System.Net.Http.Json;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Json;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Testing.Tls;
using CentralDispatch.Worker.Composition;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Http;
using CentralDispatch.Worker.Tests.Agent;
using CentralDispatch.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Worker.Tests.Wiring;

/// <summary>The worker as `dispatch worker run` composes it (sandbox profile), against a real dispatcher.</summary>
public sealed class WorkerAppTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task CreatedInstance_IsDeployedToActive_AndServedWithItsCertificate_AndAFailedOneShowsItsError()
    {
        await using var dispatcher = await DispatcherTestHost.StartAsync();
        var admin = dispatcher.Admin();
        var worker = await admin.RegisterWorkerAsync();
        using var data = new TestFolder("cd-app");
        var config = Path.Combine(data.Path, WorkerProfiles.SandboxConfigFileName);
        var options = WorkerProfiles.Sandbox(data.Path, dispatcher.BaseAddress.ToString(), worker.Token);
        await WorkerInitializer.InitializeAsync(options, config, RepositoryFiles.SampleRelease, CancellationToken.None);
        var builder = WorkerApp.CreateBuilder(config, daemon: true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var name = TestNames.Unique("app");
            var hostname = TestNames.Hostname(name);
            var certificate = TestCertificates.ForHosts(hostname);
            var created = await admin.PostAsJsonAsync("/api/v1/instances", new CreateInstanceRequest(name, hostname, Worker: worker.Name,
                BackendEmail: "ops@example.com", CertificatePem: certificate.CertificatePem, KeyPem: certificate.KeyPem), CoreJson.Options);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            var active = await WaitForAsync(admin, name, s => s is InstanceState.Active or InstanceState.Failed or InstanceState.NeedsAttention);
            Assert.True(active.State == InstanceState.Active, $"{active.State}: {active.LastError?.Step} {active.LastError?.Message}");
            Assert.Equal($"https://{hostname}:{options.WebServer.HttpsPort}/", active.Url);
            // Registered with the default /var/www; the webroot shown is where this worker's own configuration put it.
            Assert.Equal(Path.Combine(options.Paths.InstallPath, name), active.Webroot);
            using var expected = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(certificate.CertificatePem);
            var probe = await host.Services.GetRequiredService<LocalSiteProbe>()
                .ProbeHttpsAsync(hostname, options.WebServer.HttpsPort, expected, TimeSpan.FromSeconds(5), CancellationToken.None);
            Assert.True(probe.Succeeded, probe.Failure);
            var steps = (await admin.GetJobAsync(active.CurrentJob!.Id)).Steps;
            Assert.Contains(steps, s => s.Step == "HealthCheck" && s.Phase == StepPhase.Succeeded);

            var broken = TestNames.Unique("app");
            var refused = await admin.PostAsJsonAsync("/api/v1/instances", new CreateInstanceRequest(broken, TestNames.Hostname(broken),
                Worker: worker.Name, Release: "not-on-this-host", BackendEmail: "ops@example.com"), CoreJson.Options);
            Assert.Equal(HttpStatusCode.Created, refused.StatusCode);
            var failed = await WaitForAsync(admin, broken, s => s is InstanceState.Failed or InstanceState.NeedsAttention or InstanceState.Active);
            Assert.Equal(InstanceState.Failed, failed.State);
            Assert.Equal("Preflight", failed.LastError!.Step);
            Assert.Contains("not-on-this-host", failed.LastError.Message, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static Task<InstanceResponse> WaitForAsync(HttpClient admin, string name, Func<InstanceState, bool> done) =>
        Eventually.GetAsync(() => admin.GetInstanceAsync(name), instance => done(instance.State), Patience);
}
