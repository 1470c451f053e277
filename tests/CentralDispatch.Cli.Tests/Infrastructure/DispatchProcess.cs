using System.Diagnostics;
using System.Text;

namespace CentralDispatch.Cli.Tests.Infrastructure;

/// <summary>Runs the real `dispatch` executable built next to the tests, as an operator would from a shell.</summary>
public static class DispatchProcess
{
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "dispatch.dll");

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>Runs to the end; returns exit code, stdout and stderr.</summary>
    public static async Task<CliResult> RunAsync(string[] args, string? stdin = null, IDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(StartInfo(args, environment))!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
