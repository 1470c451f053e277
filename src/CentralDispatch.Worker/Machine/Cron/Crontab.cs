namespace CentralDispatch.Worker.Machine.Cron;

/// <summary>The tagged-line edits, done once for every crontab store: read all lines, change some, write all back.</summary>
public abstract class Crontab : ICrontab, IDisposable
{
    // Jobs of different instances run in parallel on one host and share one crontab: edits must not interleave.
    private readonly SemaphoreSlim _edit = new(1, 1);

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) => await ReadLinesAsync(cancellationToken);

    public async Task<bool> HasTagAsync(string tag, CancellationToken cancellationToken)
    {
        CrontabLines.CheckTag(tag);
        return (await ReadLinesAsync(cancellationToken)).Any(line => CrontabLines.HasTag(line, tag));
    }

    public Task<bool> AddAsync(string tag, string line, CancellationToken cancellationToken)
    {
        var tagged = CrontabLines.Tagged(tag, line);
        return EditAsync(lines =>
        {
            if (lines.Any(existing => CrontabLines.Resume(existing) == tagged))
            {
                return false;
            }

            lines.Add(tagged);
            return true;
        }, cancellationToken);
    }

    public Task<int> RemoveAsync(string tag, CancellationToken cancellationToken)
    {
        CrontabLines.CheckTag(tag);
        return EditAsync(lines => lines.RemoveAll(line => CrontabLines.HasTag(line, tag)), cancellationToken);
    }

    public Task<int> SuspendAsync(string tag, CancellationToken cancellationToken) =>
        Rewrite(tag, line => !CrontabLines.IsSuspended(line), CrontabLines.Suspend, cancellationToken);

    public Task<int> ResumeAsync(string tag, CancellationToken cancellationToken) =>
        Rewrite(tag, CrontabLines.IsSuspended, CrontabLines.Resume, cancellationToken);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _edit.Dispose();
        }
    }

    /// <summary>The current content; an absent crontab is an empty text.</summary>
    protected abstract Task<string> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the whole content (always ends with a newline, which cron requires).</summary>
    protected abstract Task WriteAsync(string content, CancellationToken cancellationToken);

    private Task<int> Rewrite(string tag, Func<string, bool> applies, Func<string, string> change, CancellationToken cancellationToken)
    {
        CrontabLines.CheckTag(tag);
        return EditAsync(lines =>
        {
            var changed = 0;
            for (var i = 0; i < lines.Count; i++)
            {
                if (CrontabLines.HasTag(lines[i], tag) && applies(lines[i]))
                {
                    lines[i] = change(lines[i]);
                    changed++;
                }
            }

            return changed;
        }, cancellationToken);
    }

    private async Task<T> EditAsync<T>(Func<List<string>, T> edit, CancellationToken cancellationToken)
    {
        await _edit.WaitAsync(cancellationToken);
        try
        {
            var lines = await ReadLinesAsync(cancellationToken);
            var before = lines.ToList();
            var result = edit(lines);
            if (!lines.SequenceEqual(before, StringComparer.Ordinal))
            {
                await WriteAsync(lines.Count == 0 ? string.Empty : string.Join('\n', lines) + "\n", cancellationToken);
            }

            return result;
        }
        finally
        {
            _edit.Release();
        }
    }

    private async Task<List<string>> ReadLinesAsync(CancellationToken cancellationToken)
    {
        var content = await ReadAsync(cancellationToken);
        var lines = content.Split('\n').ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}
