namespace CentralDispatch.Worker.Configuration;

/// <summary>The cron line each instance gets, and which crontab it goes into.</summary>
public sealed class CronOptions
{
    /// <summary>Five cron fields.</summary>
    public string Schedule { get; set; } = "*/15 * * * *";

    /// <summary>Command with placeholders such as {{Webroot}} and {{InstanceName}}.</summary>
    public string CommandTemplate { get; set; } = string.Empty;

    /// <summary>Debian: the user whose crontab gets the lines (crontab -u).</summary>
    public string? CrontabUser { get; set; }

    /// <summary>Sandbox: a crontab-format file in the data folder instead of a real crontab.</summary>
    public string? CrontabFile { get; set; }
}
