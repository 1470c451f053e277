using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Provisioning.Deploy;

namespace CentralDispatch.Worker.Tests.Deploy;

public sealed class HealthCheckSettingsTests
{
    private static readonly HealthCheckOptions Worker = new() { Path = "/", Statuses = "2xx,3xx", Patience = TimeSpan.FromSeconds(30), RequestTimeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public void WithoutAManifestSection_TheWorkersSettingsApply()
    {
        var settings = HealthCheckSettings.For(Worker, null);

        Assert.Equal("/", settings.Request.Path);
        Assert.Equal("2xx, 3xx", settings.Request.Accepted.ToString());
        Assert.Null(settings.Request.ExpectedText);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Patience);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Request.Timeout);
    }

    [Fact]
    public void EachFieldOfTheManifest_OverridesTheWorkersSetting_AndOnlyThatOne()
    {
        var path = HealthCheckSettings.For(Worker, new HealthCheckManifest(Path: "/health.php"));
        var all = HealthCheckSettings.For(Worker, new HealthCheckManifest("/health.php", "200", "ok", 60));

        Assert.Equal("/health.php", path.Request.Path);
        Assert.Equal("2xx, 3xx", path.Request.Accepted.ToString());
        Assert.Equal(TimeSpan.FromSeconds(30), path.Patience);
        Assert.Equal("/health.php", all.Request.Path);
        Assert.Equal("200", all.Request.Accepted.ToString());
        Assert.Equal("ok", all.Request.ExpectedText);
        Assert.Equal(TimeSpan.FromSeconds(60), all.Patience);
    }

    [Fact]
    public void AnEmptyTextInTheWorkersSettings_AsksForNoText()
    {
        var settings = HealthCheckSettings.For(new HealthCheckOptions { Text = "" }, null);

        Assert.Null(settings.Request.ExpectedText);
    }

    [Fact]
    public void AManifestThatBecameInvalidAfterPreflight_IsRefused_NamingTheField()
    {
        var e = Assert.Throws<InvalidOperationException>(() => HealthCheckSettings.For(Worker, new HealthCheckManifest(Statuses: "ok")));

        Assert.Contains("healthCheck.statuses 'ok' is not a status", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("health.php", null, null, null, "healthCheck.path must start with '/', e.g. /health.php (got 'health.php')")]
    [InlineData("/a b", null, null, null, "healthCheck.path must not contain spaces")]
    [InlineData(null, "700", null, null, "healthCheck.statuses '700' is not a status (100-599)")]
    [InlineData(null, "", null, null, "healthCheck.statuses must list at least one status")]
    [InlineData(null, null, "", null, "healthCheck.text must be 1 to 200 characters (got 0)")]
    [InlineData(null, null, "a\tb", null, "healthCheck.text must be one line")]
    [InlineData(null, null, null, 0, "healthCheck.patienceSeconds must be between 1 and 600 seconds (got 0 s)")]
    [InlineData(null, null, null, 601, "healthCheck.patienceSeconds must be between 1 and 600 seconds (got 601 s)")]
    [InlineData(null, null, null, -5, "healthCheck.patienceSeconds must be between 1 and 600 seconds (got -5 s)")]
    public void ManifestProblems_SayWhatIsWrong_OneMessagePerField(string? path, string? statuses, string? text, int? patience, string expected)
    {
        var problems = new HealthCheckManifest(path, statuses, text, patience).Problems();

        Assert.StartsWith(expected, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void ManifestProblems_ListEveryWrongField()
    {
        var problems = new HealthCheckManifest("x", "1xx-2xx", null, 0).Problems();

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("healthCheck.path", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("healthCheck.statuses", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("healthCheck.patienceSeconds", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void AValidManifestSection_HasNoProblems() =>
        Assert.Empty(new HealthCheckManifest("/health.php", "200,301-302", "ok", 600).Problems());
}
