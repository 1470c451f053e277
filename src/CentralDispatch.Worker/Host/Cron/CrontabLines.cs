using System.Text.RegularExpressions;

namespace CentralDispatch.Worker.Host.Cron;

/// <summary>The pure rules of tagged crontab lines: how a tag is written, recognised, suspended and restored.</summary>
public static partial class CrontabLines
{
    /// <summary>Marks a line this system commented out, so resume never re-enables a line an operator commented out.</summary>
    public const string SuspendedPrefix = "#suspended# ";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    public static string Tagged(string tag, string line)
    {
        CheckTag(tag);
        if (string.IsNullOrWhiteSpace(line) || line.Any(char.IsControl))
        {
            throw new ArgumentException($"A cron line must be one non-empty line; got '{line}'.", nameof(line));
        }

        if (line.TrimStart().StartsWith('#'))
        {
            throw new ArgumentException($"A cron line must not be a comment; got '{line}'.", nameof(line));
        }

        return $"{line.Trim()} # {tag}";
    }

    public static bool HasTag(string line, string tag) => Active(line).TrimEnd().EndsWith(" # " + tag, StringComparison.Ordinal);

    public static bool IsSuspended(string line) => line.StartsWith(SuspendedPrefix, StringComparison.Ordinal);

    public static string Suspend(string line) => IsSuspended(line) ? line : SuspendedPrefix + line;

    public static string Resume(string line) => Active(line);

    public static void CheckTag(string tag)
    {
        if (tag is null || !TagPattern().IsMatch(tag))
        {
            throw new ArgumentException($"'{tag}' is not a cron tag: use letters, digits, ':', '.', '_' and '-'.", nameof(tag));
        }
    }

    private static string Active(string line) => IsSuspended(line) ? line[SuspendedPrefix.Length..] : line;
}
