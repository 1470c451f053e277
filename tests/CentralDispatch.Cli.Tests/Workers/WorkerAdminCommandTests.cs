using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CentralDispatch.Cli.Tests.Infrastructure;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Domain;
using CentralDispatch.Core.Json;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Cli.Tests.Workers;

public sealed class WorkerAdminCommandTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private DispatcherTestHost Host => fixture.Host;

    [Fact]
    public async Task Register_PrintsTheTokenAndAnInitLineThatReadsItFromStandardInput_AndTheTokenIsAccepted()
    {
        using var user = new CliUser(Host);
        var name = TestNames.Unique("w");

        var result = await user.RunAsync("worker", "register", name, "--host-url", $"https://{name}.hosts.example");

        Assert.True(result.ExitCode == 0, result.ToString());
        var token = Regex.Match(result.Stdout, @"^  (cdw_\S+)$", RegexOptions.Multiline);
        var init = Regex.Match(result.Stdout, @"^  dispatch worker init --profile debian --dispatcher (\S+) --token-stdin$", RegexOptions.Multiline);
        Assert.True(token.Success && init.Success, result.Stdout);
        Assert.Equal(Host.Url, init.Groups[1].Value);
        Assert.DoesNotContain(" --token ", result.Stdout, StringComparison.Ordinal);
        using var agent = Host.Client(token.Groups[1].Value);
        var hello = await agent.PostAsJsonAsync("api/v1/agent/hello", new HelloRequest("1.0.0", "host"), CoreJson.Options);
        Assert.Equal(HttpStatusCode.OK, hello.StatusCode);
    }

    [Fact]
    public async Task RegisterListDrain_WithJsonOutput_PrintTheApiJson()
    {
        using var user = new CliUser(Host);
        var name = TestNames.Unique("w");

        var registered = await user.JsonAsync<WorkerEnrolmentResponse>("worker", "register", name, "--host-url", $"https://{name}.hosts.example",
            "--install-path", "/srv/www", "--label", "eu", "--label", "ssd", "--capacity", "7");
        var listed = await user.JsonAsync<List<WorkerResponse>>("worker", "list");
        var drained = await user.JsonAsync<WorkerResponse>("worker", "drain", name);

        Assert.Equal(name, registered.Name);
        Assert.StartsWith("cdw_", registered.Token, StringComparison.Ordinal);
        var listedWorker = Assert.Single(listed, w => w.Name == name);
        Assert.Equal(["eu", "ssd"], listedWorker.Labels);
        Assert.Equal(7, listedWorker.Capacity);
        Assert.Equal("/srv/www", listedWorker.InstallPath);
        Assert.Equal(WorkerState.Draining, drained.State);
    }

    [Fact]
    public async Task Register_WithABadHostUrl_Exits1WithOneLineNamingTheOption_AndRegistersNothing()
    {
        using var user = new CliUser(Host);
        var name = TestNames.Unique("w");

        var result = await user.RunAsync("worker", "register", name, "--host-url", "not a url");
        var listed = await user.JsonAsync<List<WorkerResponse>>("worker", "list");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("--host-url:", line, StringComparison.Ordinal);
        Assert.DoesNotContain(listed, w => w.Name == name);
    }

    [Fact]
    public async Task Remove_WithoutATerminal_RemovesTheWorker_AndRotateTokenPrintsANewWorkingToken()
    {
        using var user = new CliUser(Host);
        var kept = TestNames.Unique("w");
        var removed = TestNames.Unique("w");
        await user.JsonAsync<WorkerEnrolmentResponse>("worker", "register", kept, "--host-url", $"https://{kept}.hosts.example");
        var old = await user.JsonAsync<WorkerEnrolmentResponse>("worker", "register", removed, "--host-url", $"https://{removed}.hosts.example");

        var rotated = await user.JsonAsync<WorkerEnrolmentResponse>("worker", "rotate-token", kept);
        var remove = await user.RunAsync("worker", "remove", removed);
        var listed = await user.JsonAsync<List<WorkerResponse>>("worker", "list");

        Assert.True(remove.ExitCode == 0, remove.ToString());
        Assert.DoesNotContain(listed, w => w.Name == removed);
        Assert.Contains(listed, w => w.Name == kept);
        using var oldAgent = Host.Client(old.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldAgent.PostAsJsonAsync("api/v1/agent/hello", new HelloRequest("1", "h"), CoreJson.Options)).StatusCode);
        using var rotatedAgent = Host.Client(rotated.Token);
        Assert.Equal(HttpStatusCode.OK, (await rotatedAgent.PostAsJsonAsync("api/v1/agent/hello", new HelloRequest("1", "h"), CoreJson.Options)).StatusCode);
    }

    [Fact]
    public async Task Drain_OfAnUnknownWorker_Exits1WithTheDispatchersReason()
    {
        using var user = new CliUser(Host);
        var name = TestNames.Unique("w");

        var result = await user.RunAsync("worker", "drain", name);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: There is no worker named '{name}'.", Assert.Single(result.ErrorLines));
    }
}
