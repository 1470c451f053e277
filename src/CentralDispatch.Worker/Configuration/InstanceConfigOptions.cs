namespace CentralDispatch.Worker.Configuration;

/// <summary>The application config file rendered into each webroot (database credentials, URL, e-mail).</summary>
public sealed class InstanceConfigOptions
{
    public string TemplatePath { get; set; } = string.Empty;

    /// <summary>File name inside the webroot, e.g. ".env" or "config/local.php".</summary>
    public string FileName { get; set; } = ".env";
}
