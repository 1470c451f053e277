using System.Security.Claims;
using CentralDispatch.Core.Contracts;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Jobs;
using CentralDispatch.Core.Domain.Actions;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Dispatcher.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CentralDispatch.Dispatcher.Api;

/// <summary>/api/v1/instances: create managed instances, list and show them, and act on them.</summary>
public static class InstancesApi
{
    public static RouteGroupBuilder MapInstancesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/instances").WithTags("Instances");
        group.MapPost("/", Create).WithSummary("Create an instance; it starts Pending with a queued Deploy job.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", List).WithSummary("List instances, filtered by state, worker, text or certificate expiry; paged.")
            .ProducesValidationProblem();
        group.MapGet("/{name}", Get).WithSummary("Show one instance with its last error and current job.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{name}/jobs", Jobs).WithSummary("The instance's jobs, newest first.").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{name}/restore", Restore)
            .WithSummary("Restore an Archived instance from its archive: under its name, or as a new instance (name, hostname, aliases, certificate).")
            .WithDescription("Optional body {\"name\", \"hostname\", \"aliases\", \"certificatePem\", \"keyPem\", \"chainPem\"}, validated like a create; "
                             + "empty fields keep the archived instance's. Answers 202 with the instance (Pending) and its queued Deploy job, which reads the archive.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{name}/{action}", Act)
            .WithSummary($"Queue an action: {InstanceActions.Slugs}.")
            .WithDescription("Answers 409 with the reason when the instance's state does not allow the action or another job is unfinished. "
                             + ActionBodies.Description)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Created<InstanceResponse>> Create(CreateInstanceRequest? request, InstanceService instances, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var created = await instances.CreateAsync(request, user.Actor(), ct);
        return TypedResults.Created($"/api/v1/instances/{created.Name}", created);
    }

    private static async Task<Ok<Page<InstanceResponse>>> List(InstanceService instances, CancellationToken ct,
        [FromQuery] string? state = null, [FromQuery] string? worker = null, [FromQuery] string? q = null,
        [FromQuery] int? expiringWithinDays = null, [FromQuery] int? page = null, [FromQuery] int? pageSize = null) =>
        TypedResults.Ok(await instances.ListAsync(new InstanceQuery(state, worker, q, expiringWithinDays, page, pageSize), ct));

    private static async Task<Ok<InstanceResponse>> Get(string name, InstanceService instances, CancellationToken ct) =>
        TypedResults.Ok(await instances.GetAsync(name, ct));

    private static async Task<Ok<IReadOnlyList<JobSummary>>> Jobs(string name, InstanceService instances, CancellationToken ct) =>
        TypedResults.Ok(await instances.JobsAsync(name, ct));

    private static async Task<Accepted<InstanceResponse>> Restore(string name, [FromBody] RestoreInstanceRequest? body, InstanceService instances,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var restored = await instances.RestoreAsync(name, body, user.Actor(), ct);
        return TypedResults.Accepted($"/api/v1/instances/{restored.Name}", restored);
    }

    private static async Task<Accepted<JobSummary>> Act(string name, string action, [FromBody] InstanceActionRequest? body,
        InstanceService instances, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!InstanceActions.TryParse(action, out var parsed))
        {
            throw new NotFoundException($"There is no action '{(action.Length > 30 ? action[..30] : action)}'; use {InstanceActions.Slugs}.");
        }

        var job = await instances.ActAsync(name, parsed, body, user.Actor(), ct);
        return TypedResults.Accepted($"/api/v1/jobs/{job.Id}", job);
    }
}
