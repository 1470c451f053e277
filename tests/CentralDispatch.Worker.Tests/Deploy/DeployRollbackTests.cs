using System.Collections.Concurrent;
using CentralDispatch.Testing.Tls;
using CentralDispatch.Worker.Machine.Http;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Engine;
using CentralDispatch.Worker.Tests.Provisioning;
using Microsoft.Extensions.DependencyInjection;

namespace CentralDispatch.Worker.Tests.Deploy;

/// <summary>Each step of the Deploy plan made to fail on the real sandbox: the deploy rolls back and leaves nothing behind.</summary>
[Collection(SandboxWorkerCollection.Name)]
public sealed class DeployRollbackTests(SandboxWorkerFixture worker)
{
    public static TheoryData<string> Steps() =>
    [
        DeployStepNames.DatabaseUser, DeployStepNames.Database, DeployStepNames.Webroot, DeployStepNames.Certificates,
        DeployStepNames.VirtualHost, DeployStepNames.EnableSite, DeployStepNames.ReloadWebServer, DeployStepNames.Cron,
        DeployStepNames.HealthCheck,
    ];

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Deploy_FailingAfterEachStep_RollsBackEverything_AndLeavesNothing(string failing)
    {
        var instance = SandboxWorkerFixture.NewInstance();
        var events = new RecordingSink();

        var (result, job) = await worker.DeployAndAcknowledgeAsync(instance, worker.Plan(s => s.Name == failing ? new FailAfterApplyStep(s) : s), events);

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal(failing, result.FailedStep);
        Assert.Contains(FailAfterApplyStep.Message, result.Message, StringComparison.Ordinal);
        Assert.Empty(result.Leftovers);
        Assert.Contains($"{failing}:RolledBack", events.Phases);
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
        Assert.Equal(worker.ApachePid, worker.CurrentApachePid());
    }

