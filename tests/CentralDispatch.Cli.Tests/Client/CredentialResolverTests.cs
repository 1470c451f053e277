using CentralDispatch.Cli.Client;
using CentralDispatch.Cli.Commands;

namespace CentralDispatch.Cli.Tests.Client;

public sealed class CredentialResolverTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("cd-cli-resolver-");
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public CredentialResolverTests() => _environment["HOME"] = _home.FullName;

    private CredentialResolver Resolver => new(name => _environment.GetValueOrDefault(name));

    [Fact]
    public async Task FlagsWinOverEnvironment_WhichWinsOverTheSavedFile_PartByPart()
    {
        await CliConfigFile.WriteAsync(Resolver.ConfigPath, new CliConfig("http://saved.example:8080", "cda_saved-token"), CancellationToken.None);
        _environment["CD_TOKEN"] = "cda_environment-token";

        var fromFileAndEnvironment = await Resolver.ResolveAsync(null, null, CancellationToken.None);
        var fromFlag = await Resolver.ResolveAsync("https://flag.example/dispatch", null, CancellationToken.None);

        Assert.Equal(new Uri("http://saved.example:8080/"), fromFileAndEnvironment.Url);
        Assert.Equal("cda_environment-token", fromFileAndEnvironment.Token);
        Assert.Equal(new Uri("https://flag.example/dispatch/"), fromFlag.Url);
        Assert.Equal("cda_environment-token", fromFlag.Token);
    }

    [Fact]
    public void ConfigPath_FollowsXdgConfigHome_AndCdConfigOverridesIt()
    {
        _environment["XDG_CONFIG_HOME"] = Path.Combine(_home.FullName, "xdg");
        var xdg = Resolver.ConfigPath;
        _environment["CD_CONFIG"] = Path.Combine(_home.FullName, "elsewhere.json");

        Assert.Equal(Path.Combine(_home.FullName, "xdg", "centraldispatch", "cli.json"), xdg);
        Assert.Equal(Path.Combine(_home.FullName, "elsewhere.json"), Resolver.ConfigPath);
    }

    [Fact]
    public async Task NothingConfigured_IsExit2_SayingHowToLogIn()
    {
        var e = await Assert.ThrowsAsync<CliException>(() => Resolver.ResolveAsync(null, null, CancellationToken.None));

        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.Contains("dispatch login", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUrlThatIsNotHttp_IsRefused()
    {
        var e = await Assert.ThrowsAsync<CliException>(() => Resolver.ResolveAsync("ftp://x", "cda_token", CancellationToken.None));

        Assert.Equal(ExitCodes.Refused, e.ExitCode);
        Assert.StartsWith("--url:", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _home.Delete(recursive: true);
}
