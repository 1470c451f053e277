namespace CentralDispatch.Worker.Configuration;

/// <summary>
/// How instances are kept apart on a host (docs/OPERATIONS.md, "Isolation"). With <see cref="InstanceUsers"/> each
/// instance gets its own Linux user and group (<c>cd-NAME</c>): its PHP-FPM pool and its cron line run as that user, its
/// tree and config file belong to it, and the web server reads only what it serves through the tree's group.
/// </summary>
public sealed class IsolationOptions
{
    /// <summary>One Linux user per instance. Needs root. Default on; the sandbox profile turns it on only when run as root.</summary>
    public bool InstanceUsers { get; set; } = true;
}
