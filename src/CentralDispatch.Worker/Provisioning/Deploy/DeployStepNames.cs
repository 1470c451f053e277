namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>The deploy plan's step names, in order (ARCHITECTURE §4). They key the journal: never rename one.</summary>
public static class DeployStepNames
{
    public const string Preflight = "Preflight";
    public const string DatabaseUser = "DatabaseUser";
    public const string Database = "Database";
    public const string Webroot = "Webroot";
    public const string Certificates = "Certificates";
    public const string VirtualHost = "VirtualHost";
    public const string EnableSite = "EnableSite";
    public const string ReloadWebServer = "ReloadWebServer";
    public const string Cron = "Cron";
    public const string HealthCheck = "HealthCheck";
}
