using CentralDispatch.Dispatcher.Api;
using Microsoft.AspNetCore.Http;

namespace CentralDispatch.Dispatcher.Security;

/// <summary>
/// Picks the scheme a request is authenticated and challenged with: a bearer token wherever one is sent and on the
/// API paths, the session cookie on the web UI. The API never honours the cookie, so a page cannot be tricked into
/// calling it cross-site (the UI's own forms carry antiforgery tokens), and it keeps answering 401 instead of a redirect.
/// </summary>
public static class SchemeSelector
{
    public static string Select(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        return context.Request.Headers.Authorization.Count > 0
               || path.StartsWithSegments("/api")
               || path.StartsWithSegments("/openapi")
               || path.StartsWithSegments(ApiReferenceGuard.Path)
            ? AuthSchemes.Bearer
            : AuthSchemes.Cookie;
    }
}
