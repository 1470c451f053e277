namespace CentralDispatch.Worker.Configuration;

/// <summary>A MariaDB server the worker runs itself (sandbox profile).</summary>
public sealed class PrivateMariaDbOptions
{
    public bool Enabled { get; set; }

    /// <summary>Holds the data directory, socket, pid file and error log.</summary>
    public string? Folder { get; set; }
}
