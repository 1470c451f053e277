namespace CentralDispatch.Worker.Machine.Cron;

/// <summary>
/// The web user's crontab, edited one tagged line at a time. A tag (e.g. <c>centraldispatch:shop</c>) is written as a
/// trailing comment <c># centraldispatch:shop</c>, so lines this system did not write are never touched.
/// </summary>
public interface ICrontab
{
    /// <summary>All lines as they are now (comments included).</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds <c>line # tag</c> unless that exact line is already there (active or suspended).</summary>
    /// <returns>True when the line was added.</returns>
    Task<bool> AddAsync(string tag, string line, CancellationToken cancellationToken);

    /// <summary>Removes every line with the tag, active or suspended. Returns how many were removed.</summary>
    Task<int> RemoveAsync(string tag, CancellationToken cancellationToken);

    /// <summary>Comments out the active lines with the tag (suspend). Returns how many changed.</summary>
    Task<int> SuspendAsync(string tag, CancellationToken cancellationToken);

    /// <summary>Restores the lines that <see cref="SuspendAsync"/> commented out (resume). Returns how many changed.</summary>
    Task<int> ResumeAsync(string tag, CancellationToken cancellationToken);

    /// <summary>True when any line, active or suspended, carries the tag.</summary>
    Task<bool> HasTagAsync(string tag, CancellationToken cancellationToken);
}
