using System.Text.RegularExpressions;

namespace CentralDispatch.Worker.Machine.Cron;

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
        if (Problem(line) is { } problem)
        {
            throw new ArgumentException($"Refusing the cron line '{Shown(line)}': {problem}.", nameof(line));
        }

        return $"{line.Trim()} # {tag}";
    }

    /// <summary>Why cron would not read <paramref name="line"/> as the one command it says, or null when it would.</summary>
    public static string? Problem(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return "a cron line must be one non-empty line";
        }

        if (line.Any(char.IsControl))
        {
            return "it holds a newline or other control character, which would end it and start another crontab line";
        }

        if (line.Contains('%', StringComparison.Ordinal))
        {
            return "it holds '%', which cron reads as a line break (the rest of the command would become its standard input)";
        }

        return line.TrimStart().StartsWith('#') ? "a cron line must not be a comment" : null;
    }

    /// <summary>
    /// Why a value must not be put into a cron command, or null. The command runs in a shell, so beyond what cron itself
    /// misreads (<c>%</c>, line breaks) a value may hold only characters the shell takes literally: letters, digits,
    /// spaces (between words, as in a list of host names) and <c>. _ - + @ : / , =</c>.
    /// </summary>
    public static string? ValueProblem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('%', StringComparison.Ordinal))
        {
            return "holds '%', which cron reads as a line break";
        }

        if (value.Any(char.IsControl))
        {
            return "holds a newline or other control character, which would end the crontab line";
        }

        var unsafeCharacter = value.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '_' or '-' or '+' or '@' or ':' or '/' or ',' or '='));
        return unsafeCharacter == default ? null : $"holds '{unsafeCharacter}', which the shell that runs the cron line would not take literally";
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

    private static string Shown(string line) => new(line.Take(200).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static string Active(string line) => IsSuspended(line) ? line[SuspendedPrefix.Length..] : line;
}
