namespace CentralDispatch.Worker.Configuration;

/// <summary>
/// The application config file rendered for each instance (database credentials, URL, e-mail): into the instance's
/// releases folder, outside every served tree; a release's manifest may ask for a copy at a place inside its tree.
/// </summary>
public sealed class InstanceConfigOptions
{
    public string TemplatePath { get; set; } = string.Empty;

    /// <summary>Its file name (one name, no folder), e.g. ".env" or "local.php"; the vhost denies files of this name.</summary>
    public string FileName { get; set; } = ".env";
}
