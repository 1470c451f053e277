using CentralDispatch.Cli.Tests.Infrastructure;
using CentralDispatch.Worker.Configuration;

namespace CentralDispatch.Cli.Tests.Workers;

/// <summary>`worker init` takes the enrolment token from a file or standard input, so it need not stand on a command line.</summary>
public sealed class WorkerInitTokenTests : IDisposable
{
    private const string Token = "cdw_token-that-never-stands-on-a-command-line";
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("cd-cli-token-");
    private readonly DirectoryInfo _secrets = Directory.CreateTempSubdirectory("cd-cli-token-file-");
    private readonly CliUser _user = new();

    private string Sandbox => Path.Combine(_data.FullName, "sandbox");

    private string ConfigFile => Path.Combine(Sandbox, "worker.json");

    [Fact]
    public async Task TokenFile_IsRead_WithoutItsLineBreak()
    {
        var file = TokenFile(Token + "\n");

        var result = await InitAsync(stdin: null, "--token-file", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Token, WorkerConfigFile.Load(ConfigFile).Dispatcher.Token);
    }

    [Fact]
    public async Task TokenStdin_ReadsTheFirstLineOfStandardInput()
    {
        var result = await InitAsync(stdin: Token + "\n", "--token-stdin");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Token, WorkerConfigFile.Load(ConfigFile).Dispatcher.Token);
    }

    public static TheoryData<string, string?, string[]> BadTokens => new()
    {
        { "exactly one of --token-file FILE, --token-stdin or --token (none given)", null, [] },
        { "exactly one of --token-file FILE, --token-stdin or --token (2 given)", Token, ["--token-stdin", "--token", Token] },
        { "--token-stdin: the enrolment token is empty", "\n", ["--token-stdin"] },
        { "--token-stdin: the enrolment token is empty", null, ["--token-stdin"] },
        { "--token: the enrolment token is empty", null, ["--token", " "] },
        { "--token-stdin: the enrolment token must be one word", "cdw_a cdw_b\n", ["--token-stdin"] },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadTokenInput_Exits1WithOneLine_AndWritesNothing(string expected, string? stdin, string[] tokenArgs)
    {
        var result = await InitAsync(stdin, tokenArgs);

        AssertRefused(result, expected);
    }

    [Fact]
    public async Task EmptyOrMissingTokenFile_Exits1WithOneLine_AndWritesNothing()
    {
        var empty = await InitAsync(stdin: null, "--token-file", TokenFile("\n"));
        var missing = await InitAsync(stdin: null, "--token-file", Path.Combine(_secrets.FullName, "absent"));

        AssertRefused(empty, "--token-file: the enrolment token is empty");
        AssertRefused(missing, $"--token-file: cannot read {Path.Combine(_secrets.FullName, "absent")}");
    }

    public void Dispose()
    {
        _user.Dispose();
        _data.Delete(recursive: true);
        _secrets.Delete(recursive: true);
    }

    private void AssertRefused(CliResult result, string expected)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Sandbox), "a refused init writes nothing");
    }

    private string TokenFile(string content)
    {
        var path = Path.Combine(_secrets.FullName, "token");
        File.WriteAllText(path, content);
        return path;
    }

    private Task<CliResult> InitAsync(string? stdin, params string[] tokenArgs) => DispatchProcess.RunAsync(
        ["worker", "init", "--profile", "sandbox", "--dispatcher", FreePort.ClosedUrl(), "--data", Sandbox, .. tokenArgs], stdin, _user.Environment);
}
