using System.Text.RegularExpressions;

namespace CentralDispatch.Core.Validation;

/// <summary>Instance (and worker) names: a slug that is safe as a folder, a database suffix and a cron tag.</summary>
public static partial class InstanceNameRule
{
    public const int MaxLength = 32;

    /// <summary>Names that would collide with the host's own folders under the install path or with our own.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "html", "www", "default", "localhost", "archive", "archives", "backup", "backups", "releases", "release",
        "certs", "certificates", "ssl", "journal", "cgi-bin", "icons", "error", "errors", "logs", "log", "tmp",
        "temp", "cache", "data", "shared", "public", "private", "admin", "root", "mysql", "sys", "test", "info",
        "lost-found", "centraldispatch", "dispatch", "sites-available", "sites-enabled", "conf", "phpmyadmin",
    };

    // \z, not $: "$" also matches before a final newline, which would let "name\n" through.
    [GeneratedRegex("^[a-z][a-z0-9-]{0,30}[a-z0-9]\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <returns>null when valid; otherwise what is wrong, in words an operator can act on.</returns>
    public static string? Check(string? value, bool checkReserved = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "Required: a name of 2 to 32 characters (a-z, 0-9, '-').";
        }

        if (value.Length > MaxLength)
        {
            return $"Too long: {value.Length} characters; at most {MaxLength}.";
        }

        if (!Pattern().IsMatch(value))
        {
            return $"{Text.Show(value)} is not a valid name: use 2 to 32 lower-case letters, digits and '-', starting with a letter and not ending with '-'.";
        }

        if (value.Contains("--", StringComparison.Ordinal))
        {
            return $"{Text.Show(value)} contains '--'; use single hyphens.";
        }

        if (checkReserved && Reserved.Contains(value))
        {
            return $"'{value}' is reserved: it would collide with a folder or account the host already uses. Choose another name.";
        }

        return null;
    }
}
