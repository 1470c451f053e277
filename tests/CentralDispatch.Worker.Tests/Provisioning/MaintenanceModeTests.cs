using CentralDispatch.Worker.Provisioning.Suspend;

namespace CentralDispatch.Worker.Tests.Provisioning;

public sealed class MaintenanceModeTests
{
    private const string Vhost = """
        # centraldispatch:shop
        <VirtualHost *:80>
            ServerName shop.example.com
            Redirect permanent / https://shop.example.com/
        </VirtualHost>

        <VirtualHost *:443>
            ServerName shop.example.com
            DocumentRoot "/var/www/shop"
        </VirtualHost>
        """;

    [Fact]
    public void TurnOn_PutsTheBlockFirstInEveryVirtualHost_BeforeItsOwnRedirects()
    {
        var on = MaintenanceMode.TurnOn(Vhost, "shop.example.com");

        var lines = on.Split('\n');
        Assert.Equal(2, lines.Count(l => l.Trim() == MaintenanceMode.BeginMarker));
        var first = Array.FindIndex(lines, l => l.Trim() == "Redirect 503 /");
        Assert.True(first < Array.FindIndex(lines, l => l.Contains("Redirect permanent", StringComparison.Ordinal)));
        Assert.Contains("ErrorDocument 503 \"<!doctype html>", on, StringComparison.Ordinal);
        Assert.True(MaintenanceMode.IsOn(on));
    }

    [Fact]
    public void TurnOff_GivesBackTheVhostByteForByte_AndBothAreIdempotent()
    {
        var on = MaintenanceMode.TurnOn(Vhost, "shop.example.com");

        Assert.Equal(on, MaintenanceMode.TurnOn(on, "shop.example.com"));
        Assert.Equal(Vhost, MaintenanceMode.TurnOff(on));
        Assert.Equal(Vhost, MaintenanceMode.TurnOff(Vhost));
        Assert.False(MaintenanceMode.IsOn(Vhost));
    }

    [Fact]
    public void TurnOn_RefusesAHostnameThatCouldBreakOutOfTheQuotedPage()
    {
        Assert.Throws<ArgumentException>(() => MaintenanceMode.TurnOn(Vhost, "x\"\nInclude /etc/passwd"));
    }
}
