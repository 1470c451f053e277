using CentralDispatch.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Tests.Configuration;

public sealed class WorkerOptionsValidatorTests
{
    private readonly WorkerOptionsValidator _validator = new();

    [Fact]
    public void DebianProfile_IsValid()
    {
        var result = _validator.Validate(Options.DefaultName, WorkerProfiles.Debian("https://dispatch.example.com", "token"));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void SandboxProfile_IsValid()
    {
        var result = _validator.Validate(Options.DefaultName, WorkerProfiles.Sandbox("/tmp/cd-sandbox", "http://127.0.0.1:5000", "token", 18080, 18443));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void PlainHttpToAnotherMachine_IsRefused_NamingTheSettingThatAllowsIt()
    {
        var options = WorkerProfiles.Debian("http://192.0.2.10:8080", "token");

        var result = _validator.Validate(Options.DefaultName, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Worker:Dispatcher:Url is plain http:// to 192.0.2.10", failure, StringComparison.Ordinal);
        Assert.Contains("set Worker:Dispatcher:AllowInsecureHttp to true", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", false)]
    [InlineData("http://127.1.2.3:8080", false)]
    [InlineData("http://localhost:8080/", false)]
    [InlineData("http://[::1]:8080", false)]
    [InlineData("https://dispatch.example.com", false)]
    [InlineData("http://dispatch.example.com", true)]
    public void LoopbackHttp_Https_OrAnAllowedPlainHttp_AreValid(string url, bool allowInsecureHttp)
    {
        var options = WorkerProfiles.Debian(url, "token");
        options.Dispatcher.AllowInsecureHttp = allowInsecureHttp;

        var result = _validator.Validate(Options.DefaultName, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Mistake_IsReported_WithTheKeyToFix(string expected, Action<WorkerOptions> mistake)
    {
        var options = WorkerProfiles.Debian("https://dispatch.example.com", "token");
        mistake(options);

        var result = _validator.Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.StartsWith(expected, StringComparison.Ordinal));
    }

    public static TheoryData<string, Action<WorkerOptions>> Mistakes => new()
    {
        { "Worker:Paths:InstallPath must be an absolute path", o => o.Paths.InstallPath = "www" },
        { "Worker:Paths:SecretsFolder must be an absolute path", o => o.Paths.SecretsFolder = string.Empty },
        { "Worker:Dispatcher:Url must be an absolute http:// or https:// URL", o => o.Dispatcher.Url = "dispatch.example.com" },
        { "Worker:Dispatcher:Url is plain http:// to dispatch.example.com, another machine", o => o.Dispatcher.Url = "http://dispatch.example.com" },
        { "Worker:Dispatcher:Token is required", o => o.Dispatcher.Token = " " },
        { "Worker:WebServer:ReloadCommand must list the program and each argument separately", o => o.WebServer.ReloadCommand = ["apache2ctl graceful"] },
        { "Worker:WebServer:ConfigTestCommand must be a program followed by its arguments", o => o.WebServer.ConfigTestCommand = [] },
        { "Worker:WebServer:HttpsPort must differ", o => o.WebServer.HttpsPort = o.WebServer.HttpPort },
        { "Worker:WebServer:SitesEnabled must be an absolute path", o => o.WebServer.SitesEnabled = null },
        { "Worker:WebServer:ConfD must be an absolute path", o => o.WebServer.Flavor = WebServerFlavor.Rhel },
        { "Worker:WebServer:User must be a user or group name", o => o.WebServer.User = "www data" },
        { "Worker:WebServer:DefaultKeyFile and Worker:WebServer:DefaultCertificateFile must be set together", o => o.WebServer.DefaultCertificateFile = "/etc/ssl/default.crt" },
        { "Worker:Database:SocketPath or Worker:Database:Host is required", o => o.Database.SocketPath = null },
        { "Worker:Database:SocketPath is 120 characters", o => o.Database.SocketPath = "/" + new string('s', 119) },
        { "Worker:InstanceConfig:FileName must be one file name", o => o.InstanceConfig.FileName = "../.env" },
        { "Worker:InstanceConfig:FileName must be one file name", o => o.InstanceConfig.FileName = "config/local.php" },
        { "Worker:InstanceConfig:FileName must be one file name", o => o.InstanceConfig.FileName = ".centraldispatch" },
        { "Worker:Cron:Schedule must be five cron fields", o => o.Cron.Schedule = "every 15 minutes" },
        { "Worker:Cron:Schedule must not contain '%'", o => o.Cron.Schedule = "*/15 * * * *%" },
        { "Worker:Cron:CommandTemplate must not contain '%'", o => o.Cron.CommandTemplate = "cd {{Webroot}} && php cron.php --day $(date +%d)" },
        { "Worker:DefaultBackendEmail is not valid", o => o.DefaultBackendEmail = "ops%shop@example.com" },
        { "Worker:Cron:CrontabUser or Worker:Cron:CrontabFile must be set", o => o.Cron.CrontabFile = "/tmp/crontab" },
        { "Worker:DefaultBackendEmail is not valid", o => o.DefaultBackendEmail = "ops" },
        { "Worker:Concurrency must be between 1 and 64", o => o.Concurrency = 0 },
        { "Worker:ReloadCoalescingWindow must be between", o => o.ReloadCoalescingWindow = TimeSpan.FromMinutes(5) },
        { "Worker:DataFolder must be an absolute path", o => o.Profile = WorkerProfile.Sandbox },
        { "Worker:HealthCheck:Path must start with '/', e.g. /health.php (got 'health.php')", o => o.HealthCheck.Path = "health.php" },
        { "Worker:HealthCheck:Path must not contain spaces, control characters", o => o.HealthCheck.Path = "/health check" },
        { "Worker:HealthCheck:Path must be at most 256 characters", o => o.HealthCheck.Path = "/" + new string('a', 256) },
        { "Worker:HealthCheck:Statuses '600' is not a status (100-599)", o => o.HealthCheck.Statuses = "2xx,600" },
        { "Worker:HealthCheck:Statuses '302-301' is not a status", o => o.HealthCheck.Statuses = "302-301" },
        { "Worker:HealthCheck:Statuses must list at least one status", o => o.HealthCheck.Statuses = " " },
        { "Worker:HealthCheck:Text must be one line", o => o.HealthCheck.Text = "ok\nready" },
        { "Worker:HealthCheck:Text must be 1 to 200 characters", o => o.HealthCheck.Text = new string('x', 201) },
        { "Worker:HealthCheck:Patience must be between 1 and 600 seconds (got 0 s)", o => o.HealthCheck.Patience = TimeSpan.Zero },
        { "Worker:HealthCheck:Patience must be between 1 and 600 seconds (got 3600 s)", o => o.HealthCheck.Patience = TimeSpan.FromHours(1) },
        { "Worker:HealthCheck:RequestTimeout must be between 00:00:01 and 00:01:00", o => o.HealthCheck.RequestTimeout = TimeSpan.FromMinutes(2) },
    };

    [Fact]
    public void HealthCheckDefaults_OfBothProfiles_AskForTheRoot_AcceptingSuccessesAndRedirects_For30Seconds()
    {
        foreach (var options in new[] { WorkerProfiles.Debian("https://dispatch.example.com", "token"), WorkerProfiles.Sandbox("/tmp/cd-sandbox", "http://127.0.0.1:5000", "token", 18080, 18443) })
        {
            Assert.Equal("/", options.HealthCheck.Path);
            Assert.Equal("2xx,3xx", options.HealthCheck.Statuses);
            Assert.Null(options.HealthCheck.Text);
            Assert.Equal(TimeSpan.FromSeconds(30), options.HealthCheck.Patience);
            Assert.Equal(TimeSpan.FromSeconds(5), options.HealthCheck.RequestTimeout);
        }
    }

    [Fact]
    public void HealthCheckText_LeftEmpty_AsAnEnvironmentVariableLeavesIt_AsksForNoText()
    {
        var options = WorkerProfiles.Debian("https://dispatch.example.com", "token");
        options.HealthCheck.Text = "";

        Assert.True(_validator.Validate(Options.DefaultName, options).Succeeded);
    }

    [Fact]
    public void HealthCheckStatuses_Mistyped_IsReportedAsOneMessage_ThatShowsTheSyntax()
    {
        var options = WorkerProfiles.Debian("https://dispatch.example.com", "token");
        options.HealthCheck.Statuses = "200-299;301";

        var result = _validator.Validate(Options.DefaultName, options);

        Assert.Equal("Worker:HealthCheck:Statuses '200-299;301' is not a status (100-599), a range such as 200-299 or a class such as 3xx; "
                     + "write them separated by commas, e.g. 2xx,301,302", Assert.Single(result.Failures!));
    }
}
