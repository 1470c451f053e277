using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Tests.Configuration;

/// <summary>Writing and reading the JSON file as `worker init` and `worker run` will. (One class: the environment test must not race another load.)</summary>
public sealed class WorkerConfigFileTests
{
    [Fact]
    public async Task SandboxFile_IsWritten0600_AndReadsBackTheSameOptions()
    {
        using var data = new TestFolder();
        var written = WorkerProfiles.Sandbox(data.Path, "http://127.0.0.1:5000", "secret-token");
        var path = WorkerConfigFile.DefaultPath(WorkerProfile.Sandbox, data.Path);

        await WorkerConfigFile.WriteAsync(path, written, CancellationToken.None);
        var read = WorkerConfigFile.Load(path);

        Assert.Equal(data.Combine("worker.json"), path);
        Assert.Equal(FileModes.OwnerOnly, File.GetUnixFileMode(path));
        Assert.Contains("\"Profile\": \"sandbox\"", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        Assert.Equal(WorkerProfile.Sandbox, read.Profile);
        Assert.Equal("secret-token", read.Dispatcher.Token);
        Assert.Equal(written.WebServer.ConfigTestCommand, read.WebServer.ConfigTestCommand);
        Assert.Equal(written.WebServer.ReloadCommand, read.WebServer.ReloadCommand);
        Assert.Equal(written.WebServer.HttpsPort, read.WebServer.HttpsPort);
        Assert.Equal(written.ReloadCoalescingWindow, read.ReloadCoalescingWindow);
        Assert.Equal(written.Database.PrivateServer.Folder, read.Database.PrivateServer.Folder);
        Assert.True(read.WebServer.PrivateServer.Enabled);
        Assert.Equal(written.Cron.CrontabFile, read.Cron.CrontabFile);
        Assert.Null(read.Cron.CrontabUser);
    }

    [Fact]
    public void SandboxProfile_PutsEverythingUnderTheDataFolder_OnTwoDistinctFreePorts()
    {
        var options = WorkerProfiles.Sandbox("/tmp/cd-data", "http://127.0.0.1:5000", "t");

        string[] paths =
        [
            options.Paths.InstallPath, options.Paths.ArchiveFolder, options.Paths.CertsFolder, options.Paths.JournalFolder,
            options.Paths.SecretsFolder, options.Paths.ReleasesFolder, options.Paths.DefaultReleaseFolder, options.Cron.CrontabFile!,
            options.WebServer.SitesAvailable!, options.WebServer.SitesEnabled!, options.WebServer.LogFolder, options.Database.SocketPath!,
            options.InstanceConfig.TemplatePath, options.WebServer.VirtualHostTemplate,
        ];
        Assert.All(paths, path => Assert.StartsWith("/tmp/cd-data/", path, StringComparison.Ordinal));
        Assert.NotEqual(options.WebServer.HttpPort, options.WebServer.HttpsPort);
        Assert.Equal(Environment.UserName, options.WebServer.User);
    }

    [Fact]
    public async Task EnvironmentVariable_OverridesTheFile()
    {
        using var data = new TestFolder();
        var path = data.Combine("worker.json");
        await WorkerConfigFile.WriteAsync(path, WorkerProfiles.Sandbox(data.Path, "http://127.0.0.1:5000", "t"), CancellationToken.None);
        Environment.SetEnvironmentVariable("Worker__Concurrency", "7");
        try
        {
            Assert.Equal(7, WorkerConfigFile.Load(path).Concurrency);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Worker__Concurrency", null);
        }
    }

    [Fact]
    public async Task InvalidFile_StopsTheHostAtStart_NamingTheKey()
    {
        using var data = new TestFolder();
        var path = data.Combine("worker.json");
        var options = WorkerProfiles.Sandbox(data.Path, "http://127.0.0.1:5000", "t");
        options.Paths.InstallPath = "relative/www";
        await WorkerConfigFile.WriteAsync(path, options, CancellationToken.None);

        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddWorkerConfigFile(path);
        builder.Services.AddWorkerOptions(builder.Configuration);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Worker:Paths:InstallPath must be an absolute path", failure.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => WorkerConfigFile.Load(path));
    }

    [Fact]
    public async Task DefaultTemplates_AreInstalledOnce_KeepingAnOperatorsEdits()
    {
        using var data = new TestFolder();
        var folder = data.Combine("templates");

        var first = await DefaultTemplates.InstallAsync(folder, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(folder, DefaultTemplates.InstanceConfig), "EDITED={{DbName}}\n");
        var second = await DefaultTemplates.InstallAsync(folder, CancellationToken.None);

        Assert.Equal(3, first.Count);
        Assert.Empty(second);
        Assert.Equal("EDITED={{DbName}}\n", await File.ReadAllTextAsync(Path.Combine(folder, DefaultTemplates.InstanceConfig)));
    }
}
