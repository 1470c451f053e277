using System.Net.Http.Json;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Json;
using CentralDispatch.Dispatcher.Tests.Infrastructure;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Dispatcher.Tests.Api;

/// <summary>The worker's own install path (reported in hello) is the one webroots are shown under, not the one typed at registration.</summary>
public sealed class WorkerInstallPathTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private readonly DispatcherTestHost _host = fixture.Host;

    [Fact]
    public async Task Hello_WithTheWorkersInstallPath_ShowsItsWebrootsThere_AndIgnoresAPathRegistrationWouldRefuse()
    {
        var admin = _host.Admin();
        var worker = await admin.RegisterWorkerAsync();
        var agent = _host.Client(worker.Token);

        var reported = await HelloAsync(agent, "/srv/sites");
        var instance = await admin.CreateInstanceAsync(worker.Name);
        var refused = await HelloAsync(agent, "/etc");

        Assert.Equal("/var/www", worker.InstallPath);
        Assert.Equal("/srv/sites", reported.InstallPath);
        Assert.Equal("/srv/sites", refused.InstallPath);
        Assert.Equal($"/srv/sites/{instance.Name}", instance.Webroot);
        Assert.Equal($"/srv/sites/{instance.Name}", (await admin.GetInstanceAsync(instance.Name)).Webroot);
        var listed = await admin.GetFromJsonAsync<WorkerResponse>($"/api/v1/workers/{worker.Name}", CoreJson.Options);
        Assert.Equal("/srv/sites", listed!.InstallPath);
    }

    private static async Task<HelloResponse> HelloAsync(HttpClient agent, string installPath)
    {
        var hello = await agent.PostJsonAsync("/api/v1/agent/hello",
            new HelloRequest("1.0.0", "test-host", Facts: new Dictionary<string, string> { [HelloRequest.InstallPathFact] = installPath }));
        return await hello.ReadAsync<HelloResponse>();
    }
}
