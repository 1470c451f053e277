using System.Net;
using System.Net.Sockets;

namespace CentralDispatch.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Ports for the sandboxes' Apache: unique within this test run and below the kernel's ephemeral range (32768 and up).
/// `worker init` picks ports that are free at that instant; with several sandboxes restarting side by side, that can be
/// a port whose Apache is merely down between two runs (seen: two sandboxes configured with one port), and any
/// ephemeral pick (a dispatcher's free port, an outgoing connection) could take one too.
/// </summary>
public static class SandboxPorts
{
    private const int Last = 32000;

    // Process-wide on purpose: each test class has its own stack, and their ports must not meet. Only Interlocked touches it.
    private static int _next = 20000 + Random.Shared.Next(0, 8000);

    public static int Next()
    {
        while (true)
        {
            var port = Interlocked.Increment(ref _next);
            if (port > Last)
            {
                throw new InvalidOperationException("No sandbox port left below the ephemeral range.");
            }

            if (IsFree(port))
            {
                return port;
            }
        }
    }

    private static bool IsFree(int port)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }
}
