namespace CentralDispatch.Dispatcher.Security;

/// <summary>Names of the authentication schemes, policies, roles and claims.</summary>
public static class AuthSchemes
{
    public const string Bearer = "Bearer";
    public const string Cookie = "Cookies";
    /// <summary>The default: forwards to <see cref="Bearer"/> or <see cref="Cookie"/> per request (<see cref="SchemeSelector"/>).</summary>
    public const string BearerOrCookie = "BearerOrCookie";
    public const string AdminPolicy = "admin";
    public const string WorkerPolicy = "worker";
    public const string AdminRole = "admin";
    public const string WorkerRole = "worker";
    public const string WorkerIdClaim = "cd:worker_id";
    public const string WorkerNameClaim = "cd:worker_name";
    public const string AdminIdClaim = "cd:admin_id";
    /// <summary>Ties a UI session to the password it was opened with: a password reset ends the other sessions.</summary>
    public const string SessionStampClaim = "cd:session_stamp";
}
