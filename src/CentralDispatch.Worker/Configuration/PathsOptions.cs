namespace CentralDispatch.Worker.Configuration;

/// <summary>The folders the worker reads releases from and writes instances, certificates, archives and its journal to.</summary>
public sealed class PathsOptions
{
    /// <summary>The release named "default" (in the old procedure, the main site's webroot).</summary>
    public string DefaultReleaseFolder { get; set; } = string.Empty;

    /// <summary>Each subfolder is a named release.</summary>
    public string ReleasesFolder { get; set; } = string.Empty;

    /// <summary>Instances' webroots are created here as &lt;install path&gt;/&lt;name&gt;.</summary>
    public string InstallPath { get; set; } = string.Empty;

    public string ArchiveFolder { get; set; } = string.Empty;

    public string CertsFolder { get; set; } = string.Empty;

    public string JournalFolder { get; set; } = string.Empty;

    /// <summary>Root-only (0700): the generated database passwords.</summary>
    public string SecretsFolder { get; set; } = string.Empty;
}
