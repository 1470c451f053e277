using System.Net;

namespace CentralDispatch.Core.Validation;

/// <summary>Whether a host name or address is this machine's loopback (localhost, 127.0.0.0/8, ::1): plain http to it never leaves the host.</summary>
public static class LoopbackHost
{
    public static bool Is(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (string.Equals(bare, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>The URL's host is loopback (see <see cref="Is(string?)"/>).</summary>
    public static bool Is(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Is(url.Host);
    }
}
