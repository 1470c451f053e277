using CentralDispatch.Worker.Host.Files;

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
        Directory.CreateDirectory(folder, FileModes.Folder);
        var written = new List<string>();
        foreach (var name in Names)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                await AtomicFile.WriteTextAsync(path, Read(name), FileModes.Readable, cancellationToken);
                written.Add(path);
            }
        }

        return written;
    }
}
