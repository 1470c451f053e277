using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Tests.Lifecycle;
using CentralDispatch.Worker.Tests.Provisioning;

namespace CentralDispatch.Worker.Tests.Deploy;

/// <summary>
/// The health check on the real sandbox Apache: the worker's defaults accept a redirect (without following it), and a
/// release's manifest sets the path, statuses, text and patience of its own check.
/// </summary>
/// <remarks>A failing check's patience only bounds the test: it is long enough for the reload's old children to stop answering, so the last answer is the new site's.</remarks>
[Collection(SandboxWorkerCollection.Name)]
public sealed class HealthCheckTests(SandboxWorkerFixture worker)
{
    [Fact]
    public async Task Deploy_OfAnApplicationWhoseRootRedirectsToItsInstaller_EndsDeployed_WithoutFollowingTheRedirect()
    {
        // What a PHP application does until it is set up; the installer is on a host this probe must never ask.
        var release = Releases.Create(worker, "setup");
        Releases.WriteFile(worker, release, ".htaccess", "RedirectMatch 302 \"^/$\" \"https://installer.elsewhere.invalid/install/\"\n");
        var instance = SandboxWorkerFixture.NewInstance(release: release, prefix: "hc");
        var events = new RecordingSink();

        var (result, _) = await worker.DeployAndAcknowledgeAsync(instance, events: events);

        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
        Assert.Equal($"GET https://{instance.Hostname}:{worker.Options.WebServer.HttpsPort}/ → 302 to https://installer.elsewhere.invalid/install/ (accepted: 2xx, 3xx)",
            SummaryOf(events));
    }

