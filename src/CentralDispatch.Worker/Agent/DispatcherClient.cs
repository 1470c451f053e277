using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Core.Json;

namespace CentralDispatch.Worker.Agent;

/// <summary>
/// The agent side of the worker protocol (/api/v1/agent). Every answer becomes a result or one of four exceptions:
/// <see cref="LeaseLostException"/> (409/404 on a job), <see cref="DispatcherCredentialException"/> (401/403),
/// <see cref="DispatcherUnavailableException"/> (network, timeout, 5xx: retry) and <see cref="DispatcherRejectedException"/>.
/// The bearer token lives in the HttpClient's default headers and is never part of a message.
/// </summary>
public sealed class DispatcherClient(HttpClient http)
{
    /// <summary>How long one call may take before it counts as a network failure; a claim adds the time it waits for work.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private const int MaxDetailLength = 300;

    public Uri? BaseAddress => http.BaseAddress;

    /// <summary>The dispatcher URL as a base address: with a trailing slash, so a path prefix is kept for relative calls.</summary>
    public static Uri BaseAddressFor(string dispatcherUrl)
    {
        ArgumentNullException.ThrowIfNull(dispatcherUrl);
        return new Uri(dispatcherUrl.EndsWith('/') ? dispatcherUrl : dispatcherUrl + "/", UriKind.Absolute);
    }

    public async Task<HelloResponse> HelloAsync(HelloRequest request, CancellationToken cancellationToken) =>
        await SendAsync<HelloResponse>("api/v1/agent/hello", request, jobId: null, RequestTimeout, cancellationToken)
        ?? throw new DispatcherRejectedException(200, "The dispatcher answered hello without a body.");

    /// <summary>The oldest queued job of this worker, or null when none came within <paramref name="waitSeconds"/>.</summary>
    public Task<JobAssignment?> ClaimAsync(int waitSeconds, CancellationToken cancellationToken) =>
        SendAsync<JobAssignment>("api/v1/agent/claim", new ClaimRequest(waitSeconds), jobId: null,
            RequestTimeout + TimeSpan.FromSeconds(waitSeconds), cancellationToken);

    public async Task<HeartbeatResponse> HeartbeatAsync(long jobId, HeartbeatRequest request, CancellationToken cancellationToken) =>
        await SendAsync<HeartbeatResponse>(JobPath(jobId, "heartbeat"), request, jobId, RequestTimeout, cancellationToken)
        ?? throw new DispatcherRejectedException(200, "The dispatcher answered a heartbeat without a body.");

    public Task SendEventsAsync(long jobId, EventsRequest request, CancellationToken cancellationToken) =>
        SendAsync<object>(JobPath(jobId, "events"), request, jobId, RequestTimeout, cancellationToken);

    public async Task<CompleteResponse> CompleteAsync(long jobId, CompleteRequest request, CancellationToken cancellationToken) =>
        await SendAsync<CompleteResponse>(JobPath(jobId, "complete"), request, jobId, RequestTimeout, cancellationToken)
        ?? throw new DispatcherRejectedException(200, "The dispatcher answered complete without a body.");

    private static string JobPath(long jobId, string call) => $"api/v1/agent/jobs/{jobId.ToString(CultureInfo.InvariantCulture)}/{call}";

    private async Task<T?> SendAsync<T>(string path, object body, long? jobId, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        // A network guard, not logic a test drives: it runs on the wall clock like HttpClient's own timeout.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.PostAsJsonAsync(path, body, CoreJson.Options, deadline.Token);
            if (response.IsSuccessStatusCode)
            {
                return response.StatusCode == HttpStatusCode.NoContent || typeof(T) == typeof(object)
                    ? null
                    : await response.Content.ReadFromJsonAsync<T>(CoreJson.Options, deadline.Token);
            }

            var detail = await DetailAsync(response, deadline.Token);
            throw Classify(response.StatusCode, path, jobId, detail);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DispatcherUnavailableException($"The dispatcher did not answer {path} within {timeout.TotalSeconds:0} s.", e);
        }
        catch (HttpRequestException e)
        {
            throw new DispatcherUnavailableException($"The dispatcher at {http.BaseAddress} could not be reached: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new DispatcherRejectedException(200, $"The dispatcher's answer to {path} is not the expected JSON: {e.Message}");
        }
    }

    private Exception Classify(HttpStatusCode status, string path, long? jobId, string detail)
    {
        var code = (int)status;
        return status switch
        {
            HttpStatusCode.Unauthorized => new DispatcherCredentialException(code,
                $"The dispatcher at {http.BaseAddress} refused the worker token (401): {detail} Register the worker again and put its new token in the configuration."),
            HttpStatusCode.Forbidden => new DispatcherCredentialException(code,
                $"The dispatcher at {http.BaseAddress} refused {path} for this worker's token (403): {detail} Check that the token is the worker's enrolment token."),
            HttpStatusCode.Conflict or HttpStatusCode.NotFound when jobId is { } id => new LeaseLostException(id, $"{code}: {detail}"),
            HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => new DispatcherUnavailableException(
                $"The dispatcher answered {path} with {code}: {detail}"),
            _ when code >= 500 => new DispatcherUnavailableException($"The dispatcher answered {path} with {code}: {detail}"),
            HttpStatusCode.NotFound => new DispatcherRejectedException(code,
                $"The dispatcher at {http.BaseAddress} has no {path} (404); check the dispatcher URL in the worker configuration."),
            _ => new DispatcherRejectedException(code, $"The dispatcher refused {path} with {code}: {detail}"),
        };
    }

    // The problem's detail (RFC 7807) or the start of whatever came back: enough for the operator, never a request.
    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return response.ReasonPhrase ?? "";
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && (root.TryGetProperty("detail", out var found) || root.TryGetProperty("title", out found))
                && found.ValueKind == JsonValueKind.String)
            {
                text = found.GetString() ?? "";
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's error page): the raw start is still the best clue.
        }

        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length > MaxDetailLength ? text[..MaxDetailLength] + "…" : text;
    }
}
