using CentralDispatch.Cli.Tests.Infrastructure;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Worker.Configuration;

namespace CentralDispatch.Cli.Tests.Workers;

public sealed class WorkerInitAndCheckTests(DispatcherFixture fixture) : IClassFixture<DispatcherFixture>, IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("cd-cli-worker-");

    private DispatcherTestHost Host => fixture.Host;

    private string ConfigFile => Path.Combine(_data.FullName, "worker.json");

    [Fact]
    public async Task InitSandbox_WritesAValidConfig0600_AndRefusesToOverwriteItWithoutForce()
    {
        using var user = new CliUser();

        var first = await user.RunAsync("worker", "init", "--profile", "sandbox", "--dispatcher", Host.Url, "--token", "cdw_first-token-from-register", "--data", _data.FullName);
        var again = await user.RunAsync("worker", "init", "--profile", "sandbox", "--dispatcher", Host.Url, "--token", "cdw_second-token", "--data", _data.FullName);
        var kept = WorkerConfigFile.Load(ConfigFile);
        var forced = await user.RunAsync("worker", "init", "--profile", "sandbox", "--dispatcher", Host.Url, "--token", "cdw_second-token", "--data", _data.FullName, "--force");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigFile));
        Assert.Equal(WorkerProfile.Sandbox, kept.Profile);
        Assert.Equal(Host.Url, kept.Dispatcher.Url);
        Assert.Equal("cdw_first-token-from-register", kept.Dispatcher.Token);
        Assert.Equal(_data.FullName, kept.DataFolder);
        Assert.True(File.Exists(kept.WebServer.VirtualHostTemplate));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("--force", Assert.Single(again.ErrorLines), StringComparison.Ordinal);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal("cdw_second-token", WorkerConfigFile.Load(ConfigFile).Dispatcher.Token);
    }

    [Fact]
    public async Task Init_WithABadDispatcherUrl_Exits1NamingTheOption_AndWritesNothing()
    {
        using var user = new CliUser();

        var result = await user.RunAsync("worker", "init", "--profile", "sandbox", "--dispatcher", "ftp://nope", "--token", "cdw_t", "--data", _data.FullName);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: --dispatcher: Worker:Dispatcher:Url", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(ConfigFile));
    }

    [Fact]
    public async Task Init_WithPlainHttpToAnotherMachine_Exits1NamingTheSetting_AndWritesNothing()
    {
        using var user = new CliUser();

        var result = await user.RunAsync("worker", "init", "--profile", "sandbox", "--dispatcher", "http://192.0.2.10:8080", "--token", "cdw_t", "--data", _data.FullName);

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: --dispatcher: Worker:Dispatcher:Url is plain http:// to 192.0.2.10", error, StringComparison.Ordinal);
        Assert.Contains("Worker:Dispatcher:AllowInsecureHttp", error, StringComparison.Ordinal);
        Assert.Contains("--allow-insecure-http", error, StringComparison.Ordinal);
        Assert.False(File.Exists(ConfigFile));
    }

    [Fact]
    public async Task RunAndCheck_RefusePlainHttpToAnotherMachine_NamingTheSetting_AndStartNothing()
    {
        using var user = new CliUser();
        var init = await user.RunAsync("worker", "init", "--profile", "sandbox", "--dispatcher", "http://192.0.2.10:8080", "--token", "cdw_t",
            "--data", _data.FullName, "--allow-insecure-http");
        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.True(WorkerConfigFile.Load(ConfigFile).Dispatcher.AllowInsecureHttp);
        var environment = new Dictionary<string, string>(user.Environment) { ["Worker__Dispatcher__AllowInsecureHttp"] = "false" };

        var run = await DispatchProcess.RunAsync(["worker", "run", "--once", "--config", ConfigFile], environment: environment);
        var check = await DispatchProcess.RunAsync(["worker", "check", "--config", ConfigFile], environment: environment);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"error: {ConfigFile}: Worker:Dispatcher:Url is plain http:// to 192.0.2.10", error, StringComparison.Ordinal);
        Assert.Contains("set Worker:Dispatcher:AllowInsecureHttp to true", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Agent:", error, StringComparison.Ordinal);
        Assert.False(Directory.EnumerateFiles(_data.FullName, "*.pid", SearchOption.AllDirectories).Any(), "nothing was started");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains(check.Stdout.Split('\n'), l => l.StartsWith("[FAIL] configuration:", StringComparison.Ordinal) && l.Contains("Worker:Dispatcher:AllowInsecureHttp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_PrintsAPassOrFailLinePerItem_AndExitsNonZero_WhenTheDispatcherIsUnreachable()
    {
        using var user = new CliUser();
        var init = await user.RunAsync("worker", "init", "--profile", "sandbox", "--dispatcher", FreePort.ClosedUrl(), "--token", "cdw_token", "--data", _data.FullName);
        Assert.True(init.ExitCode == 0, init.ToString());

        var result = await user.RunAsync("worker", "check", "--config", ConfigFile);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches(@"^\[(pass|FAIL)\] ", line));
        Assert.StartsWith("[pass] configuration:", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("[FAIL] dispatcher: Cannot reach the dispatcher", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("[pass] vhost template:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("[pass] install path:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("[pass] default release folder:", StringComparison.Ordinal));
        Assert.Contains("check(s) failed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PassesEveryItem_OnAFreshSandboxWithAValidToken_WhichStartsWithTheSampleRelease()
    {
        using var user = new CliUser(Host);
        var name = TestNames.Unique("w");
        var worker = await user.JsonAsync<WorkerEnrolmentResponse>("worker", "register", name, "--host-url", $"https://{name}.hosts.example");
        var init = await user.RunAsync("worker", "init", "--profile", "sandbox", "--dispatcher", Host.Url, "--token", worker.Token, "--data", _data.FullName);
        Assert.True(init.ExitCode == 0, init.ToString());
        var options = WorkerConfigFile.Load(ConfigFile);
        Assert.True(File.Exists(Path.Combine(options.Paths.DefaultReleaseFolder, "index.html")), "a sandbox starts with the sample release");

        var result = await user.RunAsync("worker", "check", "--config", ConfigFile);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("[FAIL]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"[pass] dispatcher: {Host.Url}/ reachable; token accepted for worker {name}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[pass] database admin login:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[pass] web server config test:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"[pass] PHP-FPM: {options.PhpFpm.Binary} is PHP {options.PhpFpm.Version}, as Worker:PhpFpm:Version says", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[pass] PHP-FPM config test: the sandbox PHP-FPM master passed its config test and started", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"[pass] PHP-FPM pool folder: {options.PhpFpm.PoolFolder} exists and is writable", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[pass] web server access: www-data (Apache's serving user) can enter", result.Stdout, StringComparison.Ordinal);
        var opened = File.GetUnixFileMode(_data.FullName);
        Assert.True(opened.HasFlag(UnixFileMode.OtherExecute) && !opened.HasFlag(UnixFileMode.OtherRead),
            $"the ready-made 0700 data folder is opened for passing only, not listing: {opened}");
        Assert.False(File.Exists(Path.Combine(options.Database.PrivateServer.Folder!, "mariadbd.pid")) && IsRunning(Path.Combine(options.Database.PrivateServer.Folder!, "mariadbd.pid")),
            "the check must stop the sandbox MariaDB it started");
    }

    [Fact]
    public async Task Check_FailsPhpFpm_WhenTheInstalledVersionIsNotTheConfiguredOne()
    {
        using var user = new CliUser(Host);
        var name = TestNames.Unique("w");
        var worker = await user.JsonAsync<WorkerEnrolmentResponse>("worker", "register", name, "--host-url", $"https://{name}.hosts.example");
        var init = await user.RunAsync("worker", "init", "--profile", "sandbox", "--dispatcher", Host.Url, "--token", worker.Token, "--data", _data.FullName);
        Assert.True(init.ExitCode == 0, init.ToString());
        var options = WorkerConfigFile.Load(ConfigFile);
        var text = await File.ReadAllTextAsync(ConfigFile);
        await File.WriteAllTextAsync(ConfigFile, text.Replace($"\"Version\": \"{options.PhpFpm.Version}\"", "\"Version\": \"7.4\"", StringComparison.Ordinal));

        var result = await user.RunAsync("worker", "check", "--config", ConfigFile);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"[FAIL] PHP-FPM: {options.PhpFpm.Binary} is PHP {options.PhpFpm.Version} but Worker:PhpFpm:Version is 7.4; set one to match the other", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_FailsWebServerAccess_NamingTheFolderApacheCannotEnter_WhenOneAboveTheDataFolderIsClosed()
    {
        using var user = new CliUser();
        File.SetUnixFileMode(_data.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var data = Path.Combine(_data.FullName, "sandbox");
        var init = await user.RunAsync("worker", "init", "--profile", "sandbox", "--dispatcher", FreePort.ClosedUrl(), "--token", "cdw_token", "--data", data);
        Assert.True(init.ExitCode == 0, init.ToString());

        var result = await user.RunAsync("worker", "check", "--config", Path.Combine(data, "worker.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"[FAIL] web server access: www-data cannot enter {_data.FullName}, so Apache cannot serve anything under {data}/www; let it through with `chmod o+x {_data.FullName}`",
            result.Stdout, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_data.FullName));
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

    private static bool IsRunning(string pidFile) =>
        int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && Directory.Exists($"/proc/{pid}");
}
