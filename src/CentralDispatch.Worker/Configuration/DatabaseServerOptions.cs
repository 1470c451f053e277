namespace CentralDispatch.Worker.Configuration;

/// <summary>The server that holds the instances' databases, and the admin login used to create them.</summary>
public sealed class DatabaseServerOptions
{
    public DatabaseEngine Engine { get; set; } = DatabaseEngine.MariaDb;

    /// <summary>Unix socket of the server; with it the admin logs in by socket authentication and no password exists anywhere.</summary>
    public string? SocketPath { get; set; }

    /// <summary>TCP host, used only when no socket path is set.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 3306;

    public string AdminUser { get; set; } = "root";

    /// <summary>Only for a TCP login; empty with socket authentication.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Sandbox: a private server the worker initialises, starts and stops itself.</summary>
    public PrivateMariaDbOptions PrivateServer { get; set; } = new();
}
