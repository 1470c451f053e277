using CentralDispatch.Worker.Machine.Processes;

namespace CentralDispatch.Worker.Tests.Support;

/// <summary>Asks the local Apache for one path of a site as a visitor would (curl, by host name through 127.0.0.1, the path sent as is).</summary>
public static class Curl
{
    public static async Task<(int Status, string Body)> GetAsync(string host, int port, bool https, string path)
    {
        var scheme = https ? "https" : "http";
        var result = await RealHost.Runner.RunCheckedAsync(
            ProcessRequest.Of("curl", "--silent", "--insecure", "--path-as-is", "--max-time", "20", "--resolve", $"{host}:{port}:127.0.0.1",
                "--output", "-", "--write-out", "\n%{http_code}", $"{scheme}://{host}:{port}{path}"),
            CancellationToken.None);
        var output = result.StandardOutput;
        var split = output.LastIndexOf('\n');
        return (int.Parse(output[(split + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture), output[..split]);
    }
}
