namespace CentralDispatch.Core.Validation;

/// <summary>A worker's public base address: absolute http(s) URL with a valid host, no credentials, query or fragment.</summary>
public static class HostUrlRule
{
    public const int MaxLength = 2048;

    public static string? Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "Required: the host's public base address, such as https://web1.example.com.";
        }

        if (value.Length > MaxLength)
        {
            return $"Too long: {value.Length} characters; at most {MaxLength}.";
        }

        if (!Text.IsPrintableAscii(value) || value.Contains(' ', StringComparison.Ordinal))
        {
            return $"{Text.Show(value)} has spaces or characters outside ASCII; write an internationalised host in its xn-- form.";
        }

        if (!value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return $"{Text.Show(value)} is not an http:// or https:// address.";
        }

        // The scheme is right: what the parser refuses is the rest (a port out of range, a character no host has).
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return $"{Text.Show(value)} is not a valid address: after the scheme give a host name or IP address and, optionally, a port from 1 to 65535.";
        }

        // Uri drops dot segments ("/..", "/./", "/%2e%2e/") before AbsolutePath is read: check the text as given.
        var authority = value.IndexOf("://", StringComparison.Ordinal);
        var pathStart = authority < 0 ? -1 : value.IndexOfAny(['/', '\\'], authority + 3);
        if (authority < 0 || (pathStart >= 0 && value[pathStart..] != "/"))
        {
            return "Give only the base address (scheme, host and optional port), without a path.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The address must not contain a user name or password.";
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || value.Contains('?', StringComparison.Ordinal) || value.Contains('#', StringComparison.Ordinal))
        {
            return "The address must not have a query (?…) or fragment (#…).";
        }

        if (uri.AbsolutePath != "/")
        {
            return "Give only the base address (scheme, host and optional port), without a path.";
        }

        var host = uri.IdnHost;
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            return null;
        }

        if (value.Contains(host, StringComparison.Ordinal) is false)
        {
            return $"{Text.Show(value)}: write the host name in lower case.";
        }

        return host == "localhost" ? null : HostnameRule.Check(host);
    }
}
