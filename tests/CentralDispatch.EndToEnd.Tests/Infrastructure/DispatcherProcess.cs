using System.Net;

namespace CentralDispatch.EndToEnd.Tests.Infrastructure;

/// <summary>
/// `dispatch serve` on SQLite in its own data folder, on a free loopback port, with a short lease so that a job of a
/// killed worker comes back within seconds (the reaper requeues it when the lease expires).
/// </summary>
public sealed class DispatcherProcess : IAsyncDisposable
{
    /// <summary>Workers heartbeat every third of it; the reaper hands a dead worker's job back after it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(6);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ChildProcess _process;

    private DispatcherProcess(ChildProcess process, Uri address, string dataFolder)
    {
        _process = process;
        Address = address;
        DataFolder = dataFolder;
    }

    public Uri Address { get; }

    /// <summary>The URL as an operator types it (no trailing slash).</summary>
    public string Url => Address.ToString().TrimEnd('/');

    public string DataFolder { get; }

    public string Output => _process.Output;

    public static async Task<DispatcherProcess> StartAsync(string dataFolder)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var info = DispatchProcess.StartInfo(["serve", "--data", dataFolder, "--urls", address.ToString()], new Dictionary<string, string>
        {
            // `dispatch serve` reads its configuration from the environment as ASP.NET Core does.
            ["Queue__Lease"] = Lease.ToString("c"),
            ["Queue__ReaperInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
        });
        var process = ChildProcess.Start(info, "dispatch serve");
        using var client = new HttpClient { BaseAddress = address };
        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        while (DateTimeOffset.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return new DispatcherProcess(process, address, dataFolder);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        var output = process.Output;
        await process.DisposeAsync();
        throw new InvalidOperationException($"dispatch serve did not answer /healthz within {StartTimeout}\n{output}");
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
