using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Files;

namespace CentralDispatch.Worker.Machine.Apache;

/// <summary>
/// An instance's vhost file and its enabling link, for both layouts: Debian (sites-available + a link in sites-enabled,
/// what a2ensite does) and RHEL (one file in conf.d, active as soon as it is written; enabling is a no-op).
/// </summary>
public sealed class VirtualHostFiles(WebServerOptions options)
{
    private bool UsesLinks => options.Flavor == WebServerFlavor.Debian;

    /// <summary>Where the vhost file of <paramref name="instanceName"/> is written.</summary>
    public string FileFor(string instanceName) => Path.Combine(UsesLinks ? options.SitesAvailable! : options.ConfD!, instanceName + ".conf");

    /// <summary>The enabling link (Debian), or null when the layout has none.</summary>
    public string? LinkFor(string instanceName) => UsesLinks ? Path.Combine(options.SitesEnabled!, instanceName + ".conf") : null;

    /// <summary>Writes the vhost file atomically (0644).</summary>
    public Task WriteAsync(string instanceName, string content, CancellationToken cancellationToken) =>
        AtomicFile.WriteTextAsync(FileFor(instanceName), content, FileModes.Readable, cancellationToken);

    /// <summary>Creates the enabling link; true when it was created now, false when it already pointed at the file.</summary>
    /// <exception cref="IOException">Something else is at the link's place; it is left alone.</exception>
    public bool Enable(string instanceName)
    {
        if (LinkFor(instanceName) is not { } link)
        {
            return false;
        }

        var file = FileFor(instanceName);
        var existing = new FileInfo(link);
        if (existing.LinkTarget is { } target)
        {
            return Path.GetFullPath(target, options.SitesEnabled!) == file
                ? false
                : throw new IOException($"'{link}' already links to '{target}', not to '{file}'; it was not made by this worker.");
        }

        if (existing.Exists)
        {
            throw new IOException($"'{link}' already exists and is not a link to '{file}'; it was not made by this worker.");
        }

        File.CreateSymbolicLink(link, file);
        return true;
    }

    /// <summary>Removes the enabling link if it is there; true when one was removed.</summary>
    public bool Disable(string instanceName)
    {
        if (LinkFor(instanceName) is not { } link || new FileInfo(link).LinkTarget is null)
        {
            return false;
        }

        File.Delete(link);
        return true;
    }

    /// <summary>Removes the vhost file if it is there; true when one was removed.</summary>
    public bool Remove(string instanceName)
    {
        var file = FileFor(instanceName);
        if (!File.Exists(file))
        {
            return false;
        }

        File.Delete(file);
        return true;
    }
}
