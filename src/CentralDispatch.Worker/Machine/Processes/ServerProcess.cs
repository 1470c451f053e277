using System.Diagnostics;
using System.Text;

namespace CentralDispatch.Worker.Machine.Processes;

/// <summary>
/// A long-running server started as the worker's own child in the foreground (not daemonized), so that its exit is seen
/// and it is reaped; what it prints before it has its own log is kept (bounded) for the error message if it dies.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private const int MaxKeptOutput = 8000;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Command { get; private init; } = string.Empty;

    /// <summary>What the server printed so far (its start-up errors), trimmed.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString().Trim();
            }
        }
    }

    public static ServerProcess Start(string fileName, IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,

            // Redirected (not inherited) so the server never holds the worker's own stdout, which a parent may be reading.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        var server = new ServerProcess(process) { Command = CommandLine.Format(fileName, arguments) };
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Asks the server to stop its own clean way, waits up to <paramref name="timeout"/>, and only then kills it.</summary>
    public async Task StopAsync(Func<CancellationToken, Task> askToStop, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(askToStop);
        if (_process.HasExited)
        {
            return;
        }

        await askToStop(cancellationToken);
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await _process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            KillTree();
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Stops a server that an earlier, killed worker left running: the pid in <paramref name="pidFile"/>, if alive and
    /// started with <paramref name="ownArgument"/> (so a recycled pid of another program is never touched).
    /// </summary>
    /// <returns>The pid stopped, or null when there was none.</returns>
    public static async Task<int?> StopLeftoverAsync(string pidFile, string ownArgument, Func<int, CancellationToken, Task> askToStop, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(askToStop);
        if (ProcessLiveness.ReadPidFile(pidFile) is not { } pid
            || !ProcessLiveness.IsAlive(pid)
            || !ProcessLiveness.Arguments(pid).Contains(ownArgument))
        {
            return null;
        }

        await askToStop(pid, cancellationToken);
        if (!await Waiting.UntilAsync(() => !ProcessLiveness.IsAlive(pid), timeout, timeProvider, cancellationToken))
        {
            throw new InvalidOperationException($"A server left by an earlier run (pid {pid}, {ownArgument}) did not stop within {timeout.TotalSeconds} s; stop it and start again.");
        }

        return pid;
    }

    /// <summary>Last resort when a clean stop did not end it in time.</summary>
    public void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    public void Dispose() => _process.Dispose();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < MaxKeptOutput)
            {
                _output.AppendLine(line);
            }
        }
    }
}
