using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CentralDispatch.Core.Json;

namespace CentralDispatch.Worker.Tests.Agent;

/// <summary>
/// Sits between the agent and the real dispatcher: records every agent call (its kind, body and status) in order,
/// and lets a test answer a call itself (a 503, a network error) or hold it, to play a flaky network.
/// </summary>
public sealed class TrafficRecorder : DelegatingHandler
{
    private readonly ConcurrentQueue<Exchange> _log = new();

    public TrafficRecorder() : base(new SocketsHttpHandler())
    {
    }

    /// <summary>One agent call: hello, claim, heartbeat, events or complete.</summary>
    public sealed record Exchange(string Call, string? Body, int? Status, DateTimeOffset SentAt, DateTimeOffset EndedAt);

    /// <summary>The agent's clock, to stamp each call with (when it was sent and when its answer or failure came).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Answers a call instead of the dispatcher when it returns a response; null lets the call through.</summary>
    public Func<string, HttpRequestMessage, Task<HttpResponseMessage?>>? Intercept { get; set; }

    public IReadOnlyList<Exchange> Log => _log.ToList();

    public int Count(string call, int? status = null) => _log.Count(e => e.Call == call && (status is null || e.Status == status));

    /// <summary>Bodies of the calls of one kind that the dispatcher answered with a success.</summary>
    public IReadOnlyList<T> SentBodies<T>(string call) => _log
        .Where(e => e.Call == call && e.Status is >= 200 and < 300 && e.Body is not null)
        .Select(e => JsonSerializer.Deserialize<T>(e.Body!, CoreJson.Options)!)
        .ToList();

    /// <summary>An intercept that fails every call of one kind as a dropped connection would, and lets the others through.</summary>
    public static Func<string, HttpRequestMessage, Task<HttpResponseMessage?>> Drop(string call) => (c, _) =>
        c == call ? throw new HttpRequestException("Connection reset by peer (simulated)") : Task.FromResult<HttpResponseMessage?>(null);

    public static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = new StringContent("{\"title\":\"simulated\"}") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = request.RequestUri!.Segments[^1].TrimEnd('/');
        var at = Clock.GetUtcNow();
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        HttpResponseMessage? answer;
        try
        {
            answer = Intercept is { } intercept ? await intercept(call, request) : null;
        }
        catch (HttpRequestException)
        {
            _log.Enqueue(new Exchange(call, body, null, at, Clock.GetUtcNow()));
            throw;
        }

        if (answer is not null)
        {
            _log.Enqueue(new Exchange(call, body, (int)answer.StatusCode, at, Clock.GetUtcNow()));
            return answer;
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            _log.Enqueue(new Exchange(call, body, (int)response.StatusCode, at, Clock.GetUtcNow()));
            return response;
        }
        catch (Exception)
        {
            _log.Enqueue(new Exchange(call, body, null, at, Clock.GetUtcNow()));
            throw;
        }
    }
}
