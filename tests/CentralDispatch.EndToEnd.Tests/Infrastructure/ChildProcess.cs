using System.Diagnostics;
using System.Globalization;

namespace CentralDispatch.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A long-running `dispatch` process (serve, worker run) with the tail of its output kept for failure messages.
/// Stopped with SIGTERM (its clean shutdown) and killed only when that does not end it.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 300;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private ChildProcess(Process process, string label)
    {
        _process = process;
        Label = label;
    }

    public string Label { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>128 + the signal for a process ended by a signal (137 for SIGKILL), as a shell reports it.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the process printed (stdout and stderr interleaved).</summary>
    public string Output
    {
        get
        {
            lock (_tail)
            {
                return $"--- last output of {Label} (pid {Id})\n" + string.Join('\n', _tail);
            }
        }
    }

    public static ChildProcess Start(ProcessStartInfo info, string label)
    {
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, label);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the process to end by itself; false when it still runs after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM, then SIGKILL after <paramref name="grace"/>; returns once the process is gone.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        if (!await WaitForExitAsync(grace))
        {
            await KillAsync();
        }
    }

    /// <summary>SIGKILL to this process only (not its children: a killed worker leaves its servers, as kill -9 does).</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(60));
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > KeptLines)
            {
                _tail.Dequeue();
            }
        }
    }
}
