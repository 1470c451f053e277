namespace CentralDispatch.Worker.Machine.Http;

/// <summary>
/// What a probe asks for and what it accepts: GET <see cref="Path"/>, answered within <see cref="Timeout"/> with one of
/// <see cref="Accepted"/>; a success (2xx) must also contain <see cref="ExpectedText"/> when it is given.
/// </summary>
public sealed record SiteRequest(string Path, HttpStatusSet Accepted, TimeSpan Timeout, string? ExpectedText = null)
{
    /// <summary>The longest path a check may ask for.</summary>
    public const int MaxPathLength = 256;

    /// <summary>GET / answered with 200: a site is up.</summary>
    public static SiteRequest Root(TimeSpan timeout) => new("/", HttpStatusSet.Ok, timeout);

    /// <summary>Why <paramref name="path"/> cannot be asked for, or null: it starts with '/', is printable ASCII without spaces or '#', and is bounded.</summary>
    public static string? PathProblem(string? path)
    {
        if (path is not null && path.Length > MaxPathLength)
        {
            return $"must be at most {MaxPathLength} characters (got {path.Length})";
        }

        // Printable ASCII only: a request line carries it as is; anything else is written percent-encoded.
        if (path is not null && path.Any(c => c is <= ' ' or > '~' or '#'))
        {
            return "must not contain spaces, control characters, '#' or non-ASCII characters (percent-encode them)";
        }

        return string.IsNullOrEmpty(path) || path[0] != '/' ? $"must start with '/', e.g. /health.php (got '{path}')" : null;
    }
}
