using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CentralDispatch.Core.Json;
using CentralDispatch.Dispatcher.Queue;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace CentralDispatch.Dispatcher.Web.Live;

/// <summary>
/// GET /instances/{name}/jobs/{id}/events: a job's step rows and state as server-sent events. "step" carries a
/// row that changed, "job" the job's and instance's state when it changed, "done" ends a finished job's stream.
/// Event ids are step-event ids, so a reconnecting browser (Last-Event-ID) gets only what it missed.
/// </summary>
public static class JobStream
{
    /// <summary>How often the store is read when nothing in this process said the job changed (another replica may have).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public static string Path(string instance, long jobId, long after) =>
        $"/instances/{Uri.EscapeDataString(instance)}/jobs/{jobId}/events?after={after}";

    public static RouteGroupBuilder MapJobStream(this RouteGroupBuilder ui)
    {
        ui.MapGet("/instances/{name}/jobs/{id:long}/events", Open).ExcludeFromDescription();
        return ui;
    }

    private static async Task<Results<ServerSentEventsResult<string>, NotFound>> Open(string name, long id, [FromQuery] long? after,
        HttpContext http, JobSnapshotReader reader, JobActivity activity, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        http.Response.RegisterForDispose(stop);
        if (await reader.ReadAsync(name, id, stop.Token) is null)
        {
            return TypedResults.NotFound();
        }

        var resumeFrom = long.TryParse(http.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            ? last
            : after ?? 0;
        return TypedResults.ServerSentEvents(EventsAsync(name, id, Math.Max(0, resumeFrom), reader, activity, time, stop.Token));
    }

    private static async IAsyncEnumerable<SseItem<string>> EventsAsync(string name, long id, long after, JobSnapshotReader reader,
        JobActivity activity, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LiveJob? sent = null;
        while (true)
        {
            var woken = activity.Subscribe(id);
            var snapshot = await reader.ReadAsync(name, id, cancellationToken);
            if (snapshot is null)
            {
                yield break;
            }

            var fresh = snapshot.EventIds.Select((eventId, index) => (eventId, index)).Where(e => e.eventId > after).ToList();
            if (fresh.Count > 0)
            {
                after = fresh[^1].eventId;
                var touched = fresh.Select(e => snapshot.Events[e.index].Step).ToHashSet(StringComparer.Ordinal);
                foreach (var row in StepRow.Of(snapshot.Events, snapshot.Kind).Where(r => touched.Contains(r.Step)))
                {
                    yield return Item("step", new { row.Step, row.Status, row.Label, row.Duration, row.Message }, after);
                }
            }

            if (snapshot.Job != sent)
            {
                sent = snapshot.Job;
                yield return Item("job", sent, after);
            }

            if (sent.Finished)
            {
                yield return Item("done", new { sent.Id }, after);
                yield break;
            }

            if (!await WaitAsync(woken, time, cancellationToken))
            {
                yield break;
            }
        }
    }

    private static SseItem<string> Item<T>(string type, T data, long after) =>
        new(JsonSerializer.Serialize(data, CoreJson.Options), type) { EventId = after > 0 ? after.ToString(CultureInfo.InvariantCulture) : null };

    /// <summary>Waits for this process's signal or the poll interval; false when the stream should end.</summary>
    private static async Task<bool> WaitAsync(Task woken, TimeProvider time, CancellationToken cancellationToken)
    {
        var delay = Task.Delay(PollInterval, time, cancellationToken);
        await Task.WhenAny(woken, delay);
        return !cancellationToken.IsCancellationRequested;
    }
}
