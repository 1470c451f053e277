using CentralDispatch.Dispatcher.Queue;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Testing.Hosting;

/// <summary>How a <see cref="DispatcherTestHost"/> runs; the defaults are a dispatcher on SQLite in a fresh temp folder, plain http on loopback.</summary>
public sealed record DispatcherTestHostOptions
{
    /// <summary>A PostgreSQL connection string; null runs on SQLite. On PostgreSQL the key ring is encrypted with the test key-ring certificate unless <see cref="Configuration"/> names one.</summary>
    public string? Postgres { get; init; }

    /// <summary>Drive the dispatcher's clock from the test (<see cref="DispatcherTestHost.Time"/>): leases and the reaper follow it.</summary>
    public bool FakeTime { get; init; }

    /// <summary>Changes to the queue's settings (lease, attempts, reaper interval).</summary>
    public Action<QueueOptions>? Queue { get; init; }

    /// <summary>The data folder (removed on dispose); null makes a fresh temp folder.</summary>
    public string? DataFolder { get; init; }

    /// <summary>
    /// Serve HTTPS with a certificate of the test CA for this host name (the certificate files are written into the data
    /// folder); <see cref="DispatcherTestHost.Client"/> then connects to 127.0.0.1 with this name and trusts only the test CA.
    /// Null serves plain http.
    /// </summary>
    public string? HttpsHostname { get; init; }

    /// <summary>Settings as `dispatch serve`'s flags give them (e.g. "Transport:KnownProxies:0").</summary>
    public IReadOnlyDictionary<string, string?>? Configuration { get; init; }

    /// <summary>What the dispatcher logs to the console; <see cref="LogLevel.None"/> logs nothing (the bench's stdout carries its report).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
}
