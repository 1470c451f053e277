using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Worker.Machine.Processes;

/// <summary>Starts programs with <see cref="ProcessStartInfo.ArgumentList"/>; kills the whole process tree on timeout or cancel.</summary>
public sealed partial class ProcessRunner(TimeProvider timeProvider, ILogger<ProcessRunner> logger) : IProcessRunner
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>What is kept of one output stream of a program: far more than any message needs.</summary>
    public const int MaxOutputChars = 4 * 1024 * 1024;

    /// <summary>After a kill, how long to wait for the last output of a program before reporting without it.</summary>
    private static readonly TimeSpan DrainAfterKill = TimeSpan.FromSeconds(2);

    public async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (new object?[] { request.StandardInput, request.StandardInputFile, request.StandardInputSource }.Count(i => i is not null) > 1)
        {
            throw new ArgumentException("Give at most one of StandardInput, StandardInputFile and StandardInputSource.", nameof(request));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var command = request.Display();
        using var process = new Process { StartInfo = CreateStartInfo(request) };
        var started = timeProvider.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start '{command}': {ex.Message}", ex);
        }

        var standardOutput = ReadBoundedAsync(process.StandardOutput);
        var standardError = ReadBoundedAsync(process.StandardError);
        var standardInput = WriteInputAsync(process, request, cancellationToken);

        using var timeout = request.Timeout is { } limit ? new CancellationTokenSource(limit, timeProvider) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            var lastError = await OutputIfDoneSoonAsync(standardError);
            LogTimedOut(logger, command, request.Timeout!.Value.TotalMilliseconds);
            throw new ProcessTimeoutException(command, request.Timeout.Value, lastError);
        }

        await standardInput;
        var result = new ProcessResult(command, process.ExitCode, await standardOutput, await standardError, timeProvider.GetElapsedTime(started));
        LogRan(logger, command, result.ExitCode, result.Duration.TotalMilliseconds);
        return result;
    }

    /// <summary>
    /// The program's output, up to <see cref="MaxOutputChars"/>; the rest is read and dropped, so a program that writes
    /// without end (a hostile dump's SELECTs, say) never fills the worker's memory, and never blocks on a full pipe.
    /// </summary>
    private static async Task<string> ReadBoundedAsync(StreamReader reader)
    {
        var kept = new StringBuilder();
        var buffer = new char[16 * 1024];
        var dropped = false;
        int read;
        while ((read = await reader.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            var room = MaxOutputChars - kept.Length;
            kept.Append(buffer, 0, Math.Min(room, read));
            dropped |= read > room;
        }

        return dropped ? kept.Append("\n[output cut at ").Append(MaxOutputChars).Append(" characters]").ToString() : kept.ToString();
    }

    private static ProcessStartInfo CreateStartInfo(ProcessRequest request)
    {
        var startInfo = new ProcessStartInfo(request.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8NoBom,
            StandardOutputEncoding = Utf8NoBom,
            StandardErrorEncoding = Utf8NoBom,
            WorkingDirectory = request.WorkingDirectory ?? string.Empty,
        };
        foreach (var argument in request.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in request.Environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        return startInfo;
    }

    private static async Task WriteInputAsync(Process process, ProcessRequest request, CancellationToken cancellationToken)
    {
        var input = process.StandardInput;
        try
        {
            if (request.StandardInput is not null)
            {
                await input.WriteAsync(request.StandardInput);
            }
            else if (Source(request) is { } source)
            {
                await WriteFromSourceAsync(process, input.BaseStream, source, cancellationToken);
            }

            input.Close();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The program exited (or closed its stdin, or was killed) before reading everything; its exit code tells the story.
        }
    }

    private static Func<Stream, CancellationToken, Task>? Source(ProcessRequest request) =>
        request.StandardInputSource ?? (request.StandardInputFile is { } path
            ? async (stdin, token) =>
            {
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                await file.CopyToAsync(stdin, token);
            }
            : null);

    private static async Task WriteFromSourceAsync(Process process, Stream stdin, Func<Stream, CancellationToken, Task> source, CancellationToken cancellationToken)
    {
        try
        {
            await source(stdin, cancellationToken);
        }
        catch
        {
            // Closing stdin now would hand the program a cut-off input as if it were whole (a half-loaded dump that exits 0).
            // A program that already exited (a broken pipe) is not affected: its exit code stands.
            KillTree(process);
            throw;
        }
    }

    private async Task<string> OutputIfDoneSoonAsync(Task<string> read)
    {
        try
        {
            // A descendant that escaped the kill (a daemon) may hold the pipe open forever.
            return await read.WaitAsync(DrainAfterKill, timeProvider);
        }
        catch (TimeoutException)
        {
            return string.Empty;
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the timeout and the kill.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ran {Command}: exit code {ExitCode} in {DurationMs} ms")]
    private static partial void LogRan(ILogger logger, string command, int exitCode, double durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Killed {Command} after its timeout of {TimeoutMs} ms")]
    private static partial void LogTimedOut(ILogger logger, string command, double timeoutMs);
}
