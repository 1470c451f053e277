using CentralDispatch.Worker.Machine.Http;

namespace CentralDispatch.Worker.Configuration;

/// <summary>What a health-check setting may be, in the worker's configuration and in a release's manifest alike; each problem is one phrase after the key.</summary>
public static class HealthCheckRules
{
    public const int MaxTextLength = 200;
    public const int MinPatienceSeconds = 1;
    public const int MaxPatienceSeconds = 600;

    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromSeconds(60);

    public static string? PathProblem(string? path) => SiteRequest.PathProblem(path);

    public static string? StatusesProblem(string? statuses)
    {
        HttpStatusSet.Parse(statuses, out var problem);
        return problem;
    }

    /// <summary>The text is looked for in the first 64 KiB of the body, as UTF-8; one line keeps messages and logs readable.</summary>
    public static string? TextProblem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length is 0 or > MaxTextLength)
        {
            return $"must be 1 to {MaxTextLength} characters (got {text.Length})";
        }

        return text.Any(char.IsControl) ? "must be one line without control characters" : null;
    }

    public static string? PatienceProblem(TimeSpan patience) =>
        patience < TimeSpan.FromSeconds(MinPatienceSeconds) || patience > TimeSpan.FromSeconds(MaxPatienceSeconds)
            ? $"must be between {MinPatienceSeconds} and {MaxPatienceSeconds} seconds (got {patience.TotalSeconds:0.###} s)"
            : null;

    public static string? RequestTimeoutProblem(TimeSpan timeout) =>
        timeout < TimeSpan.FromSeconds(1) || timeout > MaxRequestTimeout
            ? $"must be between 00:00:01 and {MaxRequestTimeout:c} (got {timeout})"
            : null;

    /// <summary>The longest a health check can take: the largest patience, then one last request.</summary>
    public static TimeSpan LongestCheck => TimeSpan.FromSeconds(MaxPatienceSeconds) + MaxRequestTimeout;
}
