using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CentralDispatch.Dispatcher.Security;

/// <summary>The web UI's sign-in session: an encrypted cookie naming the administrator, checked against the store on every request.</summary>
public static class AdminSession
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    public static void Configure(CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Cookie.Name = "cd_session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = SignInPath;
        options.LogoutPath = SignOutPath;
        options.AccessDeniedPath = SignInPath;
        options.ExpireTimeSpan = IdleTimeout;
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = ValidateAsync;
        options.Events.OnRedirectToLogin = context =>
        {
            // An event stream cannot follow a redirect to an HTML page; tell it plainly.
            if (context.Request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.Ordinal) == true))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            }
            else
            {
                context.Response.Redirect(context.RedirectUri);
            }

            return Task.CompletedTask;
        };
    }

    public static ClaimsPrincipal Principal(AdminUser admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        return new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, admin.Email),
            new Claim(ClaimTypes.Role, AuthSchemes.AdminRole),
            new Claim(AuthSchemes.AdminIdClaim, admin.Id.ToString()),
            new Claim(AuthSchemes.SessionStampClaim, Stamp(admin)),
        ], AuthSchemes.Cookie));
    }

    /// <summary>The signed-in administrator's id, when the caller is one.</summary>
    public static Guid? AdminId(this ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(AuthSchemes.AdminIdClaim), out var id) ? id : null;

    /// <summary>Ends the session when its administrator was disabled or removed, or the password changed since sign-in.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.AdminId();
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AdminAccounts>();
        var admin = id is null ? null : await accounts.FindActiveAsync(id.Value, context.HttpContext.RequestAborted);
        if (admin is null || context.Principal!.FindFirstValue(AuthSchemes.SessionStampClaim) != Stamp(admin))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
        }
    }

    /// <summary>A short digest of the password hash: changes exactly when the password does; reveals nothing usable.</summary>
    private static string Stamp(AdminUser admin) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(admin.Id + ":" + admin.PasswordHash)))[..16];
}
