using System.Text.Json;
using CentralDispatch.Worker.Machine.Files;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// The root-only secrets file of one instance (0600 in a 0700 folder): its generated database password. The password
/// never leaves the worker: it is read from here to render the instance's config file, and nowhere else.
/// <see cref="Instance"/> is the ownership tag: the file, and the database user whose password it holds, are this system's.
/// </summary>
public sealed record InstanceSecrets(string DatabasePassword, string? Instance = null)
{
    public static async Task<InstanceSecrets?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<InstanceSecrets>(stream, cancellationToken: cancellationToken);
    }

    /// <summary>The secrets of <paramref name="instanceName"/> when the file is this system's for it (names it); null otherwise.</summary>
    public static async Task<InstanceSecrets?> ReadOwnAsync(string path, string instanceName, CancellationToken cancellationToken)
    {
        try
        {
            var secrets = await ReadAsync(path, cancellationToken);
            return secrets?.Instance == instanceName ? secrets : null;
        }
        catch (JsonException)
        {
            return null; // not a secrets file this worker wrote
        }
    }

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await AtomicFile.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(this), FileModes.OwnerOnly, cancellationToken);
    }

    // Records print their members; this one must never print the password.
    public override string ToString() => $"InstanceSecrets {{ DatabasePassword = (hidden), Instance = {Instance} }}";
}
