using CentralDispatch.Cli.Tests.Infrastructure;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Cli.Tests.Client;

public sealed class LoginTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>
{
    private DispatcherTestHost Host => fixture.Host;

    [Fact]
    public async Task Login_SavesUrlAndToken0600_AndLaterCommandsUseThemWithoutFlags()
    {
        using var user = new CliUser(Host, loggedInByEnvironment: false);

        var login = await user.RunAsync("login", "--url", Host.Url, "--token", Host.AdminToken);
        var list = await user.RunAsync("worker", "list", "--output", "json");

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(user.ConfigFile));
        Assert.Contains(Host.AdminToken, await File.ReadAllTextAsync(user.ConfigFile), StringComparison.Ordinal);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.NotNull(System.Text.Json.JsonSerializer.Deserialize<List<WorkerResponse>>(list.Stdout, Core.Json.CoreJson.Options));
    }

    [Fact]
    public async Task Login_WithARefusedToken_Exits1AndSavesNothing()
    {
        using var user = new CliUser(Host, loggedInByEnvironment: false);

        var login = await user.RunAsync("login", "--url", Host.Url, "--token", "cda_not-a-token-the-dispatcher-knows-about");

        Assert.Equal(1, login.ExitCode);
        var line = Assert.Single(login.ErrorLines);
        Assert.StartsWith("error: the dispatcher refused the API token (401", line, StringComparison.Ordinal);
        Assert.False(File.Exists(user.ConfigFile));
    }

    [Fact]
    public async Task AnyApiCommand_WithoutUrlOrToken_Exits2WithALineSayingHowToLogIn()
    {
        using var user = new CliUser(loggedInByEnvironment: false);

        var result = await user.RunAsync("instance", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("dispatch login --url URL --token TOKEN", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyApiCommand_WhenTheDispatcherIsUnreachable_Exits2NamingTheUrl()
    {
        using var user = new CliUser(loggedInByEnvironment: false);
        var closed = FreePort.ClosedUrl();

        var result = await user.RunAsync("worker", "list", "--url", closed, "--token", Host.AdminToken);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"error: Cannot reach the dispatcher at {closed}/", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenFlag_TakesPrecedenceOverTheEnvironment()
    {
        using var user = new CliUser(Host);
        var environment = user.Environment;
        environment["CD_TOKEN"] = "cda_a-revoked-or-wrong-token-in-the-environment";

        var withEnvironmentOnly = await DispatchProcess.RunAsync(["worker", "list"], environment: environment);
        var withFlag = await DispatchProcess.RunAsync(["worker", "list", "--token", Host.AdminToken], environment: environment);

        Assert.Equal(1, withEnvironmentOnly.ExitCode);
        Assert.True(withFlag.ExitCode == 0, withFlag.ToString());
    }
}
