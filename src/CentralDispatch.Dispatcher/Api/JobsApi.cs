using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Dispatcher.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CentralDispatch.Dispatcher.Api;

/// <summary>/api/v1/jobs: show a job with its step events, cancel it.</summary>
public static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/jobs").WithTags("Jobs");
        group.MapGet("/{id:long}", Get).WithSummary("Show a job with its step events.").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/cancel", Cancel)
            .WithSummary("Cancel a job no worker has started at once, or ask a started one to stop and roll back.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<JobResponse>> Get(long id, JobService jobs, CancellationToken ct) => TypedResults.Ok(await jobs.GetAsync(id, ct));

    private static async Task<Ok<JobResponse>> Cancel(long id, JobService jobs, CancellationToken ct) =>
        TypedResults.Ok(await jobs.CancelAsync(id, ct));
}
