using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.PhpFpm;
using CentralDispatch.Worker.Machine.Processes;
using CentralDispatch.Worker.Machine.Reloads;
using CentralDispatch.Worker.Tests.Machine.Apache;
using CentralDispatch.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CentralDispatch.Worker.Tests.Machine.PhpFpm;

/// <summary>The real php-fpm8.2 as the sandbox runs it, serving PHP through the sandbox Apache's mod_proxy_fcgi.</summary>
[Collection(SandboxApacheCollection.Name)]
public sealed class SandboxPhpFpmTests(SandboxApacheFixture apache)
{
    [Fact]
    public async Task PoolFile_ConfigTest_AndReload_ServeAPhpPageThroughApache_AndABrokenPoolFailsTheTestWhileTheOthersServe()
    {
        using var folder = new TestFolder("cd-fpm");
        File.SetUnixFileMode(folder.Path, FileModes.Folder);
        var name = CentralDispatch.Testing.TestNames.Unique("fpm");
        var settings = new SandboxPhpFpmSettings(new SandboxPhpFpmLayout(folder.Combine("php-fpm")), "/usr/sbin/php-fpm" + PhpFpmVersionsUnderTest);
        await using var master = new SandboxPhpFpm(settings, RealHost.Runner, TimeProvider.System, NullLogger<SandboxPhpFpm>.Instance);
        await master.StartAsync(CancellationToken.None);
        var pid = master.Pid!.Value;
        Assert.Equal(pid, SandboxPhpFpmControl.RunningMaster(settings.Layout));

        var control = new SandboxPhpFpmControl(settings.Layout, settings.Binary, TimeSpan.FromSeconds(60), RealHost.Runner, TimeProvider.System);
        using var reloads = new ReloadCoordinator(control, TimeSpan.Zero, new ReloadRequesters(), TimeProvider.System, NullLogger<ReloadCoordinator>.Instance);
        var socket = Path.Combine(settings.Sockets, name + ".sock");
        await File.WriteAllTextAsync(Path.Combine(settings.Pools, name + ".conf"), Pool(name, socket));
        await reloads.RequestReloadAsync(CancellationToken.None);

        var webroot = folder.Combine("www", name);
        Directory.CreateDirectory(webroot);
        File.SetUnixFileMode(folder.Combine("www"), FileModes.Folder);
        await File.WriteAllTextAsync(Path.Combine(webroot, "index.php"), "<?php echo 'php ', PHP_MAJOR_VERSION, '.', PHP_MINOR_VERSION, ' ', function_exists('mysqli_connect') ? 'mysqli' : 'no-mysqli';");
        var hostname = CentralDispatch.Testing.TestNames.Hostname(name);
        var vhost = Path.Combine(apache.Layout.SitesEnabled, name + ".conf");
        await File.WriteAllTextAsync(vhost, $$"""
            <VirtualHost *:{{apache.HttpPort}}>
                ServerName {{hostname}}
                DocumentRoot "{{webroot}}"
                <Directory "{{webroot}}">
                    Require all granted
                </Directory>
                <FilesMatch \.php$>
                    SetHandler "proxy:unix:{{socket}}|fcgi://localhost"
                </FilesMatch>
            </VirtualHost>
            """);
        try
        {
            using var apacheReloads = apache.NewCoordinator(TimeSpan.Zero);
            await apacheReloads.RequestReloadAsync(CancellationToken.None);
            Assert.Equal($"php {PhpFpmVersionsUnderTest} mysqli", await GetAsync(hostname));

            var broken = Path.Combine(settings.Pools, name + "-broken.conf");
            await File.WriteAllTextAsync(broken, $"[{name}-broken]\nlisten = {socket}.broken\npm = bogus\n");
            var failure = await Assert.ThrowsAsync<ConfigTestFailedException>(() => reloads.RequestReloadAsync(CancellationToken.None));
            File.Delete(broken);

            Assert.Contains("invalid process manager", failure.Message, StringComparison.Ordinal);
            Assert.Contains("PHP-FPM master's config test failed", failure.Message, StringComparison.Ordinal);
            Assert.Equal(pid, master.Pid);
            Assert.Equal($"php {PhpFpmVersionsUnderTest} mysqli", await GetAsync(hostname));
        }
        finally
        {
            File.Delete(vhost);
        }

        await master.StopAsync(CancellationToken.None);
        Assert.False(master.IsRunning);
        Assert.False(ProcessLiveness.IsAlive(pid));
    }

    [Fact]
    public async Task Start_StopsAMasterLeftRunningByAnEarlierWorker()
    {
        using var folder = new TestFolder("cd-fpm");
        var settings = new SandboxPhpFpmSettings(new SandboxPhpFpmLayout(folder.Combine("php-fpm")), "/usr/sbin/php-fpm" + PhpFpmVersionsUnderTest);
        var earlier = new SandboxPhpFpm(settings, RealHost.Runner, TimeProvider.System, NullLogger<SandboxPhpFpm>.Instance);
        await earlier.StartAsync(CancellationToken.None);
        var leftover = earlier.Pid!.Value;

        // The earlier worker is gone without stopping it; a new one takes over the folder.
        await using var next = new SandboxPhpFpm(settings, RealHost.Runner, TimeProvider.System, NullLogger<SandboxPhpFpm>.Instance);
        await next.StartAsync(CancellationToken.None);

        Assert.False(ProcessLiveness.IsAlive(leftover));
        Assert.NotEqual(leftover, next.Pid);
        Assert.Equal(next.Pid, SandboxPhpFpmControl.RunningMaster(settings.Layout));
        await earlier.DisposeAsync();
    }

    private static string PhpFpmVersionsUnderTest => CentralDispatch.Worker.Configuration.PhpFpmVersions.Installed();

    private static string Pool(string name, string socket)
    {
        var user = Environment.IsPrivilegedProcess ? "user = www-data\ngroup = www-data\nlisten.owner = www-data\nlisten.group = www-data\n" : "";
        return $"[{name}]\n{user}listen = {socket}\nlisten.mode = 0660\npm = ondemand\npm.max_children = 2\npm.process_idle_timeout = 10s\n";
    }

    private async Task<string> GetAsync(string hostname)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{apache.HttpPort}/index.php");
        request.Headers.Host = hostname;
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }
}
