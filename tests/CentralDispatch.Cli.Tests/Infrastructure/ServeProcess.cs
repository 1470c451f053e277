using System.Diagnostics;
using System.Net;

namespace CentralDispatch.Cli.Tests.Infrastructure;

/// <summary>A running `dispatch serve` on a free loopback port; stopped (SIGTERM, then kill) on dispose.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static Task<ServeProcess> StartAsync(string dataDirectory) =>
        StartAsync(dataDirectory, "http", port => new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });

    /// <param name="scheme">http or https: it listens on SCHEME://127.0.0.1:PORT.</param>
    /// <param name="connect">A client for the port, to wait for /healthz with (for https, one that trusts its certificate).</param>
    /// <param name="more">More `dispatch serve` arguments, e.g. --certificate FILE.</param>
    public static async Task<ServeProcess> StartAsync(string dataDirectory, string scheme, Func<int, HttpClient> connect, params string[] more)
    {
        ArgumentNullException.ThrowIfNull(connect);
        var port = FreePort.Next();
        var address = new Uri($"{scheme}://127.0.0.1:{port}");
        var process = Process.Start(DispatchProcess.StartInfo(["serve", "--data", dataDirectory, "--urls", address.ToString(), .. more]))!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = connect(port);
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"dispatch serve exited with {process.ExitCode}");
            }

            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return new ServeProcess(process, address);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("dispatch serve did not answer /healthz within 30 s");
    }

    public async ValueTask DisposeAsync()
    {
        // SIGTERM first: the dispatcher must shut down cleanly; kill only if it does not.
        await ProcessStop.TerminateAsync(_process, TimeSpan.FromSeconds(20));

        _process.Dispose();
    }
}
