using System.Security.Claims;
using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Dispatcher.Queue;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Dispatcher.Api;

/// <summary>/api/v1/agent: the worker protocol (hello, long-poll claim, heartbeat, events, complete), fenced by lease.</summary>
public static class AgentApi
{
    public static RouteGroupBuilder MapAgentApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agent").WithTags("Agent");
        group.MapPost("/hello", Hello).WithSummary("A worker announces itself; returns poll and lease settings.");
        group.MapPost("/claim", Claim).WithSummary("Long-poll for the oldest queued job of this worker; 204 when none came in time.")
            .Produces(StatusCodes.Status204NoContent);
        group.MapPost("/jobs/{id:long}/heartbeat", Heartbeat).WithSummary("Extend the lease; says whether cancellation was requested.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/jobs/{id:long}/events", Events).WithSummary("Report a batch of step events.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/jobs/{id:long}/complete", Complete).WithSummary("Finish the job with its outcome, error and facts.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<Ok<HelloResponse>> Hello(HelloRequest? request, WorkerService workers, IOptions<QueueOptions> options,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var worker = await workers.HelloAsync(user.WorkerId(), request, ct);
        var queue = options.Value;
        return TypedResults.Ok(new HelloResponse(worker.Name, worker.InstallPath, queue.PollTimeout, queue.Lease, queue.HeartbeatInterval));
    }

    private static async Task<Results<Ok<JobAssignment>, NoContent>> Claim([FromBody] ClaimRequest? request, JobQueue queue,
        AgentPayloads payloads, IOptions<QueueOptions> options, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var wait = request?.WaitSeconds is { } seconds ? TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 120)) : options.Value.PollTimeout;
        var owner = $"{user.WorkerName()}@{http.Connection.RemoteIpAddress}";
        if (owner.Length > 64)
        {
            owner = owner[..64];
        }

        try
        {
            var claimed = await queue.ClaimAsync(user.WorkerId(), owner, wait, ct);
            return claimed is null ? TypedResults.NoContent() : TypedResults.Ok(payloads.Assignment(claimed));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The worker hung up while waiting; nothing was claimed for it.
            return TypedResults.NoContent();
        }
    }

    private static async Task<Ok<HeartbeatResponse>> Heartbeat(long id, HeartbeatRequest? request, JobQueue queue, ClaimsPrincipal user,
        CancellationToken ct)
    {
        AgentReportValidator.Heartbeat(request);
        return TypedResults.Ok(await queue.HeartbeatAsync(user.WorkerId(), id, request!, ct));
    }

    private static async Task<NoContent> Events(long id, EventsRequest? request, JobQueue queue, ClaimsPrincipal user, CancellationToken ct)
    {
        AgentReportValidator.Events(request);
        await queue.AppendEventsAsync(user.WorkerId(), id, request!, request!.Events!, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CompleteResponse>> Complete(long id, CompleteRequest? request, JobQueue queue, ClaimsPrincipal user,
        CancellationToken ct)
    {
        AgentReportValidator.Complete(request);
        var job = await queue.CompleteAsync(user.WorkerId(), id, request!, ct);
        return TypedResults.Ok(new CompleteResponse(job.Id, job.State));
    }
}
