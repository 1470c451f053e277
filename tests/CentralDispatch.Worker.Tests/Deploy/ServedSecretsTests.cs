using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Provisioning;
using CentralDispatch.Worker.Provisioning.Deploy;
using CentralDispatch.Worker.Provisioning.Engine;
using CentralDispatch.Worker.Tests.Lifecycle;
using CentralDispatch.Worker.Tests.Provisioning;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Deploy;

/// <summary>
/// A deployed instance never serves its config file (the database password) or any dot-file: the config lives outside
/// the served tree, 0640, and the vhost denies dot-files and the config file's name as a second line.
/// </summary>
[Collection(SandboxWorkerCollection.Name)]
public sealed class ServedSecretsTests(SandboxWorkerFixture worker)
{
    [Fact]
    public async Task Deploy_KeepsTheConfigFileOutsideTheServedTree_0640_AndServesNoDotFile()
    {
        var release = Releases.Create(worker, "dots");
        var source = Path.Combine(worker.Options.Paths.ReleasesFolder, release);
        TestTrees.Write(source, ".git/config", "[core]\n");
        TestTrees.Write(source, ".user.ini", "display_errors=1\n");
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(release: release, prefix: "sec"));
        var layout = worker.Layout(instance);

        var password = Password(await File.ReadAllTextAsync(layout.ConfigFile));
        Assert.Equal(layout.ReleasesFolder, Path.GetDirectoryName(layout.ConfigFile));
        Assert.Equal(FileModes.GroupReadable, File.GetUnixFileMode(layout.ConfigFile));
        using (var folder = Worker.Machine.Files.Native.DirectoryHandle.Open(layout.ReleasesFolder))
        {
            // The sandbox serves as the worker's own user: the file is that user's (on Debian: root, group www-data).
            var status = folder.StatusOf(Worker.Machine.Files.Native.FileName.Of(Path.GetFileName(layout.ConfigFile)))!;
            Assert.Equal(Worker.Machine.Files.Native.Accounts.UserId(Environment.UserName), status.Owner);
        }

        Assert.False(File.Exists(Path.Combine(layout.Webroot, ".env")), "no copy of the config file inside the served tree");
        Assert.Contains("SetEnv CENTRALDISPATCH_CONFIG", await File.ReadAllTextAsync(layout.VirtualHostFile), StringComparison.Ordinal);
        var crontab = await worker.Crontab.ListAsync(CancellationToken.None);
        Assert.Contains(crontab, line => line.Contains($"CENTRALDISPATCH_CONFIG={layout.ConfigFile}", StringComparison.Ordinal) && line.Contains(layout.CronTag, StringComparison.Ordinal));

        await AssertDeniedAsync(instance.Hostname, password, "/.env", "/.git/config", "/.user.ini", "/../.env", "/.releases/");
        Assert.Equal(200, (await Curl.GetAsync(instance.Hostname, worker.Options.WebServer.HttpsPort, true, "/")).Status);
    }

    [Fact]
    public async Task Release_ThatAsksForItsConfigFileInsideTheTree_GetsItThere_AndTheVhostDeniesIt()
    {
        var release = Releases.Create(worker, "intree");
        var source = Path.Combine(worker.Options.Paths.ReleasesFolder, release);
        TestTrees.Write(source, ReleaseManifest.FileName, "{ \"configFile\": \"app/.env\" }");
        TestTrees.Write(source, "app/.keep", "");
        var instance = await worker.DeployedAsync(SandboxWorkerFixture.NewInstance(release: release, prefix: "sec"));
        var layout = worker.Layout(instance);

        var inTree = Path.Combine(layout.LiveTree()!, "app", ".env");
        Assert.Equal(await File.ReadAllTextAsync(layout.ConfigFile), await File.ReadAllTextAsync(inTree));
        Assert.Equal(FileModes.GroupReadable, File.GetUnixFileMode(inTree));
        await AssertDeniedAsync(instance.Hostname, Password(await File.ReadAllTextAsync(inTree)), "/app/.env", "/" + ReleaseManifest.FileName);
    }

    [Theory]
    [InlineData("{ \"configFile\": \"../.env\" }", "must be a relative path inside the release")]
    [InlineData("{ \"configFile\": \"config/app.ini\" }", "must end in this worker's config file name '.env'")]
    [InlineData("{ \"documentRoot\": \"public\" }", "not valid JSON with only the keys configFile")]
    [InlineData("not json", "not valid JSON")]
    public async Task Release_WithAnInvalidManifest_IsRefusedAtPreflight_AndNothingIsMade(string manifest, string expected)
    {
        var release = Releases.Create(worker, "badmf");
        TestTrees.Write(Path.Combine(worker.Options.Paths.ReleasesFolder, release), ReleaseManifest.FileName, manifest);
        var instance = SandboxWorkerFixture.NewInstance(release: release, prefix: "sec");

        var (result, job) = await worker.DeployAndAcknowledgeAsync(instance);

        Assert.Equal(PlanOutcome.RolledBack, result.Outcome);
        Assert.Equal(DeployStepNames.Preflight, result.FailedStep);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.Empty(await Leftovers.ScanAsync(worker, instance, job.JobId));
    }

    [Fact]
    public async Task ReleaseManifest_ThatIsALink_IsNotFollowed()
    {
        var release = Releases.Create(worker, "mflink");
        var source = Path.Combine(worker.Options.Paths.ReleasesFolder, release);
        File.CreateSymbolicLink(Path.Combine(source, ReleaseManifest.FileName), "/dev/zero");

        var problems = await ReleaseManifest.ProblemsOfAsync(source, ".env", CancellationToken.None);

        Assert.Contains("is not a regular file", Assert.Single(problems), StringComparison.Ordinal);
    }

    private async Task AssertDeniedAsync(string hostname, string password, params string[] paths)
    {
        foreach (var path in paths)
        {
            var (status, body) = await Curl.GetAsync(hostname, worker.Options.WebServer.HttpsPort, true, path);
            Assert.True(status is 403 or 404 or 400, $"{path} answered {status}");
            Assert.DoesNotContain(password, body, StringComparison.Ordinal);
        }
    }

    private static string Password(string config) =>
        config.Split('\n').Single(l => l.StartsWith("DB_PASSWORD=", StringComparison.Ordinal))["DB_PASSWORD=".Length..];
}
