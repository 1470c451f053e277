using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using CentralDispatch.Cli.Tests.Infrastructure;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Json;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Worker.Machine.Http;

namespace CentralDispatch.Cli.Tests.Lifecycle;

/// <summary>
/// Every lifecycle command through the real `dispatch` executable, against a real dispatcher and a real sandbox worker
/// (`dispatch worker run`, its own Apache and MariaDB): what the site answers is checked after each step.
/// </summary>
public sealed class LifecycleWithARealWorkerTests(RealWorkerFixture fixture) : IClassFixture<RealWorkerFixture>
{
    private DispatcherTestHost Host => fixture.Host;

    private WorkerProcess Worker => fixture.Worker;

    [Fact]
    public async Task CreateSuspendResumeRedeployRotateDecommissionRestore_EachExits0_AndTheSiteAnswersAsExpected()
    {
        using var user = new CliUser(Host);
        var worker = Worker;
        var name = TestNames.Unique("life");
        var host = TestNames.Hostname(name);
        using var first = new TestCertificateFiles(host);
        using var second = new TestCertificateFiles(host);
        var release = WriteRelease(worker, TestNames.Unique("v"));

        var created = await JsonAsync<InstanceResponse>(user, worker, "instance", "create", name, "--hostname", host, "--worker", worker.Name, "--backend-email", "ops@example.com",
            "--certificate", first.CertificateFile, "--key", first.KeyFile, "--wait");
        Assert.Equal(InstanceState.Active, created.State);
        Assert.Equal(200, (await ProbeAsync(worker, host)).StatusCode);

        await WaitAsync(user, worker, "instance", "suspend", name);
        var suspended = await ProbeAsync(worker, host);
        Assert.Equal(503, suspended.StatusCode);
        await WaitAsync(user, worker, "instance", "resume", name);
        Assert.Equal(200, (await ProbeAsync(worker, host)).StatusCode);

        await WaitAsync(user, worker, "instance", "redeploy", name, "--release", release);
        Assert.Contains($"release {release}", (await ProbeAsync(worker, host)).Body, StringComparison.Ordinal);
        Assert.Equal(release, (await user.JsonAsync<InstanceResponse>("instance", "show", name)).Release);

        await WaitAsync(user, worker, "instance", "rotate-certificate", name, "--certificate", second.CertificateFile, "--key", second.KeyFile);
        Assert.Equal(Thumbprint(second.CertificateFile), (await ProbeAsync(worker, host)).CertificateThumbprint);

        await WaitAsync(user, worker, "instance", "decommission", name, "--yes");
        var archived = await user.JsonAsync<InstanceResponse>("instance", "show", name);
        Assert.Equal(InstanceState.Archived, archived.State);
        Assert.StartsWith(worker.Options.Paths.ArchiveFolder, archived.ArchivePath, StringComparison.Ordinal);
        Assert.True(File.Exists(archived.ArchivePath));
        Assert.Equal(404, (await ProbeAsync(worker, host)).StatusCode);

        var restored = await JsonAsync<InstanceResponse>(user, worker, "instance", "restore", name, "--wait");
        Assert.Equal(InstanceState.Active, restored.State);
        var served = await ProbeAsync(worker, host);
        Assert.Contains($"release {release}", served.Body, StringComparison.Ordinal);
        Assert.Equal(Thumbprint(second.CertificateFile), served.CertificateThumbprint);
    }

    [Fact]
    public async Task BackOut_OfAFailedDeploy_Exits0_ListingWhatItFound_AndAFailingRedeployExits3NamingItsStep()
    {
        using var user = new CliUser(Host);
        var worker = Worker;
        var failed = TestNames.Unique("fail");

        var create = await user.RunAsync("instance", "create", failed, "--hostname", TestNames.Hostname(failed), "--worker", worker.Name, "--backend-email", "ops@example.com",
            "--release", "no-such-release", "--wait");
        var backout = await user.RunAsync("instance", "backout", failed, "--yes", "--wait", "--output", "json");

        Assert.True(create.ExitCode == 3, $"{create}\n{worker.Output}");
        Assert.Contains("step Preflight failed", Assert.Single(create.ErrorLines), StringComparison.Ordinal);
        Assert.True(backout.ExitCode == 0, $"{backout}\n{worker.Output}");
        var job = JsonSerializer.Deserialize<JobResponse>(backout.Stdout, CoreJson.Options)!;
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Contains(job.Steps, s => s.Step == "Database" && s.Message?.Contains("not there: database:", StringComparison.Ordinal) == true);

        var active = TestNames.Unique("act");
        await JsonAsync<InstanceResponse>(user, worker, "instance", "create", active, "--hostname", TestNames.Hostname(active), "--worker", worker.Name, "--backend-email", "ops@example.com", "--wait");
        var redeploy = await user.RunAsync("instance", "redeploy", active, "--release", "missing-release", "--wait");

        Assert.Equal(3, redeploy.ExitCode);
        var line = Assert.Single(redeploy.ErrorLines);
        Assert.Contains("Redeploy", line, StringComparison.Ordinal);
        Assert.Contains("missing-release", line, StringComparison.Ordinal);
        Assert.Equal(InstanceState.Active, (await user.JsonAsync<InstanceResponse>("instance", "show", active)).State);
        Assert.Equal(200, (await ProbeAsync(worker, TestNames.Hostname(active), https: false)).StatusCode);
    }

    private static async Task<T> JsonAsync<T>(CliUser user, WorkerProcess worker, params string[] args)
    {
        var result = await user.RunAsync([.. args, "--output", "json"]);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: {result}\n--- worker\n{worker.Output}");
        return JsonSerializer.Deserialize<T>(result.Stdout, CoreJson.Options)!;
    }

    private static async Task WaitAsync(CliUser user, WorkerProcess worker, params string[] args)
    {
        var result = await user.RunAsync([.. args, "--wait"]);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: {result}\n--- worker\n{worker.Output}");
    }

    private static Task<ProbeResult> ProbeAsync(WorkerProcess worker, string host, bool https = true)
    {
        var probe = new LocalSiteProbe(TimeProvider.System);
        var web = worker.Options.WebServer;
        return https
            ? probe.ProbeHttpsAsync(host, web.HttpsPort, null, TimeSpan.FromSeconds(5), CancellationToken.None)
            : probe.ProbeHttpAsync(host, web.HttpPort, TimeSpan.FromSeconds(5), CancellationToken.None);
    }

    private static string Thumbprint(string certificateFile)
    {
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(certificateFile));
        return LocalSiteProbe.Thumbprint(certificate);
    }

    private static string WriteRelease(WorkerProcess worker, string name)
    {
        var folder = Path.Combine(worker.Options.Paths.ReleasesFolder, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "index.html"), $"<h1>release {name}</h1>");
        return name;
    }
}
