using CentralDispatch.Core.Validation;
using Microsoft.AspNetCore.Http;

namespace CentralDispatch.Dispatcher.Transport;

/// <summary>One address Kestrel is told to listen on, as the transport rules see it.</summary>
public sealed record ListenAddress(string Url, bool IsHttps, bool IsLocal)
{
    /// <summary>Kestrel's forms included: http://*:8080, http://+:8080, http://0.0.0.0:8080, http://unix:/run/cd.sock.</summary>
    public static ListenAddress Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            var address = BindingAddress.Parse(url);
            var https = string.Equals(address.Scheme, "https", StringComparison.OrdinalIgnoreCase);
            // A unix socket is reached only through the file system of this machine.
            return new ListenAddress(url, https, address.IsUnixPipe || LoopbackHost.Is(address.Host));
        }
        catch (FormatException)
        {
            return new ListenAddress(url, url.StartsWith("https:", StringComparison.OrdinalIgnoreCase), IsLocal: false);
        }
    }
}
