using System.Security.Claims;
using CentralDispatch.Dispatcher.Security;

namespace CentralDispatch.Dispatcher.Api;

/// <summary>Reads our claims off the authenticated caller.</summary>
public static class PrincipalExtensions
{
    public static Guid WorkerId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(AuthSchemes.WorkerIdClaim) ?? throw new InvalidOperationException("Not a worker principal."));

    public static string WorkerName(this ClaimsPrincipal user) =>
        user.FindFirstValue(AuthSchemes.WorkerNameClaim) ?? throw new InvalidOperationException("Not a worker principal.");

    public static string? Actor(this ClaimsPrincipal user) => user.Identity?.Name;
}
