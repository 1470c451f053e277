using CentralDispatch.Worker.Configuration;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>The archive a Deploy restores from (job parameter RestoreFromArchive): only a file in this worker's archive folder.</summary>
public static class RestoreArchive
{
    /// <summary>The archive's full path, or null when the job is a plain deploy.</summary>
    /// <exception cref="InvalidOperationException">The path is outside the archive folder.</exception>
    public static string? Of(StepContext context, WorkerOptions worker)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(worker);
        if (context.Job.Parameters?.RestoreFromArchive is not { Length: > 0 } given)
        {
            return null;
        }

        // The dispatcher sends back the path this worker reported; anything else must not be read as an archive.
        var folder = Path.GetFullPath(worker.Paths.ArchiveFolder).TrimEnd('/') + "/";
        var path = Path.GetFullPath(given);
        return path.StartsWith(folder, StringComparison.Ordinal) && !path[folder.Length..].Contains('/', StringComparison.Ordinal)
            ? path
            : throw new InvalidOperationException($"The archive to restore '{given}' is not a file in this worker's archive folder {folder}.");
    }
}
