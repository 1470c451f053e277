using System.Text.Json;
using CentralDispatch.Core.Domain;
using CentralDispatch.Dispatcher.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace CentralDispatch.Dispatcher.Api;

/// <summary>Turns the dispatcher's exceptions into RFC 7807 problem details with the right status and, where known, the field.</summary>
public sealed partial class DispatchExceptionHandler(IProblemDetailsService problems, ILogger<DispatchExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RequestValidationException e => Validation(e.Errors.ToDictionary(), "One or more fields are not valid."),
            BadHttpRequestException { InnerException: JsonException json } => Validation(
                new() { [FieldOf(json.Path)] = [$"This value has the wrong type or is not valid JSON here ({json.Path ?? "$"}); see the API reference for the expected type."] }, "The request body could not be read."),
            BadHttpRequestException e when e.StatusCode == StatusCodes.Status400BadRequest => Validation(
                new() { ["body"] = [Trim(e.Message)] }, "The request could not be read."),
            BadHttpRequestException e => Plain(e.StatusCode, "Bad request", Trim(e.Message)),
            NotFoundException e => Plain(StatusCodes.Status404NotFound, "Not found", e.Message),
            ForbiddenException e => Plain(StatusCodes.Status403Forbidden, "Forbidden", e.Message),
            LeaseConflictException e => Plain(StatusCodes.Status409Conflict, "Lease no longer held", e.Message),
            ConflictException { Field: not null } e => Conflict(e.Field, e.Message),
            ConflictException e => Plain(StatusCodes.Status409Conflict, "Conflict", e.Message),
            DomainException e => Plain(StatusCodes.Status409Conflict, "Not allowed in the current state", e.Message),
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static HttpValidationProblemDetails Validation(Dictionary<string, string[]> errors, string detail) => new(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "One or more validation errors occurred.",
        Detail = detail,
    };

    private static HttpValidationProblemDetails Conflict(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] })
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Conflict",
        Detail = message,
    };

    private static ProblemDetails Plain(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    /// <summary>"$.aliases[2]" → "aliases[2]"; the body itself when the path is empty.</summary>
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : JsonNamingPolicy.CamelCase.ConvertName(field);
    }

    private static string Trim(string message) => message.Length > 300 ? message[..300] + "…" : message;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
