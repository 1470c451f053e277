using CentralDispatch.Cli.Tests.Infrastructure;
using CentralDispatch.Core.Contracts;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Cli.Tests.Instances;

public sealed class InstanceCommandTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private DispatcherTestHost Host => fixture.Host;

    [Fact]
    public async Task CreateListShow_WithJsonOutput_PrintTheApiJson()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var name = TestNames.Unique("i");

        var created = await user.JsonAsync<InstanceResponse>("instance", "create", name, "--hostname", TestNames.Hostname(name),
            "--alias", $"www.{TestNames.Hostname(name)}", "--worker", worker.Name, "--backend-email", "ops@example.com");
        var listed = await user.JsonAsync<Page<InstanceResponse>>("instance", "list", "--worker", worker.Name, "--search", name);
        var shown = await user.JsonAsync<InstanceResponse>("instance", "show", name);

        Assert.Equal(InstanceState.Pending, created.State);
        Assert.Equal(JobKind.Deploy, created.CurrentJob?.Kind);
        Assert.Equal(name, Assert.Single(listed.Items).Name);
        Assert.Equal(1, listed.Total);
        Assert.Equal(TestNames.Hostname(name), shown.Hostname);
        Assert.Equal([$"www.{TestNames.Hostname(name)}"], shown.Aliases);
        Assert.Equal(worker.Name, shown.Worker);
        Assert.Equal("ops@example.com", shown.BackendEmail);
    }

    [Fact]
    public async Task Create_WithCertificateFiles_SendsTheCertificate()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var name = TestNames.Unique("i");
        using var certificate = new TestCertificateFiles(TestNames.Hostname(name));

        var created = await user.CreateInstanceAsync(name, worker.Name,
            "--certificate", certificate.CertificateFile, "--key", certificate.KeyFile);

        Assert.NotNull(created.Certificate);
        Assert.Contains(TestNames.Hostname(name), created.Certificate.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--hostname", "Not_A_Host!", "--hostname:")]
    [InlineData("--backend-email", "not an e-mail", "--backend-email:")]
    [InlineData("--backend-email", "ops%shop@example.com", "--backend-email: 'ops%shop@example.com': '%' is not allowed")]
    public async Task Create_WithBadInput_Exits1WithOneLineNamingTheField_AndCreatesNothing(string option, string value, string named)
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var name = TestNames.Unique("i");
        var hostname = option == "--hostname" ? value : TestNames.Hostname(name);
        var email = option == "--backend-email" ? value : "ops@example.com";

        var result = await user.RunAsync("instance", "create", name, "--hostname", hostname, "--worker", worker.Name, "--backend-email", email);
        var show = await user.RunAsync("instance", "show", name);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
        Assert.Equal(1, show.ExitCode);
        Assert.Contains("no instance named", show.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithAMissingCertificateFile_Exits1NamingTheOption_AndCreatesNothing()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var name = TestNames.Unique("i");
        using var certificate = new TestCertificateFiles(TestNames.Hostname(name));

        var result = await user.RunAsync("instance", "create", name, "--hostname", TestNames.Hostname(name), "--worker", worker.Name,
            "--certificate", certificate.Missing, "--key", certificate.KeyFile);
        var show = await user.RunAsync("instance", "show", name);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: --certificate: file '{certificate.Missing}' does not exist.", Assert.Single(result.ErrorLines));
        Assert.Equal(1, show.ExitCode);
    }

    [Fact]
    public async Task Action_RefusedByTheInstancesState_Exits1WithOneLineGivingTheReason()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var name = TestNames.Unique("i");
        await user.CreateInstanceAsync(name, worker.Name);

        var result = await user.RunAsync("instance", "suspend", name);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("Pending", line, StringComparison.Ordinal);
        Assert.Contains("suspend", line, StringComparison.Ordinal);
        Assert.Contains("Active", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobCancel_OfAQueuedDeploy_CancelsIt_AndJobShowPrintsItsJson()
    {
        using var user = new CliUser(Host);
        using var worker = await FakeWorker.StartAsync(Host);
        var name = TestNames.Unique("i");
        var created = await user.CreateInstanceAsync(name, worker.Name);
        var id = created.CurrentJob!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var cancel = await user.RunAsync("job", "cancel", id);
        var shown = await user.JsonAsync<JobResponse>("job", "show", id);

        Assert.True(cancel.ExitCode == 0, cancel.ToString());
        Assert.Contains($"Cancelled job {id}", cancel.Stdout, StringComparison.Ordinal);
        Assert.Equal(JobState.Cancelled, shown.State);
        Assert.Equal(name, shown.Instance);
    }
}
