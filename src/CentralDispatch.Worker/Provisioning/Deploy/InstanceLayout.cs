using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Certificates;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// Where everything of one instance lives on this host, derived from its name and the worker's configuration. The
/// webroot <c>&lt;install path&gt;/&lt;name&gt;</c> is a symbolic link to the live release tree, one of the trees in the
/// instance's releases folder <c>&lt;install path&gt;/.releases/&lt;name&gt;/</c>: a redeploy flips the link atomically.
/// The instance config file (with the database password) lives in that releases folder too, outside every tree Apache
/// serves: <see cref="ConfigFile"/>.
/// </summary>
public sealed record InstanceLayout(
    string Name,
    string Webroot,
    string VirtualHostFile,
    string? SiteLink,
    CertificatePaths Certificates,
    string SecretsFile,
    string ErrorLog,
    string AccessLog,
    string CronTag,
    string Database,
    string DatabaseUser,
    string LinuxUser,
    string ConfigFileName)
{
    public static InstanceLayout For(InstancePayload instance, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        var name = instance.Name;
        var vhosts = new VirtualHostFiles(options.WebServer);
        var derived = DerivedNames.For(name);
        return new InstanceLayout(
            name,
            Path.Combine(options.Paths.InstallPath, derived.WebrootFolder),
            vhosts.FileFor(name),
            vhosts.LinkFor(name),
            CertificatePaths.For(options.Paths.CertsFolder, name),
            Path.Combine(options.Paths.SecretsFolder, name + ".json"),
            Path.Combine(options.WebServer.LogFolder, name + "-error.log"),
            Path.Combine(options.WebServer.LogFolder, name + "-access.log"),
            derived.CronTag,
            derived.Database,
            derived.DatabaseUser,
            derived.LinuxUser,
            options.InstanceConfig.FileName);
    }

    /// <summary>Holds every folder of the install path that is not an instance's webroot; no instance name starts with a dot.</summary>
    public const string ReleasesFolderName = ".releases";

    /// <summary>Holds the instances' private folders (sessions, uploads in progress), beside <see cref="ReleasesFolderName"/>.</summary>
    public const string PrivateFolderName = ".private";

    /// <summary>The marker file in the releases folder: its content is the ownership tag.</summary>
    public const string OwnerMarkerName = ".centraldispatch";

    /// <summary>The instance's releases folder: its release trees and its owner marker, outside what Apache serves.</summary>
    public string ReleasesFolder => Path.Combine(Path.GetDirectoryName(Webroot)!, ReleasesFolderName, Name);

    public string OwnerMarkerFile => Path.Combine(ReleasesFolder, OwnerMarkerName);

    /// <summary>
    /// The instance's private folder <c>&lt;install path&gt;/.private/&lt;name&gt;/</c>, never served: the home of its
    /// Linux user, with its PHP session folder and upload folder, readable by that user alone.
    /// </summary>
    public string PrivateFolder => Path.Combine(Path.GetDirectoryName(Webroot)!, PrivateFolderName, Name);

    /// <summary>PHP's session.save_path for the instance's pool.</summary>
    public string SessionFolder => Path.Combine(PrivateFolder, "sessions");

    /// <summary>PHP's upload_tmp_dir and sys_temp_dir for the instance's pool.</summary>
    public string TempFolder => Path.Combine(PrivateFolder, "tmp");

    /// <summary>
    /// The instance config file: in the releases folder (root's, never served, not the tenant's to write), beside the
    /// trees; the application finds it through CENTRALDISPATCH_CONFIG (vhost and cron line). Removed with the folder.
    /// </summary>
    public string ConfigFile => Path.Combine(ReleasesFolder, ConfigFileName);

    /// <summary>The tree a job makes for a release; the job id keeps two deploys of one release apart.</summary>
    public string TreeFor(string release, long jobId) =>
        Path.Combine(ReleasesFolder, $"{release}-job{jobId.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    /// <summary>The release tree the webroot link points at now, or null when the webroot is not such a link.</summary>
    public string? LiveTree()
    {
        if (new FileInfo(Webroot).LinkTarget is not { } target)
        {
            return null;
        }

        var resolved = Path.GetFullPath(target, Path.GetDirectoryName(Webroot)!);
        return Path.GetDirectoryName(resolved) == ReleasesFolder ? resolved : null;
    }
}
