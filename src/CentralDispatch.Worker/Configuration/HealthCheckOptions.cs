namespace CentralDispatch.Worker.Configuration;

/// <summary>
/// The last step of a deploy, redeploy and resume: what it asks the site for and what it accepts. A release may override
/// each setting in its manifest (<c>healthCheck</c> in <c>.centraldispatch.json</c>).
/// </summary>
public sealed class HealthCheckOptions
{
    public const string DefaultPath = "/";
    public const string DefaultStatuses = "2xx,3xx";

    /// <summary>The path asked for, from the site's root; redirects are never followed.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>Accepted statuses: codes, ranges and classes separated by commas (<see cref="Machine.Http.HttpStatusSet"/>).</summary>
    public string Statuses { get; set; } = DefaultStatuses;

    /// <summary>When set, the body of an accepted success (2xx) must contain it; a redirect is judged by its status alone.</summary>
    public string? Text { get; set; }

    /// <summary>How long the check keeps asking until the site answers as expected (a graceful reload lets old children answer first).</summary>
    public TimeSpan Patience { get; set; } = HealthCheckRules.DefaultPatience;

    /// <summary>How long one request may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = HealthCheckRules.DefaultRequestTimeout;
}
