namespace CentralDispatch.Worker.Configuration;

/// <summary>Where the dispatcher is and how this worker proves who it is.</summary>
public sealed class DispatcherOptions
{
    public string Url { get; set; } = string.Empty;

    /// <summary>The worker's bearer token; the config file holding it is written with mode 0600.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>
    /// Allow a plain http:// <see cref="Url"/> to another machine. Off: the token and the TLS private keys that jobs
    /// carry would cross the network unencrypted. (http:// to this machine's loopback is always allowed.)
    /// </summary>
    public bool AllowInsecureHttp { get; set; }
}
