using CentralDispatch.Worker.Machine.Files;

namespace CentralDispatch.Worker.Configuration;

/// <summary>What `dispatch worker init` does: writes the config file (0600), creates the folders, installs the default templates.</summary>
public static class WorkerInitializer
{
    /// <param name="options">A profile from <see cref="WorkerProfiles"/>, possibly adjusted.</param>
    /// <param name="configPath">Where to write; see <see cref="WorkerConfigFile.DefaultPath"/>.</param>
    /// <param name="defaultReleaseSeed">When given and the default release folder is missing, it is filled with a copy of this tree (the quick start's sample release).</param>
    /// <param name="cancellationToken">Cancels the copying and writing.</param>
    public static async Task InitializeAsync(WorkerOptions options, string configPath, string? defaultReleaseSeed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var paths = options.Paths;
        var folders = new List<string> { paths.ReleasesFolder, paths.InstallPath, paths.ArchiveFolder, paths.CertsFolder, paths.JournalFolder };
        if (options.Profile == WorkerProfile.Sandbox)
        {
            folders.AddRange([options.DataFolder!, options.WebServer.SitesAvailable!, options.WebServer.SitesEnabled!, options.WebServer.LogFolder, options.PhpFpm.PoolFolder, options.PhpFpm.SocketFolder]);
        }

        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder, FileModes.Folder);
        }

        if (options.Profile == WorkerProfile.Sandbox && Environment.IsPrivilegedProcess)
        {
            // As root the sandbox Apache serves as its child user, which must pass through the data folder to reach
            // the webroots. A folder handed over ready-made (`mktemp -d` makes 0700) is opened for passing only.
            var data = options.DataFolder!;
            File.SetUnixFileMode(data, File.GetUnixFileMode(data) | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        // Created 0700 and kept so even if it existed: it holds the instances' database passwords.
        Directory.CreateDirectory(paths.SecretsFolder, FileModes.PrivateFolder);
        File.SetUnixFileMode(paths.SecretsFolder, FileModes.PrivateFolder);

        if (defaultReleaseSeed is not null && !Directory.Exists(paths.DefaultReleaseFolder))
        {
            await new TreeCopier().CopyAsync(defaultReleaseSeed, paths.DefaultReleaseFolder, cancellationToken);
        }

        foreach (var template in new[] { options.WebServer.VirtualHostTemplate, options.WebServer.PlainHttpVirtualHostTemplate, options.InstanceConfig.TemplatePath })
        {
            await DefaultTemplates.InstallIfMissingAsync(template, cancellationToken);
        }

        await WorkerConfigFile.WriteAsync(configPath, options, cancellationToken);
    }
}
