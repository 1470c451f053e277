using System.Net;
using System.Net.Http.Headers;
using CentralDispatch.Cli.Tests.Infrastructure;

namespace CentralDispatch.Cli.Tests;

public sealed class ServeAndAdminCommandTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("cd-cli-");

    [Fact]
    public async Task Help_ListsEveryCommandWithOneLineEach()
    {
        var result = await DispatchProcess.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("serve", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("admin", result.Stdout, StringComparison.Ordinal);
        foreach (var command in new[] { "login", "worker", "instance", "job" })
        {
            Assert.Matches($@"\n\s+{command}\s+\S", result.Stdout);
        }

        Assert.Contains("Exit codes: 0 success; 1 refused request or bad input; 2 dispatcher unreachable", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredOption_GivesOneErrorLinePerProblem_AndPointsToHelp()
    {
        var result = await DispatchProcess.RunAsync(["instance", "create", "shop"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(["error: Option '--hostname' is required.", "Run `dispatch instance create --help` for usage."], result.ErrorLines);
    }

    [Fact]
    public async Task AdminCreate_GeneratesAPasswordOnce_AndAdminToken_PrintsOnlyTheToken_ThatTheServerAccepts()
    {
        var create = await DispatchProcess.RunAsync(["admin", "create", "--data", _data.FullName, "--email", "ops@example.com"]);
        var token = await DispatchProcess.RunAsync(["admin", "token", "--data", _data.FullName, "--email", "ops@example.com"]);
        await using var server = await ServeProcess.StartAsync(_data.FullName);
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Stdout.Trim());

        Assert.Equal(0, create.ExitCode);
        Assert.Matches(@"Password: \S{12,}", create.Stdout);
        Assert.Equal(0, token.ExitCode);
        Assert.Matches(@"^cda_[A-Za-z0-9_-]{40,}\n$", token.Stdout);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/workers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await new HttpClient { BaseAddress = server.Address }.GetAsync("/api/v1/workers")).StatusCode);
    }

    [Fact]
    public async Task AdminCreateThenServe_OnAFreshDataFolder_MakeIt0700_AndEveryFileInIt0600()
    {
        var data = Path.Combine(_data.FullName, "fresh");
        var create = await DispatchProcess.RunAsync(["admin", "create", "--data", data, "--email", "ops@example.com"]);
        Assert.True(create.ExitCode == 0, create.ToString());
        await using (var server = await ServeProcess.StartAsync(data))
        {
            using var client = new HttpClient { BaseAddress = server.Address };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin")).StatusCode);
        }

        var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(owner | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        var entries = Directory.EnumerateFileSystemEntries(data, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(Path.Combine(data, "dispatch.db"), entries);
        Assert.Contains(entries, e => e.EndsWith(".xml", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.Equal(Directory.Exists(e) ? owner | UnixFileMode.UserExecute : owner, File.GetUnixFileMode(e)));
    }

    [Fact]
    public async Task AdminCreate_WithPasswordStdin_RefusesAShortPassword_WithOneLineAndExit1()
    {
        var result = await DispatchProcess.RunAsync(["admin", "create", "--data", _data.FullName, "--email", "ops@example.com", "--password-stdin"], "short\n");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("12", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminToken_ForUnknownAdmin_FailsWithOneLine()
    {
        var result = await DispatchProcess.RunAsync(["admin", "token", "--data", _data.FullName, "--email", "nobody@example.com"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("nobody@example.com", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCreate_WithBadEmail_FailsWithOneLine()
    {
        var result = await DispatchProcess.RunAsync(["admin", "create", "--data", _data.FullName, "--email", "not an email"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: --email", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_ExitsNonZero()
    {
        var result = await DispatchProcess.RunAsync(["explode"]);

        Assert.NotEqual(0, result.ExitCode);
    }

    public void Dispose()
    {
        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is cleaned by the OS eventually.
        }
    }
}
