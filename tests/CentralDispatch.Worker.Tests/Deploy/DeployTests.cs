using System.Net;
using CentralDispatch.Worker.Machine.Http;
using CentralDispatch.Worker.Machine.Processes;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Engine;
using CentralDispatch.Worker.Tests.Provisioning;
using CentralDispatch.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace CentralDispatch.Worker.Tests.Deploy;

/// <summary>The Deploy plan on the real sandbox Apache, MariaDB and crontab.</summary>
[Collection(SandboxWorkerCollection.Name)]
public sealed class DeployTests(SandboxWorkerFixture worker)
{
    [Fact]
    public async Task Deploy_ServesTheReleaseOverHttps_WithTheInstancesOwnCertificate()
    {
        var instance = SandboxWorkerFixture.NewInstance();
        var events = new RecordingSink();

        var result = await worker.Runner.RunAsync(worker.Plan(), SandboxWorkerFixture.JobFor(instance), events, JobCancellation.None);

        Assert.True(PlanOutcome.Succeeded == result.Outcome, $"{result.FailedStep}: {result.Message}");
        Assert.Equal(
            [DeployStepNames.Preflight, DeployStepNames.DatabaseUser, DeployStepNames.Database, DeployStepNames.Webroot, DeployStepNames.Certificates,
             DeployStepNames.VirtualHost, DeployStepNames.EnableSite, DeployStepNames.ReloadWebServer, DeployStepNames.Cron, DeployStepNames.HealthCheck],
            events.Events.Where(e => e.Phase == Core.Domain.StepPhase.Succeeded).Select(e => e.Step));
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(instance.Tls!.CertificatePem);
        var probe = await worker.Services.GetRequiredService<LocalSiteProbe>()
            .ProbeHttpsAsync(instance.Hostname, worker.Options.WebServer.HttpsPort, certificate, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.True(probe.Succeeded, probe.Failure);
        Assert.Contains("Central Dispatch", probe.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_GivesTheUserItsOwnDatabaseOnly_WithThePasswordInTheConfigFile()
    {
        var instance = SandboxWorkerFixture.NewInstance(withCertificate: false);
        var other = SandboxWorkerFixture.NewInstance(withCertificate: false);
        await worker.Database.CreateDatabaseAsync(worker.Layout(other).Database, CancellationToken.None);
        try
        {
            var result = await worker.Runner.RunAsync(worker.Plan(), SandboxWorkerFixture.JobFor(instance), new RecordingSink(), JobCancellation.None);
            Assert.True(PlanOutcome.Succeeded == result.Outcome, $"{result.FailedStep}: {result.Message}");

            var layout = worker.Layout(instance);
            var config = await File.ReadAllTextAsync(layout.ConfigFile);
            var password = config.Split('\n').Single(l => l.StartsWith("DB_PASSWORD=", StringComparison.Ordinal))["DB_PASSWORD=".Length..];
            Assert.Contains($"DB_DATABASE={layout.Database}", config, StringComparison.Ordinal);
            Assert.Contains($"DB_USERNAME={layout.DatabaseUser}", config, StringComparison.Ordinal);
            Assert.Contains("BACKEND_EMAIL=ops@example.com", config, StringComparison.Ordinal);

            var login = MariaDbServer.From(worker.Options.Database).ConnectionString(layout.DatabaseUser, password, layout.Database);
            await using (var connection = new MySqlConnection(login))
            {
                await connection.OpenAsync();
                await using var create = new MySqlCommand("CREATE TABLE t (id INT); INSERT INTO t VALUES (1);", connection);
                await create.ExecuteNonQueryAsync();
            }

            var otherLogin = MariaDbServer.From(worker.Options.Database).ConnectionString(layout.DatabaseUser, password, worker.Layout(other).Database);
            await using var denied = new MySqlConnection(otherLogin);
            var error = await Assert.ThrowsAsync<MySqlException>(() => denied.OpenAsync());
            Assert.Contains("denied", error.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await worker.Database.DropDatabaseIfExistsAsync(worker.Layout(other).Database, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Deploy_WritesTheCronLine_TheKeyAs0600_AndFilesOwnedByTheWebUser()
    {
        var instance = SandboxWorkerFixture.NewInstance();

        var result = await worker.Runner.RunAsync(worker.Plan(), SandboxWorkerFixture.JobFor(instance), new RecordingSink(), JobCancellation.None);

        Assert.True(PlanOutcome.Succeeded == result.Outcome, $"{result.FailedStep}: {result.Message}");
        var layout = worker.Layout(instance);
        var cron = await worker.Crontab.ListAsync(CancellationToken.None);
        var line = Assert.Single(cron, l => l.Contains(layout.CronTag, StringComparison.Ordinal));
        Assert.StartsWith(worker.Options.Cron.Schedule, line, StringComparison.Ordinal);
        Assert.Contains(layout.Webroot, line, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(layout.Certificates.KeyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(layout.SecretsFile));
        var tree = layout.LiveTree();
        Assert.NotNull(tree);
        Assert.Equal(worker.Options.WebServer.User, await OwnerAsync(tree));
        Assert.Equal(worker.Options.WebServer.User, await OwnerAsync(Path.Combine(layout.Webroot, "index.html")));
    }

    [Fact]
    public async Task Deploy_WithoutCertificate_OrDefaultCertificate_IsServedOverPlainHttp()
    {
        var instance = SandboxWorkerFixture.NewInstance(withCertificate: false);

        var result = await worker.Runner.RunAsync(worker.Plan(), SandboxWorkerFixture.JobFor(instance), new RecordingSink(), JobCancellation.None);

        Assert.True(PlanOutcome.Succeeded == result.Outcome, $"{result.FailedStep}: {result.Message}");
        var probe = await worker.Services.GetRequiredService<LocalSiteProbe>()
            .ProbeHttpAsync(instance.Hostname, worker.Options.WebServer.HttpPort, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal((int)HttpStatusCode.OK, probe.StatusCode);
        Assert.False(Path.Exists(worker.Layout(instance).Certificates.KeyFile));
    }

    [Fact]
    public async Task Deploy_InterruptedByHostStop_ResumesOnTheNextAttempt_WithoutCreatingAnythingTwice()
    {
        var instance = SandboxWorkerFixture.NewInstance();
        var job = SandboxWorkerFixture.JobFor(instance);
        using var stopping = new CancellationTokenSource();
        var plan = worker.Plan(step => step.Name == DeployStepNames.Webroot ? new StopHostAfterApplyStep(step, stopping) : step);

        var first = await worker.Runner.RunAsync(plan, job, new RecordingSink(), new JobCancellation(CancellationToken.None, stopping.Token));
        var events = new RecordingSink();
        var second = await worker.Runner.RunAsync(worker.Plan(), job with { Attempt = 2 }, events, JobCancellation.None);

        Assert.Equal(PlanOutcome.Interrupted, first.Outcome);
        Assert.Equal(PlanOutcome.Succeeded, second.Outcome);
        Assert.Contains($"{DeployStepNames.DatabaseUser}:Skipped", events.Phases);
        Assert.Single(await worker.Crontab.ListAsync(CancellationToken.None), l => l.Contains(worker.Layout(instance).CronTag, StringComparison.Ordinal));
    }

    private static async Task<string> OwnerAsync(string path)
    {
        var result = await RealHost.Runner.RunAsync(ProcessRequest.Of("stat", "-c", "%U", path), CancellationToken.None);
        return result.StandardOutput.Trim();
    }
}
