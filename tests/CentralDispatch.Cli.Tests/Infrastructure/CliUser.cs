using System.Text.Json;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Json;
using CentralDispatch.Testing;
using CentralDispatch.Testing.Hosting;

namespace CentralDispatch.Cli.Tests.Infrastructure;

/// <summary>
/// An operator at a shell: their own HOME (so `dispatch login` never touches the real ~/.config) and, unless told
/// otherwise, CD_URL / CD_TOKEN pointing at the test dispatcher with its admin token.
/// </summary>
public sealed class CliUser : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("cd-cli-home-");

    public CliUser(DispatcherTestHost? host = null, bool loggedInByEnvironment = true)
    {
        Url = host?.Url;
        Token = loggedInByEnvironment ? host?.AdminToken : null;
        if (!loggedInByEnvironment)
        {
            Url = null;
        }
    }

    public string Home => _home.FullName;

    public string ConfigFile => Path.Combine(Home, ".config", "centraldispatch", "cli.json");

    private string? Url { get; }

    private string? Token { get; }

    public Dictionary<string, string> Environment => new()
    {
        ["HOME"] = Home,
        ["XDG_CONFIG_HOME"] = "",
        ["CD_CONFIG"] = "",
        ["CD_WORKER_CONFIG"] = "",
        ["CD_URL"] = Url ?? "",
        ["CD_TOKEN"] = Token ?? "",
    };

    public Task<CliResult> RunAsync(params string[] args) => DispatchProcess.RunAsync(args, environment: Environment);

    /// <summary>Runs with --output json; asserts exit 0 and that stdout is exactly one JSON document.</summary>
    public async Task<T> JsonAsync<T>(params string[] args)
    {
        var result = await RunAsync([.. args, "--output", "json"]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        return JsonSerializer.Deserialize<T>(result.Stdout, CoreJson.Options)!;
    }

    /// <summary>`dispatch instance create NAME` on the worker with the test host name and a backend e-mail, JSON parsed.</summary>
    public Task<InstanceResponse> CreateInstanceAsync(string name, string worker, params string[] more) =>
        JsonAsync<InstanceResponse>(["instance", "create", name, "--hostname", TestNames.Hostname(name), "--worker", worker, "--backend-email", "ops@example.com", .. more]);

    public void Dispose()
    {
        try
        {
            _home.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is cleaned by the OS eventually.
        }
    }
}
