using CentralDispatch.Worker.Machine.Files;

namespace CentralDispatch.Worker.Configuration;

/// <summary>The templates shipped in deploy/templates, embedded in the worker so that `worker init` can install them.</summary>
public static class DefaultTemplates
{
    public const string VirtualHost = "vhost-https.conf.template";
    public const string PlainHttpVirtualHost = "vhost-http.conf.template";
    public const string InstanceConfig = "instance.env.template";

    public static IReadOnlyList<string> Names { get; } = [VirtualHost, PlainHttpVirtualHost, InstanceConfig];

    public static string Read(string name)
    {
        using var stream = typeof(DefaultTemplates).Assembly.GetManifestResourceStream("CentralDispatch.Worker.Templates." + name)
            ?? throw new ArgumentException($"No default template named '{name}'.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes each default template that is not in <paramref name="folder"/> yet; an operator's edited copy is kept.</summary>
    /// <returns>The files written.</returns>
    public static async Task<IReadOnlyList<string>> InstallAsync(string folder, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        foreach (var name in Names)
        {
            var path = Path.Combine(folder, name);
            if (await InstallIfMissingAsync(path, cancellationToken))
            {
                written.Add(path);
            }
        }

        return written;
    }

    /// <summary>Writes the default template named like <paramref name="path"/>'s file, unless the file exists or no default has that name.</summary>
    /// <returns>True when the file was written.</returns>
    public static async Task<bool> InstallIfMissingAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        if (File.Exists(path) || !Names.Contains(name))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!, FileModes.Folder);
        await AtomicFile.WriteTextAsync(path, Read(name), FileModes.Readable, cancellationToken);
        return true;
    }
}
