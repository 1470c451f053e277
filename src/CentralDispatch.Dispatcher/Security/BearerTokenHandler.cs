using System.Security.Claims;
using System.Text.Encodings.Web;
using CentralDispatch.Dispatcher.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Dispatcher.Security;

/// <summary>
/// Authenticates "Authorization: Bearer …" with an admin API token or a worker's enrolment token.
/// Tokens are looked up by their SHA-256 hash; the token itself is never stored or logged.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DispatchDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <token>'.");
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length is < 10 or > 200)
        {
            return AuthenticateResult.Fail("The bearer token is not valid.");
        }

        var hash = Tokens.Hash(token);
        var identity = token.StartsWith(Tokens.WorkerPrefix, StringComparison.Ordinal)
            ? await WorkerIdentityAsync(hash)
            : await AdminIdentityAsync(hash);
        return identity is null
            ? AuthenticateResult.Fail("The bearer token is not valid, or was revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    private async Task<ClaimsIdentity?> WorkerIdentityAsync(string hash)
    {
        var worker = await db.Workers.AsNoTracking()
            .Where(w => w.TokenHash == hash && w.RemovedAt == null)
            .Select(w => new { w.Id, w.Name })
            .SingleOrDefaultAsync(Context.RequestAborted);
        return worker is null
            ? null
            : new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, worker.Name),
                new Claim(ClaimTypes.Role, AuthSchemes.WorkerRole),
                new Claim(AuthSchemes.WorkerIdClaim, worker.Id.ToString()),
                new Claim(AuthSchemes.WorkerNameClaim, worker.Name),
            ], Scheme.Name);
    }

    private async Task<ClaimsIdentity?> AdminIdentityAsync(string hash)
    {
        var admin = await (from t in db.ApiTokens.AsNoTracking()
                           join a in db.AdminUsers.AsNoTracking() on t.AdminUserId equals a.Id
                           where t.TokenHash == hash && t.RevokedAt == null && !a.Disabled
                           select new { a.Id, a.Email }).SingleOrDefaultAsync(Context.RequestAborted);
        return admin is null
            ? null
            : new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, admin.Email),
                new Claim(ClaimTypes.Role, AuthSchemes.AdminRole),
                new Claim(AuthSchemes.AdminIdClaim, admin.Id.ToString()),
            ], Scheme.Name);
    }
}
