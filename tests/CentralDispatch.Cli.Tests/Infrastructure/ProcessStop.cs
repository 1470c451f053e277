using System.Diagnostics;

namespace CentralDispatch.Cli.Tests.Infrastructure;

/// <summary>Stops a `dispatch` process as an init system would: SIGTERM, a grace period to shut down cleanly, then kill.</summary>
public static class ProcessStop
{
    public static async Task TerminateAsync(Process process, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.HasExited)
        {
            return;
        }

        using var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
