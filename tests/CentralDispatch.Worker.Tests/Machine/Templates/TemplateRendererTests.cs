using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Templates;

namespace CentralDispatch.Worker.Tests.Machine.Templates;

public sealed class TemplateRendererTests
{
    private readonly TemplateRenderer _renderer = new();

    [Fact]
    public void Render_ReplacesKnownPlaceholders_AndLeavesOtherTextAlone()
    {
        var values = new Dictionary<string, string> { [TemplateKeys.ServerName] = "shop.example.com", [TemplateKeys.HttpsPort] = "443" };

        var text = _renderer.Render("ServerName {{ServerName}}\nListen {{ HttpsPort }} # {not} {{{ServerName}}}", values, "t");

        Assert.Equal("ServerName shop.example.com\nListen 443 # {not} {shop.example.com}", text);
    }

    [Fact]
    public void UnknownPlaceholder_IsAnError_NamingItAndItsLine()
    {
        var failure = Assert.Throws<TemplateException>(() => _renderer.Render("a\nb {{ServerNmae}}", new Dictionary<string, string>(), "vhost.conf"));

        Assert.Contains("vhost.conf line 2: unknown placeholder {{ServerNmae}}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingValue_IsAnError_NamingThePlaceholder()
    {
        var failure = Assert.Throws<TemplateException>(() => _renderer.Render("{{DbPassword}}", new Dictionary<string, string>(), "env"));

        Assert.Contains("{{DbPassword}}", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shop.example.com\nInclude /etc/shadow")]
    [InlineData("shop.example.com\r")]
    [InlineData("a\0b")]
    public void ValueWithANewlineOrControlCharacter_IsAnError_NamingThePlaceholder(string value)
    {
        var values = new Dictionary<string, string> { [TemplateKeys.ServerName] = value };

        var failure = Assert.Throws<TemplateException>(() => _renderer.Render("ServerName {{ServerName}}", values, "vhost"));

        Assert.Contains("{{ServerName}}", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DefaultTemplates.VirtualHost)]
    [InlineData(DefaultTemplates.PlainHttpVirtualHost)]
    [InlineData(DefaultTemplates.InstanceConfig)]
    public void ShippedTemplates_RenderWithTheKnownKeys_LeavingNoPlaceholder(string name)
    {
        var values = TemplateKeys.All.ToDictionary(key => key, key => "value-of-" + key);

        var text = _renderer.Render(DefaultTemplates.Read(name), values, name);

        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.Contains("value-of-InstanceName", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EmbeddedTemplates_AreTheFilesInDeployTemplates()
    {
        foreach (var name in DefaultTemplates.Names)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(Support.RepositoryFiles.Templates, name)), DefaultTemplates.Read(name));
        }
    }

    [Fact]
    public void ValueRule_RefusesAValueTheTemplateUses_NamingThePlaceholderButNotTheValue()
    {
        var values = new Dictionary<string, string> { [TemplateKeys.Webroot] = "/var/www/shop", [TemplateKeys.BackendEmail] = "ops%secret@example.com" };

        var failure = Assert.Throws<TemplateException>(() => _renderer.Render("cd {{Webroot}}\nmail {{BackendEmail}}", values, "cron", Percent));

        Assert.Equal("cron line 2: the value for {{BackendEmail}} holds '%'; refusing.", failure.Message);
    }

    [Fact]
    public void ValueRule_IgnoresValuesTheTemplateDoesNotUse()
    {
        var values = new Dictionary<string, string> { [TemplateKeys.Webroot] = "/var/www/shop", [TemplateKeys.BackendEmail] = "ops%x@example.com" };

        Assert.Equal("cd /var/www/shop", _renderer.Render("cd {{Webroot}}", values, "cron", Percent));
    }

    private static string? Percent(string value) => value.Contains('%', StringComparison.Ordinal) ? "holds '%'" : null;
}
