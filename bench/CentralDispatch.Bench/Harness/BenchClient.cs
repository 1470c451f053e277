using System.Net.Http.Headers;

namespace CentralDispatch.Bench.Harness;

/// <summary>The benchmarks' API clients: a bearer token, at most four connections to the dispatcher, two minutes per call.</summary>
public static class BenchClient
{
    public static HttpClient Create(Uri address, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 4 }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
