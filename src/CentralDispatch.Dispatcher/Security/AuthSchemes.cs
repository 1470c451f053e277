namespace CentralDispatch.Dispatcher.Security;

/// <summary>Names of the authentication schemes, policies, roles and claims.</summary>
public static class AuthSchemes
{
    public const string Bearer = "Bearer";
    public const string Cookie = "Cookies";
    public const string AdminPolicy = "admin";
    public const string WorkerPolicy = "worker";
    public const string AdminRole = "admin";
    public const string WorkerRole = "worker";
    public const string WorkerIdClaim = "cd:worker_id";
    public const string WorkerNameClaim = "cd:worker_name";
    public const string AdminIdClaim = "cd:admin_id";
}
