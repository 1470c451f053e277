using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Templates;
using CentralDispatch.Worker.Provisioning.Deploy;

namespace CentralDispatch.Worker.Tests.Deploy;

/// <summary>The rendered cron line: what the Cron step writes, and what Preflight checks before anything is made.</summary>
public sealed class CronLineTests
{
    private readonly WorkerOptions _options = WorkerProfiles.Sandbox("/tmp/cd-cronline", "http://127.0.0.1:9", "token", 18080, 18443);

    [Fact]
    public void For_RendersTheScheduleAndTheCommandTemplate()
    {
        var instance = SandboxWorkerFixture.NewInstance(withCertificate: false);

        var layout = InstanceLayout.For(instance, _options);

        var line = CronLine.For(instance, _options, layout, new TemplateRenderer());

        Assert.Equal($"*/15 * * * * cd {_options.Paths.InstallPath}/{instance.Name} && CENTRALDISPATCH_CONFIG={layout.ConfigFile} php cron.php > /dev/null 2>&1", line);
    }

    [Fact]
    public void For_RefusesAPayloadValueWithAPercentSign_NamingThePlaceholder()
    {
        _options.Cron.CommandTemplate = "cd {{Webroot}} && php cron.php --mail {{BackendEmail}}";
        var instance = SandboxWorkerFixture.NewInstance(withCertificate: false) with { BackendEmail = "ops%shop@example.com" };

        var refused = Assert.Throws<TemplateException>(() => CronLine.For(instance, _options, InstanceLayout.For(instance, _options), new TemplateRenderer()));

        Assert.Equal("Worker:Cron:CommandTemplate line 1: the value for {{BackendEmail}} holds '%', which cron reads as a line break; refusing.", refused.Message);
    }

    /// <summary>Values from the worker's own configuration are checked too: a path the shell would split or run is refused.</summary>
    [Theory]
    [InlineData("/srv/www;id")]
    [InlineData("/srv/$(id)")]
    [InlineData("/srv/100%")]
    public void For_RefusesAConfiguredPathTheShellOrCronWouldMisread(string installPath)
    {
        _options.Paths.InstallPath = installPath;
        var instance = SandboxWorkerFixture.NewInstance(withCertificate: false);

        var refused = Assert.Throws<TemplateException>(() => CronLine.For(instance, _options, InstanceLayout.For(instance, _options), new TemplateRenderer()));

        Assert.Contains("the value for {{Webroot}} holds", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_RefusesAScheduleWithAPercentSign()
    {
        _options.Cron.Schedule = "*/15 * * * *%";
        var instance = SandboxWorkerFixture.NewInstance(withCertificate: false);

        var refused = Assert.Throws<TemplateException>(() => CronLine.For(instance, _options, InstanceLayout.For(instance, _options), new TemplateRenderer()));

        Assert.Contains("it holds '%', which cron reads as a line break", refused.Message, StringComparison.Ordinal);
    }
}
