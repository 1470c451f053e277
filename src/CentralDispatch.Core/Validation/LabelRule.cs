using System.Text.RegularExpressions;

namespace CentralDispatch.Core.Validation;

/// <summary>Worker labels: short lower-case words, optionally key=value (region=eu).</summary>
public static partial class LabelRule
{
    public const int MaxCount = 20;

    // \z, not $: "$" also matches before a final newline, which would let "name\n" through.
    [GeneratedRegex("^[a-z0-9]([a-z0-9._=-]{0,61}[a-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static string? Check(IReadOnlyList<string?>? labels)
    {
        if (labels is null)
        {
            return null;
        }

        if (labels.Count > MaxCount)
        {
            return $"Too many labels: {labels.Count}; at most {MaxCount}.";
        }

        foreach (var label in labels)
        {
            if (string.IsNullOrEmpty(label) || !Pattern().IsMatch(label))
            {
                return $"{Text.Show(label ?? "")} is not a label: use up to 63 lower-case letters, digits and . _ = -, starting and ending with a letter or digit.";
            }
        }

        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
        {
            return "A label is repeated.";
        }

        return null;
    }
}