    [Fact]
    public async Task Preflight_RefusesAnExistingDatabaseUser_AndNeverTouchesIt()
    {
        var instance = SandboxWorkerFixture.NewInstance();
        var layout = worker.Layout(instance);
        await worker.Database.CreateUserAsync(layout.DatabaseUser, "someone-elses-password", CancellationToken.None);
        try
        {
            var (result, job) = await worker.DeployAndAcknowledgeAsync(instance);

            Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
            Assert.Equal(DeployStepNames.Preflight, result.FailedStep);
            Assert.Contains($"the database user {layout.DatabaseUser} already exists", result.Message, StringComparison.Ordinal);
            Assert.True(await worker.Database.UserExistsAsync(layout.DatabaseUser, CancellationToken.None));
            Assert.Equal([$"database user {layout.DatabaseUser}"], await Leftovers.ScanAsync(worker, instance, job.JobId));
        }
        finally
        {
            await worker.Database.DropUserIfExistsAsync(layout.DatabaseUser, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Preflight_RefusesAKeyThatDoesNotMatchTheCertificate_NamingIt()
    {
        var instance = SandboxWorkerFixture.NewInstance();
        var other = TestCertificates.ForHosts(instance.Hostname);
        instance = instance with { Tls = instance.Tls! with { KeyPem = other.KeyPem } };
        var (result, job) = await worker.DeployAndAcknowledgeAsync(instance);

        Assert.Equal(DeployStepNames.Preflight, result.FailedStep);
        Assert.Contains("does not match", result.Message, StringComparison.Ordinal);
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
    }

    /// <summary>The dispatcher validated the e-mail; the worker checks it again before it reaches the config file or the cron line.</summary>
    [Theory]
    [InlineData("ops%shop@example.com", "'%' is not allowed")]
    [InlineData("ops@example.com\\n* * * * * root id", "line break")]
    [InlineData("ops@example.com\\rDB_PASSWORD=x", "line break")]
    public async Task Preflight_RefusesABackendEmailThatCronOrTheConfigFileWouldMisread_AndCreatesNothing(string escaped, string why)
    {
        var instance = SandboxWorkerFixture.NewInstance() with { BackendEmail = System.Text.RegularExpressions.Regex.Unescape(escaped) };
        var (result, job) = await worker.DeployAndAcknowledgeAsync(instance);

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal(DeployStepNames.Preflight, result.FailedStep);
        Assert.Contains("backend e-mail: ", result.Message, StringComparison.Ordinal);
        Assert.Contains(why, result.Message, StringComparison.Ordinal);
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
    }

    [Fact]
    public async Task Preflight_RefusesAMissingRelease()
    {
        var instance = SandboxWorkerFixture.NewInstance(release: "no-such-release");
        var (result, job) = await worker.DeployAndAcknowledgeAsync(instance);

        Assert.Equal(DeployStepNames.Preflight, result.FailedStep);
        Assert.Contains("no-such-release", result.Message, StringComparison.Ordinal);
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
    }

    [Fact]
    public async Task HealthCheck_Failing_RollsBackEverything_AndReloadsSoTheSiteIsGone()
    {
        // A release without an index: Apache answers 403, never an accepted status; its manifest keeps the test short.
        var release = $"empty-{Guid.NewGuid():N}"[..20];
        var folder = Path.Combine(worker.Options.Paths.ReleasesFolder, release);
        Directory.CreateDirectory(Path.Combine(folder, "assets"));
        await File.WriteAllTextAsync(Path.Combine(folder, "assets", "x.txt"), "x");
        await File.WriteAllTextAsync(Path.Combine(folder, ReleaseManifest.FileName), Lifecycle.Releases.ImpatientManifest);
        var instance = SandboxWorkerFixture.NewInstance(release: release);

        var (result, job) = await worker.DeployAndAcknowledgeAsync(instance);

        Assert.Equal(DeployStepNames.HealthCheck, result.FailedStep);
        // 403 from the new site, or 404 from the catch-all while the reload's old children still answer: never accepted.
        Assert.Contains("not one of the accepted statuses (2xx, 3xx)", result.Message, StringComparison.Ordinal);
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
    }

    [Fact]
    public async Task FailingConfigTest_RollsBack_WhileAnotherInstanceKeepsAnswering200()
    {
        var healthy = SandboxWorkerFixture.NewInstance(prefix: "ok");
        var deployed = await worker.Runner.RunAsync(worker.Plan(), SandboxWorkerFixture.JobFor(healthy), new RecordingSink(), JobCancellation.None);
        Assert.Equal(PlanOutcome.Succeeded, deployed.Outcome);

        var broken = SandboxWorkerFixture.NewInstance(prefix: "bad");
        var plan = worker.Plan(s => s.Name == DeployStepNames.VirtualHost ? new BrokenVirtualHostStep(s, worker.Layout(broken).VirtualHostFile) : s);
        var probe = worker.Services.GetRequiredService<LocalSiteProbe>();
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(healthy.Tls!.CertificatePem);
        var answers = new ConcurrentBag<int?>();
        using var done = new CancellationTokenSource();
        var prober = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var answer = await probe.ProbeHttpsAsync(healthy.Hostname, worker.Options.WebServer.HttpsPort, certificate, TimeSpan.FromSeconds(5), CancellationToken.None);
                answers.Add(answer.Succeeded ? 200 : answer.StatusCode ?? -1);
            }
        });

        var (result, job) = await worker.DeployAndAcknowledgeAsync(broken, plan);
        var after = await probe.ProbeHttpsAsync(healthy.Hostname, worker.Options.WebServer.HttpsPort, certificate, TimeSpan.FromSeconds(5), CancellationToken.None);
        await done.CancelAsync();
        await prober;

        Assert.Equal(DeployStepNames.ReloadWebServer, result.FailedStep);
        Assert.Contains("config test failed", result.Message, StringComparison.Ordinal);
        Assert.Contains("NoSuchDirective", result.Message, StringComparison.Ordinal);
        Assert.Empty(await Leftovers.ScanAsync(worker, broken, job.JobId));
        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.Equal(200, a));
        Assert.True(after.Succeeded, after.Failure);
        Assert.Equal(worker.ApachePid, worker.CurrentApachePid());
    }
}
