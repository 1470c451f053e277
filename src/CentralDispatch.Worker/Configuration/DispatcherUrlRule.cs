using CentralDispatch.Core.Validation;

namespace CentralDispatch.Worker.Configuration;

/// <summary>
/// The dispatcher's address as a worker may use it: absolute http(s), and plain http only to this machine's loopback
/// unless the operator allowed it, because every call carries the worker's token and claims carry TLS private keys.
/// </summary>
public static class DispatcherUrlRule
{
    /// <summary>Null when the URL may be used; otherwise what is wrong, worded to follow the URL's key; <paramref name="allowKey"/> names the opt-in.</summary>
    public static string? Check(string? url, bool allowInsecureHttp, string allowKey)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return $"must be an absolute http:// or https:// URL (got '{url}')";
        }

        if (parsed.Scheme == Uri.UriSchemeHttp && !allowInsecureHttp && !LoopbackHost.Is(parsed))
        {
            return $"is plain http:// to {parsed.Host}, another machine: the worker's token and the TLS private keys in its jobs would cross "
                   + $"the network unencrypted; use https://, or set {allowKey} to true to allow it on a network you trust";
        }

        return null;
    }
}
