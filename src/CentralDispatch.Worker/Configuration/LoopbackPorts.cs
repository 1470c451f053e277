using System.Net;
using System.Net.Sockets;

namespace CentralDispatch.Worker.Configuration;

/// <summary>Picks TCP ports that are free on 127.0.0.1 right now (for the sandbox's private Apache at init time).</summary>
public static class LoopbackPorts
{
    public static IReadOnlyList<int> PickFree(int count)
    {
        // All listeners stay open until every port is picked, so the same port is never handed out twice.
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToList();
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }
}
