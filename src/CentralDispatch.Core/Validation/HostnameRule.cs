namespace CentralDispatch.Core.Validation;

/// <summary>Host names per RFC 1123: lower-case LDH labels, no wildcard, fully qualified, not an IP address.</summary>
public static class HostnameRule
{
    public const int MaxLength = 253;
    public const int MaxLabelLength = 63;

    public static string? Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "Required: a fully qualified host name such as shop.example.com.";
        }

        if (value.Length > MaxLength)
        {
            return $"Too long: {value.Length} characters; a host name has at most {MaxLength}.";
        }

        if (value.Contains('*', StringComparison.Ordinal))
        {
            return "Wildcards are not allowed: give the exact host name.";
        }

        if (!Text.IsPrintableAscii(value))
        {
            return $"{Text.Show(value)} has characters outside ASCII; write an internationalised name in its xn-- (punycode) form.";
        }

        if (value.Any(char.IsUpper))
        {
            return $"{Text.Show(value)} has upper-case letters; host names are written in lower case.";
        }

        var labels = value.Split('.');
        if (labels.Length < 2)
        {
            return $"{Text.Show(value)} is not fully qualified; give a name with a domain, such as shop.example.com.";
        }

        foreach (var label in labels)
        {
            var problem = CheckLabel(label);
            if (problem is not null)
            {
                return $"{Text.Show(value)}: {problem}";
            }
        }

        if (labels[^1].All(char.IsAsciiDigit))
        {
            return $"{Text.Show(value)} looks like an IP address; give a host name.";
        }

        return null;
    }

    private static string? CheckLabel(string label)
    {
        if (label.Length == 0)
        {
            return "empty label (two dots in a row, or a leading or trailing dot).";
        }

        if (label.Length > MaxLabelLength)
        {
            return $"the label '{label[..20]}…' has {label.Length} characters; at most {MaxLabelLength}.";
        }

        if (label[0] == '-' || label[^1] == '-')
        {
            return $"the label '{label}' starts or ends with '-'.";
        }

        if (!label.All(c => Text.IsAsciiLowerAlnum(c) || c == '-'))
        {
            return $"the label {Text.Show(label)} may contain only a-z, 0-9 and '-'.";
        }

        return null;
    }
}
