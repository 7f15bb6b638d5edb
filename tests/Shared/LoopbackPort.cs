namespace Verdict.Testing;

/// <summary>A loopback TCP port nothing listens on: for a server to start on, or for a "cannot connect" case.</summary>
internal static class LoopbackPort
{
    /// <summary>A port the OS just handed out and that is closed again.</summary>
    public static int Free()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
