using Microsoft.Extensions.Logging;

namespace CentralDispatch.Dispatcher.Transport;

/// <summary>The transport's log messages.</summary>
internal static partial class TransportLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening on {Address}: plain http that other machines reach (Transport:AllowInsecureHttp is set). "
        + "Sign-in passwords, session cookies, tokens and the TLS private keys in claims cross the network unencrypted; serve https instead")]
    public static partial void InsecureHttp(ILogger logger, string address);
}
