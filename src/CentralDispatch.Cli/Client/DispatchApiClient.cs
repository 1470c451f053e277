using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CentralDispatch.Cli.Commands;
using CentralDispatch.Core.Json;

namespace CentralDispatch.Cli.Client;

/// <summary>The v1 REST API as the CLI uses it: every error becomes an <see cref="ApiRefusedException"/> or an exit-2 <see cref="CliException"/>.</summary>
public sealed class DispatchApiClient : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http;

    public DispatchApiClient(ApiCredentials credentials, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        Credentials = credentials;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) }) { BaseAddress = credentials.Url, Timeout = RequestTimeout };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.Token);
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("dispatch-cli", typeof(DispatchApiClient).Assembly.GetName().Version?.ToString(3) ?? "0"));
    }

    public ApiCredentials Credentials { get; }

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(() => new HttpRequestMessage(HttpMethod.Get, Relative(path)), cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(() => new HttpRequestMessage(HttpMethod.Post, Relative(path)) { Content = JsonContent.Create(body ?? new { }, options: CoreJson.Options) }, cancellationToken);

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(HttpMethod.Delete, Relative(path)), cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>"api/v1/x" relative to the base, so a dispatcher served under a path prefix works too.</summary>
    private static string Relative(string path) => path.TrimStart('/');

    private async Task<ApiResult<T>> SendAsync<T>(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(request(), cancellationToken);
        var json = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, CoreJson.Options)
                        ?? throw new JsonException("The body was empty.");
            return new ApiResult<T>(value, json);
        }
        catch (JsonException e)
        {
            throw new CliException($"The dispatcher at {Credentials.Url} answered {(int)response.StatusCode} with a body this CLI cannot read ({e.Message}); is the URL a Central Dispatch of the same version?");
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new CliException($"Cannot reach the dispatcher at {Credentials.Url}: {e.Message}", ExitCodes.Unavailable);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CliException($"The dispatcher at {Credentials.Url} did not answer within {RequestTimeout.TotalSeconds:0} s.", ExitCodes.Unavailable);
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new ApiRefusedException(response.StatusCode, ProblemLine.Format(response.StatusCode, body));
            }
        }
    }
}
