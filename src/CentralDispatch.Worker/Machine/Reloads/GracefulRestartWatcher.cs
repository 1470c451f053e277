namespace CentralDispatch.Worker.Machine.Reloads;

/// <summary>
/// A graceful reload command returns as soon as the server is signalled; it then reads its configuration again. Files
/// a site references must not disappear during that re-read (a missing certificate stops Apache, and every site with
/// it), and a pool just added has no socket before it, so a reload is only over when the server's main error log says
/// it is serving again: Apache's "resuming normal operations" (written whatever the LogLevel), or PHP-FPM's
/// <see cref="PhpFpmReady"/> (a notice: the master's log_level must stay at notice or below).
/// </summary>
public sealed class GracefulRestartWatcher(string errorLog, TimeProvider timeProvider, string resumed = GracefulRestartWatcher.ApacheResumed, string server = "Apache")
{
    public const string ApacheResumed = "resuming normal operations";

    public const string PhpFpmReady = "ready to handle connections";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>Where the log ends now; call before sending the reload.</summary>
    public long Mark() => File.Exists(errorLog) ? new FileInfo(errorLog).Length : 0;

    /// <summary>Waits until the log, after <paramref name="mark"/>, shows that the server resumed.</summary>
    /// <exception cref="TimeoutException">The server did not say so in time (e.g. it stopped on a bad configuration); the log's new lines are in the message.</exception>
    public async Task WaitAsync(long mark, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + timeout;
        var written = "";
        while (true)
        {
            written = ReadFrom(mark);
            if (written.Contains(resumed, StringComparison.Ordinal))
            {
                return;
            }

            if (timeProvider.GetUtcNow() >= deadline)
            {
                var tail = written.Length > 2000 ? written[^2000..] : written;
                throw new TimeoutException(
                    $"{server} did not confirm the graceful reload within {timeout.TotalSeconds:0} s; its error log {errorLog} says: {tail.Trim()}");
            }

            await Task.Delay(Poll, timeProvider, cancellationToken);
        }
    }

    private string ReadFrom(long mark)
    {
        if (!File.Exists(errorLog))
        {
            return "";
        }

        using var stream = new FileStream(errorLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length <= mark)
        {
            // Rotated or truncated logs start over.
            stream.Position = stream.Length < mark ? 0 : mark;
        }
        else
        {
            stream.Position = mark;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
