using CentralDispatch.Dispatcher.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CentralDispatch.Dispatcher.Api;

/// <summary>
/// The API reference's script is mapped by its package as anonymous; every route here but /healthz needs a
/// credential, so the whole /api-reference path is held to the admin role before endpoint authorization runs.
/// </summary>
public static class ApiReferenceGuard
{
    public const string Path = "/api-reference";

    public static IApplicationBuilder UseApiReferenceGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(Path))
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync();
                return;
            }

            if (!context.User.IsInRole(AuthSchemes.AdminRole))
            {
                await context.ForbidAsync();
                return;
            }
        }

        await next(context);
    });
}
