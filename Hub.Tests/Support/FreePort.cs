using System.Net;
using System.Net.Sockets;

namespace Hub.Tests.Support;

/// <summary>
/// Ports for the hubs tests start. They come from below the kernel's ephemeral range and from a
/// counter, so a port a killed hub held is never handed to another socket before that hub is
/// restarted on it (the kernel may give a freed ephemeral port to any outgoing connection).
/// </summary>
public static class FreePort
{
    private const int First = 20_000, Last = 32_000;

    private static int _next = First + (Environment.ProcessId % 40 * 250);

    /// <summary>A loopback TCP port nothing listens on right now, never handed out twice by this process.</summary>
    public static int Next()
    {
        while (true)
        {
            var port = Interlocked.Increment(ref _next);
            if (port > Last)
            {
                Interlocked.CompareExchange(ref _next, First, port);
                continue;
            }
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use: take the next one.
            }
        }
    }
}
