using System.Text.RegularExpressions;

namespace CentralDispatch.Core.Validation;

/// <summary>A worker's install path: an absolute, normalised folder path outside the system folders.</summary>
public static partial class InstallPathRule
{
    public const string Default = "/var/www";
    public const int MaxLength = 255;

    private static readonly HashSet<string> SystemFolders = new(StringComparer.Ordinal)
    {
        "/", "/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/root", "/run", "/sbin",
        "/sys", "/usr", "/var", "/home", "/tmp", "/var/lib", "/var/log", "/var/run", "/usr/bin", "/usr/lib",
        "/usr/sbin", "/usr/local", "/opt",
    };

    // \z, not $: "$" also matches before a final newline, which would let "name\n" through.
    [GeneratedRegex("^(/[A-Za-z0-9._-]+)+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static string? Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"Required: an absolute folder path such as {Default}.";
        }

        if (value.Length > MaxLength)
        {
            return $"Too long: {value.Length} characters; at most {MaxLength}.";
        }

        if (!Pattern().IsMatch(value))
        {
            return $"{Text.Show(value)} is not an absolute folder path: start with '/', use letters, digits, '.', '_' and '-', no trailing '/' and no '//'.";
        }

        if (value.Split('/').Any(segment => segment is "." or ".."))
        {
            return $"{Text.Show(value)} contains '.' or '..'; give the path without them.";
        }

        if (SystemFolders.Contains(value))
        {
            return $"'{value}' is a system folder; give a folder of its own, such as {Default}.";
        }

        return null;
    }
}
