using System.Diagnostics;

namespace CentralDispatch.Testing.Processes;

/// <summary>
/// Runs the real `dispatch` executable built next to the tests (in test projects that reference the CLI project),
/// as an operator would from a shell.
/// </summary>
public static class DispatchProcess
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

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
    public static Task<CliResult> RunAsync(string[] args, string? stdin = null, IDictionary<string, string>? environment = null) =>
        RunAsync(StartInfo(args, environment), stdin);

    /// <summary>Runs a prepared start (see <see cref="StartInfo"/>) to the end; killed, with an exception, if it outlives <paramref name="timeout"/>.</summary>
    public static async Task<CliResult> RunAsync(ProcessStartInfo info, string? stdin = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        using var process = Process.Start(info)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dispatch {string.Join(' ', info.ArgumentList.Skip(1))} did not end within {timeout ?? DefaultTimeout}.");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
