using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Worker.Machine.Http;
using CentralDispatch.Worker.Tests.Deploy;
using Microsoft.Extensions.DependencyInjection;

namespace CentralDispatch.Worker.Tests.Lifecycle;

/// <summary>Asks the sandbox Apache for an instance's site by its host name, as a visitor would (any certificate accepted, its thumbprint kept).</summary>
public static class Sites
{
    public static Task<ProbeResult> ProbeAsync(SandboxWorkerFixture worker, InstancePayload instance)
    {
        var probe = worker.Services.GetRequiredService<LocalSiteProbe>();
        return instance.Tls is null
            ? probe.ProbeHttpAsync(instance.Hostname, worker.Options.WebServer.HttpPort, TimeSpan.FromSeconds(5), CancellationToken.None)
            : probe.ProbeHttpsAsync(instance.Hostname, worker.Options.WebServer.HttpsPort, null, TimeSpan.FromSeconds(5), CancellationToken.None);
    }

    /// <summary>The SHA-256 thumbprint of a PEM certificate, as the probe reports the served one.</summary>
    public static string Thumbprint(string certificatePem)
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(certificatePem);
        return LocalSiteProbe.Thumbprint(certificate);
    }
}
