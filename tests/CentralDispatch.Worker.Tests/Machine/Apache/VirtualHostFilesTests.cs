using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Machine.Apache;

public sealed class VirtualHostFilesTests
{
    [Fact]
    public async Task DebianLayout_WritesEnablesDisablesAndRemoves_LikeA2ensite()
    {
        using var folder = new TestFolder();
        var options = new WebServerOptions { Flavor = WebServerFlavor.Debian, SitesAvailable = folder.Combine("available"), SitesEnabled = folder.Combine("enabled") };
        Directory.CreateDirectory(options.SitesAvailable);
        Directory.CreateDirectory(options.SitesEnabled);
        var files = new VirtualHostFiles(options);

        await files.WriteAsync("shop", "<VirtualHost *:80>\n</VirtualHost>\n", CancellationToken.None);

        Assert.True(files.Enable("shop"));
        Assert.False(files.Enable("shop"));
        Assert.Equal(files.FileFor("shop"), new FileInfo(files.LinkFor("shop")!).LinkTarget);
        Assert.True(files.Disable("shop"));
        Assert.False(files.Disable("shop"));
        Assert.True(files.Remove("shop"));
        Assert.False(files.Remove("shop"));
        Assert.Empty(Directory.GetFileSystemEntries(options.SitesAvailable));
        Assert.Empty(Directory.GetFileSystemEntries(options.SitesEnabled));
    }

    [Fact]
    public void Enable_RefusesToReplaceAFileItDidNotMake()
    {
        using var folder = new TestFolder();
        var options = new WebServerOptions { Flavor = WebServerFlavor.Debian, SitesAvailable = folder.Combine("available"), SitesEnabled = folder.Combine("enabled") };
        Directory.CreateDirectory(options.SitesEnabled);
        File.WriteAllText(Path.Combine(options.SitesEnabled, "shop.conf"), "operator's own");
        var files = new VirtualHostFiles(options);

        Assert.Throws<IOException>(() => files.Enable("shop"));
        Assert.False(files.Disable("shop"));
        Assert.Equal("operator's own", File.ReadAllText(Path.Combine(options.SitesEnabled, "shop.conf")));
    }

    [Fact]
    public async Task RhelLayout_WritesIntoConfD_AndHasNoLink()
    {
        using var folder = new TestFolder();
        var files = new VirtualHostFiles(new WebServerOptions { Flavor = WebServerFlavor.Rhel, ConfD = folder.Path });

        await files.WriteAsync("shop", "# vhost\n", CancellationToken.None);

        Assert.Equal(folder.Combine("shop.conf"), files.FileFor("shop"));
        Assert.Null(files.LinkFor("shop"));
        Assert.False(files.Enable("shop"));
        Assert.True(File.Exists(folder.Combine("shop.conf")));
    }
}
