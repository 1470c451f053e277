using System.Diagnostics;

namespace CentralDispatch.Cli.Tests.Infrastructure;

/// <summary>
/// Runs `dispatch` on a pseudo-terminal through util-linux `script`, so stdin and stdout are a terminal as for an
/// operator at a shell (confirmation questions, the live job view). What is typed comes from <c>input</c>.
/// </summary>
public static class TerminalProcess
{
    public static async Task<CliResult> RunAsync(string[] args, string input, IDictionary<string, string> environment)
    {
        var command = string.Join(' ', new[] { "dotnet", DispatchProcess.Executable }.Concat(args).Select(Quote));
        var info = new ProcessStartInfo("script")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--quiet", "--return", "--command", command, "/dev/null" })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        await process.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        finally
        {
            process.StandardInput.Close();
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
