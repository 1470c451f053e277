using System.Security.Cryptography.X509Certificates;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Http;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Asks the local web server for an instance's site until the answer is the one expected or the patience is spent. A
/// graceful reload lets old children finish, so the first answers may still come from the old configuration.
/// </summary>
public static class SiteChecks
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    /// <param name="context">The step's context (instance, clock, token).</param>
    /// <param name="worker">Ports and default certificate.</param>
    /// <param name="probe">The probe.</param>
    /// <param name="expectedCertificate">Over HTTPS, the certificate that must be served (null: any).</param>
    /// <param name="expected">True for the awaited answer.</param>
    /// <param name="patience">How long to keep asking.</param>
    /// <param name="https">Over HTTPS or not; default: as the instance is served (<see cref="InstanceUrls.ServedOverHttps"/>).</param>
    /// <param name="request">What is asked and accepted; default: GET / answered 200 within <see cref="ProbeTimeout"/>.</param>
    /// <returns>The last answer: the awaited one, or the one seen when patience ran out.</returns>
    public static async Task<ProbeResult> ProbeUntilAsync(StepContext context, WorkerOptions worker, LocalSiteProbe probe,
        X509Certificate2? expectedCertificate, Func<ProbeResult, bool> expected, TimeSpan patience, bool? https = null, SiteRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(expected);
        var time = context.TimeProvider;
        var deadline = time.GetUtcNow() + patience;
        request ??= SiteRequest.Root(ProbeTimeout);
        while (true)
        {
            var result = https ?? InstanceUrls.ServedOverHttps(context.Instance, worker)
                ? await probe.ProbeHttpsAsync(context.Instance.Hostname, worker.WebServer.HttpsPort, expectedCertificate, request, context.CancellationToken)
                : await probe.ProbeHttpAsync(context.Instance.Hostname, worker.WebServer.HttpPort, request, context.CancellationToken);
            if (expected(result) || time.GetUtcNow() >= deadline)
            {
                return result;
            }

            await Task.Delay(Pause, time, context.CancellationToken);
        }
    }

    /// <summary>The certificate an instance is served with here: its own, the default one, or none (plain HTTP).</summary>
    public static X509Certificate2? ServedCertificate(Core.Contracts.Agent.TlsPayload? tls, WorkerOptions worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        if (tls is not null)
        {
            return X509Certificate2.CreateFromPem(tls.CertificatePem);
        }

        return InstanceUrls.HasDefaultCertificate(worker)
            ? X509Certificate2.CreateFromPem(File.ReadAllText(worker.WebServer.DefaultCertificateFile!))
            : null;
    }
}
