namespace CentralDispatch.Worker.Machine.Apache;

/// <summary>
/// A graceful reload command returns as soon as Apache is signalled; Apache then reads its configuration again. Files
/// a site references must not disappear during that re-read (a missing certificate stops Apache, and every site with
/// it), so a reload is only over when Apache's main error log says it resumed normal operations. Apache writes those
/// notice lines whatever the LogLevel.
/// </summary>
public sealed class GracefulRestartWatcher(string errorLog, TimeProvider timeProvider)
{
    private const string Resumed = "resuming normal operations";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>Where the log ends now; call before sending the reload.</summary>
    public long Mark() => File.Exists(errorLog) ? new FileInfo(errorLog).Length : 0;

    /// <summary>Waits until the log, after <paramref name="mark"/>, shows that Apache resumed.</summary>
    /// <exception cref="TimeoutException">Apache did not say so in time (e.g. it stopped on a bad configuration); the log's new lines are in the message.</exception>
    public async Task WaitAsync(long mark, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + timeout;
        var written = "";
        while (true)
        {
            written = ReadFrom(mark);
            if (written.Contains(Resumed, StringComparison.Ordinal))
            {
                return;
            }

            if (timeProvider.GetUtcNow() >= deadline)
            {
                var tail = written.Length > 2000 ? written[^2000..] : written;
                throw new TimeoutException(
                    $"Apache did not confirm the graceful reload within {timeout.TotalSeconds:0} s; its error log {errorLog} says: {tail.Trim()}");
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
