using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Tests.Support;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Tests.Configuration;

public sealed class PhpFpmOptionsTests
{
    private readonly WorkerOptionsValidator _validator = new();

    [Fact]
    public void DebianProfile_UsesTheSystemPhpFpmOfTheInstalledVersion()
    {
        var php = WorkerProfiles.Debian("https://dispatch.example.com", "token").PhpFpm;

        Assert.Equal(PhpFpmVersions.Installed(), php.Version);
        Assert.Equal($"/usr/sbin/php-fpm{php.Version}", php.Binary);
        Assert.Equal($"/etc/php/{php.Version}/fpm/pool.d", php.PoolFolder);
        Assert.Equal("/run/php", php.SocketFolder);
        Assert.Equal([$"php-fpm{php.Version}", "-t"], php.ConfigTest);
        Assert.Equal(["systemctl", "reload", $"php{php.Version}-fpm"], php.Reload);
        Assert.False(php.PrivateServer.Enabled);
        Assert.Equal(PhpFpmProcessManager.OnDemand, php.Pools.ProcessManager);
    }

    [Fact]
    public void SandboxProfile_KeepsPoolsSocketsAndTheMasterUnderTheDataFolder()
    {
        using var data = new TestFolder();

        var php = WorkerProfiles.Sandbox(data.Path, "http://127.0.0.1:5000", "token", 18080, 18443).PhpFpm;

        Assert.True(php.PrivateServer.Enabled);
        Assert.StartsWith(data.Path + "/", php.PoolFolder, StringComparison.Ordinal);
        Assert.StartsWith(data.Path + "/", php.SocketFolder, StringComparison.Ordinal);
        Assert.Equal([php.Binary, "-t", "-y", Path.Combine(php.PrivateServer.Folder!, "php-fpm.conf")], php.ConfigTest);
        Assert.Empty(php.Reload);
    }

    [Fact]
    public async Task ConfigurationWithoutAPhpFpmSection_MeansTheSystemPhpFpm_AndAWrittenOneReadsBack()
    {
        using var data = new TestFolder();
        var path = data.Combine("worker.json");
        var options = WorkerProfiles.Sandbox(data.Path, "http://127.0.0.1:5000", "token", 18080, 18443);
        await WorkerConfigFile.WriteAsync(path, options, CancellationToken.None);
        var read = WorkerConfigFile.Load(path);

        Assert.Equal(options.PhpFpm.ConfigTest, read.PhpFpm.ConfigTest);
        Assert.Empty(read.PhpFpm.Reload);
        Assert.Contains("\"ProcessManager\": \"ondemand\"", await File.ReadAllTextAsync(path), StringComparison.Ordinal);

        // A file written before PHP-FPM was managed: the section is absent and every setting follows the version.
        var bare = new PhpFpmOptions { Version = "8.3" };
        Assert.Equal("/usr/sbin/php-fpm8.3", bare.Binary);
        Assert.Equal("/etc/php/8.3/fpm/pool.d", bare.PoolFolder);
        Assert.Equal(["php-fpm8.3", "-t"], bare.ConfigTest);
        Assert.Equal(["systemctl", "reload", "php8.3-fpm"], bare.Reload);
    }

    [Fact]
    public void InstalledVersion_IsTheHighestPhpFpmProgram()
    {
        using var folder = new TestFolder();
        foreach (var name in new[] { "php-fpm7.4", "php-fpm8.2", "php-fpm8.10", "php-fpm", "php-fpm8.2.bak" })
        {
            File.WriteAllText(folder.Combine(name), "");
        }

        Assert.Equal("8.10", PhpFpmVersions.Installed(folder.Path));
        Assert.Equal(PhpFpmVersions.Bookworm, PhpFpmVersions.Installed(folder.Combine("missing")));
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Mistake_IsReported_WithTheKeyToFix(string expected, Action<WorkerOptions> mistake)
    {
        var options = WorkerProfiles.Debian("https://dispatch.example.com", "token");
        mistake(options);

        var result = _validator.Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure == expected);
    }

    public static TheoryData<string, Action<WorkerOptions>> Mistakes => new()
    {
        { "Worker:PhpFpm:Version must be a PHP version as major.minor, e.g. 8.2 (got '8')", o => o.PhpFpm.Version = "8" },
        { "Worker:PhpFpm:Version must be a PHP version as major.minor, e.g. 8.2 (got '8.2.1')", o => o.PhpFpm.Version = "8.2.1" },
        { "Worker:PhpFpm:Binary must be an absolute path (got 'php-fpm8.2')", o => o.PhpFpm.Binary = "php-fpm8.2" },
        { "Worker:PhpFpm:PoolFolder must be an absolute path (got 'pool.d')", o => o.PhpFpm.PoolFolder = "pool.d" },
        {
            "Worker:PhpFpm:SocketFolder is 70 characters; a pool's socket FOLDER/NAME.sock must fit the 107 characters of a unix socket path with a name of 32, so the folder may have at most 69",
            o => o.PhpFpm.SocketFolder = "/" + new string('s', 69)
        },
        { "Worker:PhpFpm:ConfigTestCommand must list the program and each argument separately, not one shell string (got \"php-fpm8.2 -t\")", o => o.PhpFpm.ConfigTestCommand = ["php-fpm8.2 -t"] },
        { "Worker:PhpFpm:ReloadCommand must be a program followed by its arguments, e.g. [\"apache2ctl\", \"configtest\"]", o => o.PhpFpm.ReloadCommand = [] },
        { "Worker:PhpFpm:CommandTimeout must be positive (got 00:00:00)", o => o.PhpFpm.CommandTimeout = TimeSpan.Zero },
        { "Worker:PhpFpm:Pools:ProcessManager must be ondemand or dynamic (got '7')", o => o.PhpFpm.Pools.ProcessManager = (PhpFpmProcessManager)7 },
        { "Worker:PhpFpm:Pools:MaxChildren must be between 1 and 1000 (got 0)", o => o.PhpFpm.Pools.MaxChildren = 0 },
        { "Worker:PhpFpm:Pools:ProcessIdleTimeout must be whole seconds, at least 00:00:01 (got 00:00:00.5000000)", o => o.PhpFpm.Pools.ProcessIdleTimeout = TimeSpan.FromMilliseconds(500) },
        { "Worker:PhpFpm:Pools:MaxRequests must be 0 (never replace a process) or more (got -1)", o => o.PhpFpm.Pools.MaxRequests = -1 },
        {
            "Worker:PhpFpm:Pools:StartServers with a dynamic process manager must satisfy 1 <= MinSpareServers <= StartServers <= MaxSpareServers <= MaxChildren (got 1, 3, 2, 5)",
            o => (o.PhpFpm.Pools.ProcessManager, o.PhpFpm.Pools.StartServers) = (PhpFpmProcessManager.Dynamic, 3)
        },
        { "Worker:PhpFpm:PrivateServer:Folder must be an absolute path (got '')", o => o.PhpFpm.PrivateServer.Enabled = true },
    };
}
