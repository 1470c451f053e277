using System.Net;
using CentralDispatch.Cli.Commands;

namespace CentralDispatch.Cli.Client;

/// <summary>The dispatcher answered with an error status; the message is the one line made of its problem details.</summary>
public sealed class ApiRefusedException(HttpStatusCode status, string message) : CliException(message, ExitCodeFor(status))
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>A gateway saying the dispatcher is down is the same to a script as an unreachable dispatcher.</summary>
    private static int ExitCodeFor(HttpStatusCode status) =>
        status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
            ? ExitCodes.Unavailable
            : ExitCodes.Refused;
}
