namespace CentralDispatch.Worker.Provisioning;

/// <summary>The resource kinds the deploy plan creates; steps use these so journals and leftover lists read alike.</summary>
public static class ResourceKinds
{
    public const string DatabaseUser = "dbuser";
    public const string Database = "database";
    public const string File = "file";
    public const string Directory = "dir";
    public const string Link = "link";
    public const string Cron = "cron";

    /// <summary>Not a thing on disk: a step's after-rollback action (e.g. the reload) that could not run.</summary>
    public const string Step = "step";
}
