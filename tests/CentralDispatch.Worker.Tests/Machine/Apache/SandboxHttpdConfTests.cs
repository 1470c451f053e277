using CentralDispatch.Worker.Machine.Apache;

namespace CentralDispatch.Worker.Tests.Machine.Apache;

public sealed class SandboxHttpdConfTests
{
    private static readonly SandboxApacheSettings Settings = new(new SandboxApacheLayout("/srv/cd/apache"), "127.0.0.1", 18080, 18443);

    [Fact]
    public void AsRoot_ChildrenRunAsTheChildUser()
    {
        var conf = SandboxHttpdConf.Render(Settings, runsAsRoot: true);

        Assert.Contains("\nUser www-data\n", conf, StringComparison.Ordinal);
        Assert.Contains("\nGroup www-data\n", conf, StringComparison.Ordinal);
    }

    [Fact]
    public void AsAnotherUser_NoUserDirective_AndOnlyFilesInItsFolder()
    {
        var conf = SandboxHttpdConf.Render(Settings, runsAsRoot: false);

        Assert.DoesNotContain("\nUser ", conf, StringComparison.Ordinal);
        Assert.Contains("Listen 127.0.0.1:18080", conf, StringComparison.Ordinal);
        Assert.Contains("Listen 127.0.0.1:18443", conf, StringComparison.Ordinal);
        Assert.Contains("PidFile \"/srv/cd/apache/run/httpd.pid\"", conf, StringComparison.Ordinal);
        Assert.Contains("Mutex file:/srv/cd/apache/run default", conf, StringComparison.Ordinal);
        Assert.Contains("IncludeOptional \"/srv/cd/apache/sites-enabled/*.conf\"", conf, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithAQuote_IsRefused()
    {
        var settings = Settings with { Layout = new SandboxApacheLayout("/srv/c\"d") };

        Assert.Throws<ArgumentException>(() => SandboxHttpdConf.Render(settings, runsAsRoot: false));
    }
}
