using CentralDispatch.Testing;
using CentralDispatch.Worker.Machine.Processes;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Machine.Processes;

public sealed class ProcessRunnerTests
{
    private readonly IProcessRunner _runner = RealHost.Runner;

    [Fact]
    public async Task Arguments_ReachTheProgramVerbatim_WithoutAShell()
    {
        var result = await _runner.RunCheckedAsync(ProcessRequest.Of("printf", "%s|%s", "a b 'c' $HOME; `x`", "*"), CancellationToken.None);

        Assert.Equal("a b 'c' $HOME; `x`|*", result.StandardOutput);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task EndlessOutput_IsKeptOnlyUpToTheLimit_AndTheProgramRunsToItsEnd()
    {
        // 64 MiB of output: read to the end (the program is never blocked on a full pipe), but not kept.
        var result = await _runner.RunCheckedAsync(ProcessRequest.Of("head", "-c", "67108864", "/dev/zero"), CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(new string('\0', 1024), result.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith($"[output cut at {ProcessRunner.MaxOutputChars} characters]", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(result.StandardOutput.Length < ProcessRunner.MaxOutputChars + 100);
    }

    [Fact]
    public async Task StandardInput_IsWrittenAndClosed()
    {
        var result = await _runner.RunCheckedAsync(ProcessRequest.Of("cat") with { StandardInput = "line one\nläuft\n" }, CancellationToken.None);

        Assert.Equal("line one\nläuft\n", result.StandardOutput);
    }

    [Fact]
    public async Task StandardInputFile_IsStreamedToTheProgram()
    {
        using var folder = new TestFolder();
        var input = folder.Combine("input.txt");
        await File.WriteAllTextAsync(input, string.Concat(Enumerable.Repeat("0123456789", 100_000)));

        var result = await _runner.RunCheckedAsync(ProcessRequest.Of("wc", "-c") with { StandardInputFile = input }, CancellationToken.None);

        Assert.Equal("1000000", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task StandardInputSource_WritesTheProgramsInput_ThenClosesIt()
    {
        var request = ProcessRequest.Of("wc", "-c") with
        {
            StandardInputSource = async (stdin, token) => await stdin.WriteAsync(new byte[12345], token),
        };

        var result = await _runner.RunCheckedAsync(request, CancellationToken.None);

        Assert.Equal("12345", result.StandardOutput.Trim());
    }

    /// <summary>A source that fails half-way must not look like a short input: the program (here one that would report success) is killed.</summary>
    [Fact]
    public async Task StandardInputSource_ThatThrows_KillsTheProgram_AndTheErrorReachesTheCaller()
    {
        // Without the kill, the program would wait for the rest of its input until this timeout (a ProcessTimeoutException).
        var request = ProcessRequest.Of("sh", "-c", "cat > /dev/null; echo read it all") with
        {
            Timeout = TimeSpan.FromMinutes(5),
            StandardInputSource = async (stdin, token) =>
            {
                await stdin.WriteAsync("the first half\n"u8.ToArray(), token);
                throw new InvalidDataException("the filter failed");
            },
        };

        var thrown = await Assert.ThrowsAsync<InvalidDataException>(() => _runner.RunAsync(request, CancellationToken.None));

        Assert.Equal("the filter failed", thrown.Message);
    }

    [Fact]
    public async Task EnvironmentAndWorkingDirectory_AreApplied()
    {
        using var folder = new TestFolder();
        var request = ProcessRequest.Of("sh", "-c", "echo \"$CD_TEST_VALUE\"; pwd; echo \"${HOME:-unset}\"") with
        {
            WorkingDirectory = folder.Path,
            Environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["CD_TEST_VALUE"] = "set", ["HOME"] = null },
        };

        var result = await _runner.RunCheckedAsync(request, CancellationToken.None);

        Assert.Equal(["set", folder.Path, "unset"], result.StandardOutput.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task NonZeroExit_IsReturned_AndEnsureSuccessThrowsWithCommandCodeAndStderr()
    {
        var result = await _runner.RunAsync(ProcessRequest.Of("sh", "-c", "echo partial; echo 'it broke' >&2; exit 3"), CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("partial\n", result.StandardOutput);
        var failure = Assert.Throws<ProcessFailedException>(() => result.EnsureSuccess());
        Assert.Equal(3, failure.ExitCode);
        Assert.Contains("'sh -c 'echo partial; echo '\\''it broke'\\'' >&2; exit 3'' exited with code 3: it broke", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongStderr_IsBoundedInTheMessage()
    {
        var result = await _runner.RunAsync(ProcessRequest.Of("sh", "-c", "head -c 100000 /dev/zero | tr '\\0' x >&2; exit 1"), CancellationToken.None);

        var failure = Assert.Throws<ProcessFailedException>(() => result.EnsureSuccess());
        Assert.Equal(100_000, result.StandardError.Length);
        Assert.True(failure.Message.Length < ProcessFailedException.MaxErrorLength + 200, $"message has {failure.Message.Length} characters");
        Assert.EndsWith("(truncated)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_KillsTheWholeProcessTree()
    {
        var marker = $"{Random.Shared.Next(100, 999)}.{Random.Shared.Next(100_000, 999_999)}";
        var request = ProcessRequest.Of("sh", "-c", $"sleep {marker} & sleep {marker}; wait") with { Timeout = TimeSpan.FromMilliseconds(300) };

        var failure = await Assert.ThrowsAsync<ProcessTimeoutException>(() => _runner.RunAsync(request, CancellationToken.None));

        Assert.Contains("did not finish", failure.Message, StringComparison.Ordinal);
        Assert.Empty(ProcessesWithArgument(marker));
    }

    [Fact]
    public async Task Cancellation_KillsTheProcess_AndThrowsOperationCanceled()
    {
        var marker = $"{Random.Shared.Next(100, 999)}.{Random.Shared.Next(100_000, 999_999)}";
        using var cancel = new CancellationTokenSource();
        var run = _runner.RunAsync(ProcessRequest.Of("sleep", marker), cancel.Token);
        await Eventually.TrueAsync(() => ProcessesWithArgument(marker).Count > 0, "the process started");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Empty(ProcessesWithArgument(marker));
    }

    [Fact]
    public async Task MissingProgram_IsReportedWithItsName()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => _runner.RunAsync(ProcessRequest.Of("no-such-program-cd", "x"), CancellationToken.None));

        Assert.Contains("no-such-program-cd", failure.Message, StringComparison.Ordinal);
    }

    private static List<int> ProcessesWithArgument(string argument) =>
        Directory.EnumerateDirectories("/proc")
            .Select(folder => int.TryParse(Path.GetFileName(folder), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ProcessLiveness.IsAlive(pid) && ProcessLiveness.Arguments(pid).Contains(argument))
            .ToList();
}
