using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Dispatcher.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CentralDispatch.Dispatcher.Api;

/// <summary>/api/v1/workers: register, list, show, drain, re-key and remove worker hosts.</summary>
public static class WorkersApi
{
    public static RouteGroupBuilder MapWorkersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workers").WithTags("Workers");
        group.MapPost("/", Register).WithSummary("Register a worker; the response carries its one-time enrolment token.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", List).WithSummary("List registered workers.");
        group.MapGet("/{name}", Get).WithSummary("Show one worker.").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{name}/drain", Drain).WithSummary("Stop placing new instances on the worker.").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{name}/token", RotateToken).WithSummary("Issue a new enrolment token; the old one stops working.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{name}", Remove).WithSummary("Remove a worker that hosts no live instance.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Created<WorkerEnrolmentResponse>> Register(RegisterWorkerRequest? request, WorkerService workers, CancellationToken ct)
    {
        var created = await workers.RegisterAsync(request, ct);
        return TypedResults.Created($"/api/v1/workers/{created.Name}", created);
    }

    private static async Task<Ok<IReadOnlyList<WorkerResponse>>> List(WorkerService workers, CancellationToken ct) =>
        TypedResults.Ok(await workers.ListAsync(ct));

    private static async Task<Ok<WorkerResponse>> Get(string name, WorkerService workers, CancellationToken ct) =>
        TypedResults.Ok(await workers.GetAsync(name, ct));

    private static async Task<Ok<WorkerResponse>> Drain(string name, WorkerService workers, CancellationToken ct) =>
        TypedResults.Ok(await workers.DrainAsync(name, ct));

    private static async Task<Ok<WorkerEnrolmentResponse>> RotateToken(string name, WorkerService workers, CancellationToken ct) =>
        TypedResults.Ok(await workers.RotateTokenAsync(name, ct));

    private static async Task<NoContent> Remove(string name, WorkerService workers, CancellationToken ct)
    {
        await workers.RemoveAsync(name, ct);
        return TypedResults.NoContent();
    }
}
