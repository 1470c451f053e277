using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Configuration;

public sealed class WorkerInitializerTests
{
    [Fact]
    public async Task Sandbox_CreatesFoldersTemplatesAndSeededRelease_AndAValidConfigFile()
    {
        using var data = new TestFolder();
        var options = WorkerProfiles.Sandbox(data.Path, "http://127.0.0.1:5000", "t");
        var path = WorkerConfigFile.DefaultPath(WorkerProfile.Sandbox, data.Path);

        await WorkerInitializer.InitializeAsync(options, path, RepositoryFiles.SampleRelease, CancellationToken.None);

        Assert.Equal(FileModes.OwnerOnly, File.GetUnixFileMode(path));
        Assert.Equal(FileModes.PrivateFolder, File.GetUnixFileMode(options.Paths.SecretsFolder));
        Assert.All([options.Paths.InstallPath, options.Paths.JournalFolder, options.Paths.CertsFolder, options.Paths.ArchiveFolder, options.WebServer.SitesEnabled!], folder => Assert.True(Directory.Exists(folder), folder));
        Assert.True(File.Exists(options.WebServer.VirtualHostTemplate));
        Assert.True(File.Exists(options.InstanceConfig.TemplatePath));
        Assert.True(File.Exists(Path.Combine(options.Paths.DefaultReleaseFolder, "index.html")));
        Assert.Equal(options.WebServer.HttpsPort, WorkerConfigFile.Load(path).WebServer.HttpsPort);
    }
}
