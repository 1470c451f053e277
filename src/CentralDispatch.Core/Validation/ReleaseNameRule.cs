using System.Text.RegularExpressions;

namespace CentralDispatch.Core.Validation;

/// <summary>Release names: a folder name under the worker's releases folder, or "default" for the default release.</summary>
public static partial class ReleaseNameRule
{
    public const string Default = "default";

    // \z, not $: "$" also matches before a final newline, which would let "name\n" through.
    [GeneratedRegex("^[a-z0-9]([a-z0-9._-]{0,62}[a-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static string? Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "Required: a release name, or 'default'.";
        }

        if (value.Length > 64)
        {
            return $"Too long: {value.Length} characters; at most 64.";
        }

        if (!Pattern().IsMatch(value) || value.Contains("..", StringComparison.Ordinal) || value.Contains("--", StringComparison.Ordinal))
        {
            return $"{Text.Show(value)} is not a release name: use lower-case letters, digits, '.', '_' and '-', starting and ending with a letter or digit, without '..' or '--'.";
        }

        return null;
    }
}
