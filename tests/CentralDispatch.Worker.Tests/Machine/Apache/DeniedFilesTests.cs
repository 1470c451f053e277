using CentralDispatch.Testing;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Machine.Apache;

/// <summary>
/// The shipped vhost templates on the real sandbox Apache: dot-files, dot-folders and the config file by name are never
/// served, whatever the tree and its .htaccess say; ACME's /.well-known/ is.
/// </summary>
[Collection(SandboxApacheCollection.Name)]
public sealed class DeniedFilesTests(SandboxApacheFixture apache)
{
    private const string Secret = "DB_PASSWORD=never-served-4f1c";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DotFiles_DotFolders_AndTheConfigFileByName_AreDenied_WhileTheSiteAndWellKnownAreServed(bool https)
    {
        using var folder = new TestFolder();
        var release = folder.Combine("release");
        TestTrees.Write(release, "index.html", "<h1>site</h1>");
        TestTrees.Write(release, ".env", Secret);
        TestTrees.Write(release, "sub/.env", Secret);
        TestTrees.Write(release, "config/local.php", Secret);
        TestTrees.Write(release, ".git/config", Secret);
        TestTrees.Write(release, ".user.ini", Secret);
        TestTrees.Write(release, ".centraldispatch.json", "{\"configFile\": \"config/local.php\"}");
        TestTrees.Write(release, ".well-known/acme-challenge/token-1", "challenge answer");
        // A tenant's .htaccess that tries to open them up again: Location sections are applied after it.
        TestTrees.Write(release, ".htaccess", "<Files \".env\">\n    Require all granted\n</Files>\n<Files \"local.php\">\n    Require all granted\n</Files>\n");
        var name = TestNames.Unique("deny");
        using var certificate = https ? TestCertificate.For(TestNames.Hostname(name)) : null;
        var hostname = await apache.AddSiteAsync(name, certificate, configFileName: "local.php", release: release);
        using var coordinator = apache.NewCoordinator(TimeSpan.Zero);
        try
        {
            await coordinator.RequestReloadAsync(CancellationToken.None);
            var port = https ? apache.HttpsPort : apache.HttpPort;

            var index = await Eventually.GetAsync(() => Curl.GetAsync(hostname, port, https, "/"), r => r.Status == 200);
            Assert.Equal(200, index.Status);
            Assert.Equal((200, "challenge answer"), await Curl.GetAsync(hostname, port, https, "/.well-known/acme-challenge/token-1"));
            foreach (var path in new[]
                     {
                         "/.env", "/sub/.env", "/config/local.php", "/.git/config", "/.git/", "/.user.ini", "/.centraldispatch.json", "/.htaccess",
                         "/%2eenv", "/sub/../.env", "/.well-known/../.env", "//.env", "/config/./local.php",
                     })
            {
                var (status, body) = await Curl.GetAsync(hostname, port, https, path);
                Assert.True(status is 403 or 404 or 400, $"{path} answered {status}");
                Assert.DoesNotContain("never-served", body, StringComparison.Ordinal);
            }
        }
        finally
        {
            apache.RemoveSite(name);
        }
    }
}
