using System.Net;
using System.Net.Sockets;

namespace CentralDispatch.Testing.Processes;

/// <summary>A loopback TCP port nothing listens on right now: for a dispatcher to start on, or for one that is unreachable.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string ClosedUrl() => $"http://127.0.0.1:{Next()}";
}
