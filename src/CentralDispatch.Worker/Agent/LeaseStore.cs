using CentralDispatch.Worker.Machine.Files;
using System.Globalization;
using System.Text.Json;
using CentralDispatch.Core.Json;
using CentralDispatch.Worker.Provisioning.Journal;

namespace CentralDispatch.Worker.Agent;

/// <summary>
/// The lease of each job in flight, in a root-only <c>leases/</c> folder beside the journals, written before the job
/// touches anything. The journal keeps what the job did; this keeps the (attempt, token) a completion must carry,
/// so a worker that dies between finishing a job and reporting it can still report it after a restart.
/// </summary>
public sealed class LeaseStore
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string Extension = ".lease.json";

    public LeaseStore(JournalStore journals)
    {
        ArgumentNullException.ThrowIfNull(journals);
        Folder = Path.Combine(journals.Folder, "leases");
    }

    public string Folder { get; }

    public async Task SaveAsync(HeldLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        CreateFolder();
        var path = PathOf(lease.JobId);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Options = FileOptions.WriteThrough,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode0600;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await JsonSerializer.SerializeAsync(stream, lease, CoreJson.Options, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        // Renamed into place: a reader sees the old lease or the new one, never half of one.
        File.Move(temporary, path, overwrite: true);
        NativeFileSystem.FlushDirectory(Folder);
    }

    /// <summary>The lease last saved for the job, or null when there is none (or it cannot be read).</summary>
    public async Task<HeldLease?> FindAsync(long jobId, CancellationToken cancellationToken)
    {
        var path = PathOf(jobId);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<HeldLease>(stream, CoreJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null; // a lease is only a shortcut: without it the job is reported when it is claimed again
        }
    }

    public void Delete(long jobId) => File.Delete(PathOf(jobId));

    /// <summary>Ids of the jobs with a saved lease.</summary>
    public IReadOnlyList<long> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(Folder, "*" + Extension)
            .Select(p => Path.GetFileName(p)[..^Extension.Length])
            .Select(n => long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>()
            .Order()
            .ToList();
    }

    // Root-only, like the journal folder: a lease token lets whoever also holds the worker token report on the job.
    private void CreateFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, FolderMode);
        }
    }

    private string PathOf(long jobId) => Path.Combine(Folder, jobId.ToString(CultureInfo.InvariantCulture) + Extension);
}