    [Fact]
    public async Task Deploy_WithAManifestPathToAFolder_AcceptsTheRedirectApacheGives_WhenTheManifestAcceptsIt()
    {
        // mod_dir answers a folder asked for without its trailing slash with 301 to the slash.
        var release = Releases.Create(worker, "folder");
        Releases.WriteFile(worker, release, ReleaseManifest.FileName, """{ "healthCheck": { "path": "/assets", "statuses": "301" } }""");
        var instance = SandboxWorkerFixture.NewInstance(release: release, prefix: "hc");
        var events = new RecordingSink();

        var (result, _) = await worker.DeployAndAcknowledgeAsync(instance, events: events);

        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
        Assert.StartsWith($"GET https://{instance.Hostname}:{worker.Options.WebServer.HttpsPort}/assets → 301 to https://", SummaryOf(events), StringComparison.Ordinal);
        Assert.EndsWith("/assets/ (accepted: 301)", SummaryOf(events), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_WithAManifestPathToAPageThatExists_AndItsText_EndsDeployed()
    {
        var release = Releases.Create(worker, "page");
        Releases.WriteFile(worker, release, "health.txt", "database: ok\n");
        Releases.WriteFile(worker, release, ReleaseManifest.FileName, """{ "healthCheck": { "path": "/health.txt", "statuses": "200", "text": "database: ok" } }""");
        var instance = SandboxWorkerFixture.NewInstance(release: release, prefix: "hc");
        var events = new RecordingSink();

        var (result, _) = await worker.DeployAndAcknowledgeAsync(instance, events: events);

        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
        Assert.Equal($"GET https://{instance.Hostname}:{worker.Options.WebServer.HttpsPort}/health.txt → 200 (accepted: 200; a 2xx body must contain 'database: ok')",
            SummaryOf(events));
    }

    [Fact]
    public async Task Deploy_WithAManifestPathToAPageThatIsNotThere_RollsBack_SayingWhatItAskedAndGot()
    {
        var release = Releases.Create(worker, "nopage");
        Releases.WriteFile(worker, release, ReleaseManifest.FileName, """{ "healthCheck": { "path": "/health.php", "patienceSeconds": 5 } }""");
        var instance = SandboxWorkerFixture.NewInstance(release: release, prefix: "hc");

        var (result, job) = await worker.DeployAndAcknowledgeAsync(instance);

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal(DeployStepNames.HealthCheck, result.FailedStep);
        Assert.Contains($"did not pass its health check within 5 s (accepted: 2xx, 3xx); last: GET https://{instance.Hostname}:{worker.Options.WebServer.HttpsPort}/health.php "
                        + "answered 404 Not Found, not one of the accepted statuses (2xx, 3xx).", result.Message, StringComparison.Ordinal);
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
    }

    [Fact]
    public async Task Deploy_WhoseManifestDemandsATextThePageLacks_RollsBack_NamingTheText()
    {
        var release = Releases.Create(worker, "notext");
        Releases.WriteFile(worker, release, ReleaseManifest.FileName, """{ "healthCheck": { "text": "database: ok", "patienceSeconds": 5 } }""");
        var instance = SandboxWorkerFixture.NewInstance(release: release, prefix: "hc");

        var (result, job) = await worker.DeployAndAcknowledgeAsync(instance);

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal(DeployStepNames.HealthCheck, result.FailedStep);
        Assert.Contains("answered 200, but its body (first 64 KiB) does not contain the expected text 'database: ok'", result.Message, StringComparison.Ordinal);
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
    }

    [Theory]
    [InlineData("""{ "path": "health.php" }""", "healthCheck.path must start with '/', e.g. /health.php (got 'health.php')")]
    [InlineData("""{ "path": "/health check" }""", "healthCheck.path must not contain spaces")]
    [InlineData("""{ "statuses": "200,700" }""", "healthCheck.statuses '700' is not a status (100-599)")]
    [InlineData("""{ "patienceSeconds": 0 }""", "healthCheck.patienceSeconds must be between 1 and 600 seconds (got 0 s)")]
    [InlineData("""{ "patienceSeconds": 3600 }""", "healthCheck.patienceSeconds must be between 1 and 600 seconds")]
    [InlineData("""{ "text": "" }""", "healthCheck.text must be 1 to 200 characters")]
    [InlineData("""{ "timeout": 5 }""", "not valid JSON with only the keys configFile")]
    public async Task Deploy_WithAnInvalidHealthCheckInItsManifest_IsRefusedAtPreflight_AndNothingIsMade(string section, string expected)
    {
        var release = Releases.Create(worker, "badhc");
        Releases.WriteFile(worker, release, ReleaseManifest.FileName, $$"""{ "healthCheck": {{section}} }""");
        var instance = SandboxWorkerFixture.NewInstance(release: release, prefix: "hc");

        var (result, job) = await worker.DeployAndAcknowledgeAsync(instance);

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal(DeployStepNames.Preflight, result.FailedStep);
        Assert.Contains($"the release '{release}': ", result.Message, StringComparison.Ordinal);
        Assert.Contains(ReleaseManifest.FileName, result.Message, StringComparison.Ordinal);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
    }

    [Fact]
    public async Task Redeploy_ChecksWithTheNewReleasesManifest()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(release: Releases.Create(worker, "old"), prefix: "hcr"));
        var next = Releases.Create(worker, "new");
        Releases.WriteFile(worker, next, ReleaseManifest.FileName, """{ "healthCheck": { "path": "/assets", "statuses": "301" } }""");
        var events = new RecordingSink();

        var result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Redeploy), RedeployOf(instance, next), events);

        Assert.True(result.Outcome == PlanOutcome.Succeeded, $"{result.FailedStep}: {result.Message}");
        Assert.Contains("/assets → 301", SummaryOf(events), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeploy_ToAReleaseWithAnInvalidHealthCheck_IsRefusedAtPreflight_AndTheOldReleaseStaysLive()
    {
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(release: Releases.Create(worker, "old"), prefix: "hcr"));
        var layout = worker.Layout(instance);
        var live = layout.LiveTree();
        var next = Releases.Create(worker, "bad");
        Releases.WriteFile(worker, next, ReleaseManifest.FileName, """{ "healthCheck": { "path": "health", "patienceSeconds": 0 } }""");

        var result = await worker.RunAndAcknowledgeAsync(worker.PlanFor(JobKind.Redeploy), RedeployOf(instance, next));

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal(DeployStepNames.Preflight, result.FailedStep);
        Assert.Contains("healthCheck.path must start with '/'", result.Message, StringComparison.Ordinal);
        Assert.Contains("healthCheck.patienceSeconds must be between 1 and 600 seconds", result.Message, StringComparison.Ordinal);
        Assert.Equal(live, layout.LiveTree());
        Assert.Equal(live, Assert.Single(Directory.GetDirectories(layout.ReleasesFolder)));
    }

    private static string? SummaryOf(RecordingSink events) =>
        events.Events.Single(e => e.Step == DeployStepNames.HealthCheck && e.Phase == StepPhase.Succeeded).Message;

    private static ProvisioningJob RedeployOf(InstancePayload instance, string release) =>
        SandboxWorkerFixture.JobFor(instance, JobKind.Redeploy, new JobPayloadParameters(Release: release));
}
